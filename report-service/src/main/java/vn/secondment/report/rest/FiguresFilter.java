package vn.secondment.report.rest;

import vn.secondment.rest.IsoWeek;

import java.util.List;

/**
 * What the figures are asked for: ministries (none = every ministry with figures), an optional province, and a
 * range of ISO weeks.
 */
public record FiguresFilter(List<String> ministries, String province, IsoWeek from, IsoWeek to) {
}
