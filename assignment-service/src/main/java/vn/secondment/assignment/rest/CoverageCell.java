package vn.secondment.assignment.rest;

import vn.secondment.assignment.CoverageState;

import java.util.List;

/**
 * One province of one ministry on one day.
 *
 * @param provinceName the province's full name in force on that day, e.g. "Thành phố Hồ Chí Minh"
 * @param required     officials the coverage rules of the ministry's deployments in force ask for there
 * @param count        officials holding the province that day
 * @param officials    who they are; only those the caller may see (count is always the full number)
 * @param delegations  the delegations of the ministry visiting the province that day (a stop of their itinerary),
 *                     beside the resident officials: neither required nor counted
 */
public record CoverageCell(String provinceCode, String provinceName, int required, int count, CoverageState state,
                           List<CoverageHolder> officials, List<CoverageDelegation> delegations) {
}
