package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.DeploymentType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A delegation visiting a province on the day asked, shown beside the resident officials: it never counts toward
 * a resident quota.
 *
 * @param startDate its stop in the province: first day
 * @param endDate   its stop in the province: last day
 * @param leader    who leads it (named publicly by the decision, so shown to every caller of the coverage); absent
 *                  while it has no leader
 */
public record CoverageDelegation(UUID deploymentId, String ministryCode, String name, DeploymentType type,
                                 String decisionNumber, LocalDate startDate, LocalDate endDate,
                                 @Schema(nullable = true) Leader leader) {

    /** The leader of a delegation: the official and the title they lead with, e.g. "Thứ trưởng". */
    @Schema(name = "CoverageDelegationLeader")
    public record Leader(UUID assignmentId, UUID officialId, @Schema(nullable = true) String fullName,
                         @Schema(nullable = true) String leadTitle) {
    }
}
