package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.AssignmentStatus;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A deployment over time, ready for a Gantt chart: its current period, every dated change as a milestone, and one
 * bar per assignment the caller may see with the assignment's own periods over time.
 *
 * @param from       the first day any period (of the deployment or a bar, current or past) covers
 * @param to         the last such day
 * @param milestones the deployment's revisions, oldest first (created, issued, rescheduled, started...)
 * @param bars       by province (a delegation's or working group's members, who have none, first), role (lead
 *                   first) and start
 * @param stops      a delegation's itinerary, each stop with its province's name; absent when it has none
 */
public record TimelineView(UUID deploymentId, String ministryCode, String name, String decisionNumber,
                           DeploymentType type, DeploymentStatus status, LocalDate startDate, LocalDate endDate,
                           LocalDate from, LocalDate to, List<RevisionView> milestones, List<Bar> bars,
                           @Schema(nullable = true) List<Stop> stops) {

    /** A stop of a delegation's itinerary. */
    @Schema(name = "TimelineStop")
    public record Stop(String provinceCode, @Schema(nullable = true) String provinceName, LocalDate startDate,
                       LocalDate endDate) {
    }

    /**
     * One assignment's current period.
     *
     * @param revisions its dated versions, oldest first: the periods it had over time
     * @param provinceCode absent for a member going with the whole group
     * @param leadTitle the title a group's leader leads with, e.g. "Thứ trưởng"
     */
    public record Bar(UUID assignmentId, UUID officialId, String officialName,
                      @Schema(nullable = true) String provinceCode, @Schema(nullable = true) String provinceName, AssignmentRole role, AssignmentStatus status, LocalDate startDate,
                      LocalDate endDate, @Schema(nullable = true) LocalDate arrivedOn,
                      @Schema(nullable = true) UUID replacesId, @Schema(nullable = true) UUID replacedById,
                      List<RevisionView> revisions, @Schema(nullable = true) String leadTitle) {
    }
}
