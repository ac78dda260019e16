package vn.secondment.assignment.rest;

import vn.secondment.assignment.CoverageState;

/**
 * Sums over provinces (and over ministries for the overall totals).
 *
 * @param required          officials required
 * @param officials         officials holding a province
 * @param provincesCovered  provinces with exactly what is required (COVERED)
 * @param gaps              provinces with fewer officials than required (GAP)
 * @param excess            provinces with more officials than required (EXCESS)
 * @param shortfall         officials missing in the gap provinces
 */
public record CoverageTotals(int required, int officials, int provincesCovered, int gaps, int excess,
                             int shortfall) {

    public static final CoverageTotals ZERO = new CoverageTotals(0, 0, 0, 0, 0, 0);

    public CoverageTotals plus(CoverageTotals other) {
        return new CoverageTotals(required + other.required, officials + other.officials,
                provincesCovered + other.provincesCovered, gaps + other.gaps, excess + other.excess,
                shortfall + other.shortfall);
    }

    public static CoverageTotals of(CoverageCell cell) {
        return new CoverageTotals(cell.required(), cell.count(),
                cell.state() == CoverageState.COVERED ? 1 : 0,
                cell.state() == CoverageState.GAP ? 1 : 0,
                cell.state() == CoverageState.EXCESS ? 1 : 0,
                Math.max(0, cell.required() - cell.count()));
    }
}
