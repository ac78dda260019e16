package vn.secondment.report.service;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.report.repository.FiguresQueries;
import vn.secondment.report.rest.FiguresFilter;
import vn.secondment.report.rest.FiguresRow;
import vn.secondment.report.rest.FiguresView;
import vn.secondment.rest.IsoWeek;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the figures' grouped rows become one row per ministry, province and week, side by side, with each ministry's
 * weekly totals over its provinces. The statements are stood in for by their rows: the counted cells, the issues per
 * field, and what is overdue, added to its cells.
 */
class SideBySideFiguresTest {

    private static final LocalDate W37 = LocalDate.of(2025, 9, 8);
    private static AdministrativeUnits units;

    @BeforeAll
    static void loadUnits() {
        units = new AdministrativeUnits();
    }

    private final FiguresQueries queries = new FiguresQueries(null) {
        @Override
        public List<Object[]> cells(FiguresFilter f) {
            return List.of(
                    cell("BCT", "79", W37, 1, reports(1, 0, 0, 0), NO_VISITS, NO_REQUESTS, NO_ISSUES),
                    cell("BNV", "75", W37, 1, reports(1, 1, 0, 0), visits(1, 0, 1), requests(1, 0, 0, 1, 0),
                            issues(2, 0, 0, 2)),
                    cell("BNV", "79", W37, 2, reports(2, 1, 1, 1), visits(2, 1, 3), requests(2, 1, 1, 0, 1),
                            issues(5, 1, 1, 4)));
        }

        @Override
        public List<Object[]> issuesRaisedPerField(FiguresFilter f) {
            return List.of(row("BNV", "79", W37, "THU_TUC_HANH_CHINH", 3L),
                    row("BNV", "79", W37, "PHAN_MEM_HA_TANG_SO", 1L), row("BNV", "75", W37, "KHO_BAC", 1L),
                    row("BNV", "75", W37, "DAT_DAI", 1L), row("BNV", "79", W37, "OTHER", 1L));
        }

        @Override
        public List<Object[]> reportsOverdue(FiguresFilter f, Instant now) {
            return List.of(row("BNV", "79", W37, 1L), row("BCT", "79", W37, 1L));
        }

        @Override
        public List<Object[]> issuesOverdue(FiguresFilter f, LocalDate today) {
            return List.<Object[]>of(row("BNV", "79", "2025-W37", 1L));
        }
    };
    private final SideBySideFigures figures = new SideBySideFigures(queries, units,
            Clock.fixed(Instant.parse("2025-09-20T03:00:00Z"), ZoneOffset.UTC), Runnable::run);

    @Test
    void eachMinistryGetsItsOwnRowPerProvinceAndWeekSideBySide() {
        FiguresView view = figures.figures(filter());

        assertThat(view.rows()).extracting(FiguresRow::ministryCode, FiguresRow::provinceCode, FiguresRow::week,
                FiguresRow::officialsOnSite).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BCT", "79", "2025-W37", 1L),
                org.assertj.core.groups.Tuple.tuple("BNV", "75", "2025-W37", 1L),
                org.assertj.core.groups.Tuple.tuple("BNV", "79", "2025-W37", 2L));
        FiguresRow bnvCity = view.rows().get(2);
        assertThat(bnvCity.reports()).isEqualTo(new FiguresRow.ReportCounts(2, 1, 1, 1, 1));
        assertThat(bnvCity.issues()).isEqualTo(new FiguresRow.IssueCounts(5, 1, 1, 1, 4));
        assertThat(bnvCity.provinceName()).isEqualTo("Thành phố Hồ Chí Minh");
    }

    @Test
    void ministrysWeeklyTotalAddsUpItsProvinces() {
        FiguresView view = figures.figures(filter());

        assertThat(view.totals()).extracting(FiguresRow::ministryCode).containsExactly("BCT", "BNV");
        FiguresRow bnv = view.totals().get(1);
        assertThat(bnv.provinceCode()).isNull();
        assertThat(bnv.officialsOnSite()).isEqualTo(3);
        assertThat(bnv.reports()).isEqualTo(new FiguresRow.ReportCounts(3, 2, 1, 1, 1));
        assertThat(bnv.issues()).isEqualTo(new FiguresRow.IssueCounts(7, 1, 1, 1, 6));
        assertThat(bnv.visits()).isEqualTo(new FiguresRow.VisitCounts(3, 1, 4));
        assertThat(bnv.requests()).isEqualTo(new FiguresRow.RequestCounts(3, 1, 1, 1, 1));
    }

    @Test
    void aProvinceWithoutIssuesCountsNone() {
        FiguresRow bct = figures.figures(filter()).rows().get(0);

        assertThat(bct.issues()).isEqualTo(FiguresRow.IssueCounts.NONE);
        assertThat(bct.visits()).isEqualTo(FiguresRow.VisitCounts.NONE);
        assertThat(bct.requests()).isEqualTo(FiguresRow.RequestCounts.NONE);
        assertThat(bct.topFields()).isEmpty();
    }

    @Test
    void topFieldsAreTheThreeMostRaisedWithTheirLabels() {
        FiguresRow bnv = figures.figures(filter()).totals().get(1);

        assertThat(bnv.topFields()).extracting(FiguresRow.FieldCount::field, FiguresRow.FieldCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("THU_TUC_HANH_CHINH", 3L),
                        org.assertj.core.groups.Tuple.tuple("DAT_DAI", 1L),
                        org.assertj.core.groups.Tuple.tuple("KHO_BAC", 1L));
        assertThat(bnv.topFields().get(0).label()).isEqualTo("thủ tục hành chính");
    }

    @Test
    void withoutNamedMinistriesEveryMinistryWithFiguresIsListed() {
        assertThat(figures.figures(filter()).ministries()).containsExactly("BCT", "BNV");
    }

    @Test
    void ministriesNamedStayInTheOrderAsked() {
        FiguresView view = figures.figures(new FiguresFilter(List.of("BNV", "BCT"), null, IsoWeek.of(W37),
                IsoWeek.of(W37)));

        assertThat(view.ministries()).containsExactly("BNV", "BCT");
        assertThat(view.rows()).extracting(FiguresRow::ministryCode, FiguresRow::provinceCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("BNV", "75"),
                org.assertj.core.groups.Tuple.tuple("BNV", "79"),
                org.assertj.core.groups.Tuple.tuple("BCT", "79"));
        assertThat(view.totals()).extracting(FiguresRow::ministryCode).containsExactly("BNV", "BCT");
    }

    @Test
    void weeksAcrossTheNewYearComeInTheirOrderWhateverOrderTheRowsCameIn() {
        LocalDate w52 = LocalDate.of(2025, 12, 22);
        LocalDate w01 = LocalDate.of(2025, 12, 29);
        LocalDate w03 = LocalDate.of(2026, 1, 12);
        FiguresQueries acrossNewYear = new FiguresQueries(null) {
            @Override
            public List<Object[]> cells(FiguresFilter f) {
                return List.of(cell("BNV", "79", w03, 1, NO_REPORTS, NO_VISITS, NO_REQUESTS, NO_ISSUES),
                        cell("BNV", "79", w52, 2, NO_REPORTS, NO_VISITS, NO_REQUESTS, NO_ISSUES),
                        cell("BNV", "79", w01, 0, NO_REPORTS, NO_VISITS, NO_REQUESTS, issues(2, 0, 0, 2)),
                        cell("BNV", "01", w01, 1, NO_REPORTS, NO_VISITS, NO_REQUESTS, NO_ISSUES));
            }

            @Override
            public List<Object[]> issuesRaisedPerField(FiguresFilter f) {
                return List.<Object[]>of(row("BNV", "79", w01, "KHO_BAC", 2L));
            }

            @Override
            public List<Object[]> reportsOverdue(FiguresFilter f, Instant now) {
                return List.of();
            }

            @Override
            public List<Object[]> issuesOverdue(FiguresFilter f, LocalDate today) {
                return List.of();
            }
        };
        FiguresView view = new SideBySideFigures(acrossNewYear, units,
                Clock.fixed(Instant.parse("2026-02-01T03:00:00Z"), ZoneOffset.UTC), Runnable::run)
                .figures(new FiguresFilter(List.of(), null, IsoWeek.of(w52), IsoWeek.of(w03)));

        assertThat(view.rows()).extracting(FiguresRow::provinceCode, FiguresRow::week, FiguresRow::officialsOnSite,
                row -> row.issues().raised()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("01", "2026-W01", 1L, 0L),
                org.assertj.core.groups.Tuple.tuple("79", "2025-W52", 2L, 0L),
                org.assertj.core.groups.Tuple.tuple("79", "2026-W01", 0L, 2L),
                org.assertj.core.groups.Tuple.tuple("79", "2026-W03", 1L, 0L));
        // no row in 2026-W02, so no total either
        assertThat(view.totals()).extracting(FiguresRow::week, FiguresRow::officialsOnSite).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2025-W52", 2L),
                org.assertj.core.groups.Tuple.tuple("2026-W01", 1L),
                org.assertj.core.groups.Tuple.tuple("2026-W03", 1L));
        assertThat(view.totals().get(1).topFields()).extracting(FiguresRow.FieldCount::field,
                FiguresRow.FieldCount::count).containsExactly(org.assertj.core.groups.Tuple.tuple("KHO_BAC", 2L));
    }

    private static FiguresFilter filter() {
        return new FiguresFilter(List.of(), null, IsoWeek.of(W37), IsoWeek.of(W37));
    }

    private static final long[] NO_REPORTS = reports(0, 0, 0, 0);
    private static final long[] NO_VISITS = visits(0, 0, 0);
    private static final long[] NO_REQUESTS = requests(0, 0, 0, 0, 0);
    private static final long[] NO_ISSUES = issues(0, 0, 0, 0);

    /** A row of {@link FiguresQueries#cells}: a cell's counts, in the statement's column order. */
    private static Object[] cell(String ministry, String province, LocalDate monday, long officials, long[] reports,
                                 long[] visits, long[] requests, long[] issues) {
        List<Object> row = new ArrayList<>(List.of(ministry, province, monday, officials));
        for (long[] counts : List.of(reports, visits, requests, issues)) {
            for (long count : counts) {
                row.add(count);
            }
        }
        return row.toArray();
    }

    private static long[] reports(long due, long submitted, long late, long accepted) {
        return new long[]{due, submitted, late, accepted};
    }

    private static long[] visits(long visits, long joint, long participants) {
        return new long[]{visits, joint, participants};
    }

    private static long[] requests(long filed, long open, long accepted, long declined, long urgent) {
        return new long[]{filed, open, accepted, declined, urgent};
    }

    private static long[] issues(long raised, long open, long escalated, long answered) {
        return new long[]{raised, open, escalated, answered};
    }

    private static Object[] row(Object... columns) {
        return columns;
    }
}
