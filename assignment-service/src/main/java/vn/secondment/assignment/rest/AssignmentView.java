package vn.secondment.assignment.rest;

import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.AssignmentStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An assignment. Asked "as of" a date, the period and status are those in force on that date and {@code asOf}
 * names it; otherwise they are the current ones.
 *
 * @param official   who, as personnel-service last announced them
 * @param revisions  every dated version, oldest first (on a single read; absent in lists)
 */
public record AssignmentView(UUID id, UUID deploymentId, String deploymentName, String decisionNumber,
                             String ministryCode, OfficialRef official, String provinceCode, AssignmentRole role,
                             List<String> focusCommunes, LocalDate startDate, LocalDate endDate,
                             AssignmentStatus status, LocalDate asOf, LocalDate arrivedOn, UUID replacesId,
                             UUID replacedById, List<RevisionView> revisions, long version, Instant createdAt,
                             Instant updatedAt) {

    /** The assigned official. */
    public record OfficialRef(UUID id, String fullName, String position, String ministryCode) {
    }
}
