package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Side-by-side figures of one or several ministries, per province and ISO week, with each ministry's weekly totals.
 *
 * @param from       first ISO week
 * @param to         last ISO week
 * @param ministries the ministries asked for, or those with figures when none was named
 * @param asOf       the moment "overdue" and "open" were judged
 * @param rows       one row per ministry, province and week that has anything to count, in that order
 * @param totals     one row per ministry and week, summing its provinces
 */
@Schema(description = "Side-by-side figures of ministries per province and week")
public record FiguresView(String from, String to, List<String> ministries, Instant asOf, List<FiguresRow> rows,
                         List<FiguresRow> totals) {
}
