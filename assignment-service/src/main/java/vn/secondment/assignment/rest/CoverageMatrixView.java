package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.DeploymentType;

import java.time.LocalDate;
import java.util.List;

/**
 * Coverage side by side on one day: for each ministry, the 34 provinces (by code, named as on that day) with the
 * officials required and present.
 *
 * @param type only deployments of this type were counted; null for every type
 */
public record CoverageMatrixView(LocalDate date, @Schema(nullable = true) DeploymentType type,
                                 List<MinistryCoverage> ministries, CoverageTotals totals) {

    /** One ministry's row of the matrix. */
    public record MinistryCoverage(String ministryCode, CoverageTotals totals, List<CoverageCell> cells) {
    }
}
