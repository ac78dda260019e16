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
 * @param bars       by province, role (lead first) and start
 */
public record TimelineView(UUID deploymentId, String ministryCode, String name, String decisionNumber,
                           DeploymentType type, DeploymentStatus status, LocalDate startDate, LocalDate endDate,
                           LocalDate from, LocalDate to, List<RevisionView> milestones, List<Bar> bars) {

    /**
     * One assignment's current period.
     *
     * @param revisions its dated versions, oldest first: the periods it had over time
     */
    public record Bar(UUID assignmentId, UUID officialId, String officialName, String provinceCode,
                      String provinceName, AssignmentRole role, AssignmentStatus status, LocalDate startDate,
                      LocalDate endDate, @Schema(nullable = true) LocalDate arrivedOn,
                      @Schema(nullable = true) UUID replacesId, @Schema(nullable = true) UUID replacedById,
                      List<RevisionView> revisions) {
    }
}
