package vn.secondment.assignment.rest;

import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A deployment's coverage rule checked on one day: each target province's required and assigned officials, then
 * the provinces short of officials and those above the rule.
 *
 * @param date      the day checked (within the deployment's period)
 * @param provinces every target province, by code
 * @param gaps      provinces with fewer officials than the rule asks for; difference = officials missing
 * @param excess    provinces with more officials than the rule asks for; difference = officials above it
 */
public record DeploymentCoverageView(UUID deploymentId, String ministryCode, String name, String decisionNumber,
                                     DeploymentType type, DeploymentStatus status, LocalDate startDate,
                                     LocalDate endDate, LocalDate date, List<CoverageCell> provinces,
                                     List<Difference> gaps, List<Difference> excess, CoverageTotals totals) {

    /** A province off the rule and by how many officials. */
    public record Difference(String provinceCode, String provinceName, int required, int count, int difference) {
    }
}
