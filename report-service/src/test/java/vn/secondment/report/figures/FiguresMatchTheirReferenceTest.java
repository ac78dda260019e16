package vn.secondment.report.figures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.report.rest.FiguresFilter;
import vn.secondment.report.rest.FiguresRow;
import vn.secondment.report.rest.FiguresView;
import vn.secondment.report.service.SideBySideFigures;
import vn.secondment.rest.IsoWeek;
import vn.secondment.testing.WithRealInfrastructure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The side-by-side figures made faster for issue 22 (counted per ministry, province and week as records are written,
 * by migration V13's triggers; the rows merged in arrays over the range's weeks) give exactly the figures the code
 * before it gave ({@link ReferenceFigures}, kept as it was, grouping the records at each request), on data seeded the
 * way FiguresBenchmark seeds it, smaller but in every state: assignments active, completed,
 * withdrawn, replaced before and after going, without a province, starting and ending mid-week; weekly reports due,
 * drafted, submitted, returned, accepted, cancelled, late and overdue, past and to come; issues in every status,
 * escalations overdue and not; visits alone and together; support requests open, accepted, declined, urgent.
 */
@QuarkusTest
@WithRealInfrastructure
class FiguresMatchTheirReferenceTest {

    private static final String[] PROVINCES = {"01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25",
            "31", "33", "37", "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82",
            "86", "91", "92", "96"};
    private static final String[] FIELDS = {"TO_CHUC_BO_MAY", "BIEN_CHE_NHAN_SU", "TIEN_LUONG_CHE_DO",
            "TAI_CHINH_DU_TOAN", "KHO_BAC", "THU_TUC_HANH_CHINH", "PHAN_MEM_HA_TANG_SO", "DAT_DAI", "OTHER"};

    @Inject
    SideBySideFigures figures;

    @Inject
    EntityManager em;

    @Inject
    AdministrativeUnits units;

    @Inject
    DataSource dataSource;

    /** Ministry codes of this test alone: other test classes share the database (and their consumers may write). */
    private final List<String> ministries = List.of(code(), code(), code());

    @BeforeEach
    void seed() {
        seed(ministries);
    }

    @Test
    @Transactional
    void everyRangeGivesTheSameFiguresAsTheReference() {
        ReferenceFigures reference = new ReferenceFigures(new ReferenceFiguresQueries(em), units);
        String first = ministries.get(0);
        String second = ministries.get(1);
        String third = ministries.get(2);
        List<FiguresFilter> filters = List.of(
                // a quarter of all the ministries, named out of their order
                filter(List.of(third, first, second), null, "2025-W37", "2025-W49"),
                // a year of one ministry, across New Year
                filter(List.of(first), null, "2025-W28", "2026-W27"),
                // one province over a quarter
                filter(List.of(second, first, third), "79", "2025-W37", "2025-W49"),
                // one week
                filter(List.of(first, second), null, "2025-W40", "2025-W40"),
                // weeks still to come (reports due, nothing sent yet) and the end of the seeded rounds
                filter(List.of(first, second, third), null, "2026-W40", "2027-W12"));

        long compared = 0;
        for (FiguresFilter filter : filters) {
            FiguresView view = figures.figures(filter);
            FiguresView expected = reference.figures(filter, view.asOf());

            assertThat(view.rows()).as("rows of %s", filter).isNotEmpty();
            assertThat(view).as("the figures of %s", filter).isEqualTo(expected);
            compared += view.rows().size();
        }

        // the data covers what the figures count, so that a difference could show
        FiguresView year = figures.figures(filter(ministries, null, "2025-W28", "2026-W27"));
        FiguresRow.ReportCounts reports = year.totals().stream().map(FiguresRow::reports)
                .reduce(FiguresRow.ReportCounts.NONE, FiguresRow.ReportCounts::plus);
        FiguresRow.IssueCounts issues = year.totals().stream().map(FiguresRow::issues)
                .reduce(FiguresRow.IssueCounts.NONE, FiguresRow.IssueCounts::plus);
        FiguresRow.VisitCounts visits = year.totals().stream().map(FiguresRow::visits)
                .reduce(FiguresRow.VisitCounts.NONE, FiguresRow.VisitCounts::plus);
        FiguresRow.RequestCounts requests = year.totals().stream().map(FiguresRow::requests)
                .reduce(FiguresRow.RequestCounts.NONE, FiguresRow.RequestCounts::plus);
        assertThat(List.of(reports.due(), reports.submitted(), reports.late(), reports.overdue(), reports.accepted(),
                issues.raised(), issues.open(), issues.escalated(), issues.overdue(), issues.answered(),
                visits.visits(), visits.joint(), requests.filed(), requests.open(), requests.accepted(),
                requests.declined(), requests.urgent())).allMatch(count -> count > 0);
        assertThat(year.rows()).anyMatch(row -> row.provinceCode() == null)
                .anyMatch(row -> row.topFields().size() == 3);
        System.out.printf("figures equal to the reference's: %,d rows over %d ranges%n", compared, filters.size());
    }

    /**
     * The counts kept per week (migration V13's triggers) stay equal to the same counts taken from the records after
     * changes of every kind, each a statement over many rows: reports sent, returned, accepted, cancelled and back;
     * assignments moved in time, to another ministry or province (their reports and visits go along), withdrawn,
     * replaced, arrived; visits moved to another day or recorder, companions added, swapped and removed, visits
     * deleted with their companions; issues escalated, answered, referred, moved to another field or week, deleted;
     * support requests decided, moved, deleted. The figures then still equal the reference's. Each change commits
     * on its own, as the figures read committed counts.
     */
    @Test
    void countsKeptAsRecordsChangeEqualTheCountsTakenFromTheRecords() {
        String m = array(ministries.toArray(String[]::new));
        String assignments = "(select assignment_id from held_assignment where ministry_code = any(" + m + "))";
        execute("select setseed(0.13)");
        for (String change : List.of(
                "update weekly_report set status = 'SUBMITTED', submitted_at = due_at + interval '2 days', late = true"
                        + " where status in ('DUE', 'DRAFT') and assignment_id in " + assignments
                        + " and random() < 0.5",
                "update weekly_report set status = 'RETURNED' where status = 'SUBMITTED' and assignment_id in "
                        + assignments + " and random() < 0.3",
                "update weekly_report set status = 'ACCEPTED' where status = 'SUBMITTED' and assignment_id in "
                        + assignments + " and random() < 0.5",
                "update weekly_report set status = case when status = 'CANCELLED' then 'DRAFT' else 'CANCELLED' end"
                        + " where assignment_id in " + assignments + " and random() < 0.1",
                "update held_assignment set end_date = end_date + 10, start_date = start_date - 3"
                        + " where ministry_code = any(" + m + ") and random() < 0.2",
                "update held_assignment set province_code = case when province_code is null then '79' else null end"
                        + " where ministry_code = any(" + m + ") and random() < 0.05",
                "update held_assignment set ministry_code = '" + ministries.get(2) + "', province_code = '01'"
                        + " where ministry_code = '" + ministries.get(0) + "' and random() < 0.05",
                "update held_assignment set status = case when random() < 0.5 then 'WITHDRAWN' else 'REPLACED' end"
                        + " where ministry_code = any(" + m + ") and random() < 0.05",
                "update held_assignment set arrived_on = start_date"
                        + " where ministry_code = any(" + m + ") and arrived_on is null and random() < 0.5",
                "update field_visit set visit_date = visit_date + 5 where assignment_id in " + assignments
                        + " and random() < 0.3",
                "update field_visit v set assignment_id = (select o.assignment_id from held_assignment o"
                        + " join held_assignment a on o.ministry_code = a.ministry_code and o.province_code = '79'"
                        + " where a.assignment_id = v.assignment_id limit 1)"
                        + " where assignment_id in " + assignments + " and random() < 0.1",
                "delete from field_visit_companion where assignment_id in " + assignments + " and random() < 0.3",
                "insert into field_visit_companion (visit_id, assignment_id)"
                        + " select v.id, a.assignment_id from field_visit v join held_assignment a"
                        + " on a.ministry_code = any(" + m + ") and a.province_code = '01'"
                        + " where v.assignment_id in " + assignments + " and v.assignment_id <> a.assignment_id"
                        + " and random() < 0.01 on conflict do nothing",
                "update field_visit_companion c set assignment_id = v.assignment_id from field_visit v"
                        + " where v.id = c.visit_id and v.assignment_id in " + assignments + " and random() < 0.1"
                        + " and not exists (select 1 from field_visit_companion x where x.visit_id = c.visit_id"
                        + " and (x.assignment_id = v.assignment_id or x.assignment_id < c.assignment_id))",
                "delete from field_visit where assignment_id in " + assignments + " and random() < 0.1",
                "update locality_issue set status = 'ESCALATED', escalated_at = raised_at + interval '1 day',"
                        + " deadline = current_date - 1 where status = 'OPEN' and ministry_code = any(" + m + ")",
                "update locality_issue set status = 'ANSWERED', answered_at = now()"
                        + " where status = 'ESCALATED' and ministry_code = any(" + m + ") and random() < 0.3",
                "update locality_issue set status = 'REFERRED', referred_to_ministry = 'BCT'"
                        + " where status = 'ESCALATED' and ministry_code = any(" + m + ") and random() < 0.1",
                "update locality_issue set field = 'DAT_DAI', raised_week = '2025-W40'"
                        + " where ministry_code = any(" + m + ") and random() < 0.1",
                "update locality_issue set province_code = '79' where ministry_code = any(" + m + ")"
                        + " and random() < 0.1",
                "delete from locality_issue where ministry_code = any(" + m + ") and random() < 0.05",
                "update known_support_request set status = 'ACCEPTED', urgency = 'URGENT'"
                        + " where status = 'OPEN' and ministry_code = any(" + m + ") and random() < 0.5",
                "update known_support_request set filed_at = filed_at - interval '4 days', province_code = '79'"
                        + " where ministry_code = any(" + m + ") and random() < 0.3",
                "delete from known_support_request where ministry_code = any(" + m + ") and random() < 0.1")) {
            execute(change);
        }

        String counted = "officials + reports_due + visits + requests_filed + issues_raised > 0";
        assertThat(differences("figures_week", "figures_week_recounted", m, counted)).isEmpty();
        assertThat(differences("figures_week_field", "figures_week_field_recounted", m, "raised > 0")).isEmpty();
        assertThat(number("select count(*) from figures_week where ministry_code = any(" + m + ")"))
                .as("cells compared").isGreaterThan(1_000);

        ReferenceFigures reference = new ReferenceFigures(new ReferenceFiguresQueries(em), units);
        for (FiguresFilter filter : List.of(filter(ministries, null, "2025-W28", "2026-W27"),
                filter(ministries, "79", "2025-W37", "2025-W49"))) {
            FiguresView view = figures.figures(filter);
            FiguresView expected = QuarkusTransaction.requiringNew().call(() -> reference.figures(filter, view.asOf()));
            assertThat(view).as("the figures of %s", filter).isEqualTo(expected);
        }
    }

    /**
     * Reports accepted while their assignment moves to another province, in two transactions at once: the move waits
     * for the reviewer and then moves the reports as accepted, so the counts stay equal to the records'. Once for an
     * assignment whose officials are counted (the move first waits on a counted cell the reviewer holds) and once
     * for a withdrawn one (nothing of its own counted: the move waits on the reports themselves). Counting the
     * reports in the statement that locked them counted those changed meanwhile twice, and this failed.
     */
    @Test
    void reportsWrittenWhileTheirAssignmentMovesAreCountedWhereTheAssignmentEndsUp() throws Exception {
        for (String status : List.of("ACTIVE", "WITHDRAWN")) {
            String assignment = text("select a.assignment_id from held_assignment a"
                    + " join weekly_report r using (assignment_id) where a.ministry_code = '" + ministries.get(0)
                    + "' and a.province_code = '79' and r.status = 'SUBMITTED' limit 1");
            execute("update held_assignment set status = '" + status + "' where assignment_id = '" + assignment + "'");
            try (Connection reviewer = dataSource.getConnection(); Statement review = reviewer.createStatement()) {
                reviewer.setAutoCommit(false);
                review.executeUpdate("update weekly_report set status = 'ACCEPTED' where assignment_id = '"
                        + assignment + "' and status = 'SUBMITTED'");
                CompletableFuture<Void> move = CompletableFuture.runAsync(() -> execute(
                        "update held_assignment set province_code = '01' where assignment_id = '" + assignment + "'"));
                await().atMost(Duration.ofSeconds(20)).until(() -> number("select count(*) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and query like 'update held_assignment%'") == 1);
                reviewer.commit();
                move.get(20, TimeUnit.SECONDS);
            }

            assertThat(number("select count(*) from held_assignment where assignment_id = '" + assignment
                    + "' and province_code = '01'")).isEqualTo(1);
            String counted = "officials + reports_due + visits + requests_filed + issues_raised > 0";
            assertThat(differences("figures_week", "figures_week_recounted",
                    array(ministries.toArray(String[]::new)), counted)).as(status).isEmpty();
        }
    }

    /** Rows of the kept counts and of the counts taken from the records that the other has not, for the ministries. */
    private List<String> differences(String kept, String recounted, String ministryArray, String counted) {
        String ours = " where ministry_code = any(" + ministryArray + ")";
        String sql = "select 'kept ' || k::text from (select * from " + kept + ours + " and " + counted
                + " except all select * from " + recounted + ours + ") k union all select 'recounted ' || r::text"
                + " from (select * from " + recounted + ours + " except all select * from " + kept + ours + " and "
                + counted + ") r";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet result = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private String text(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet result = s.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long number(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet result = s.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static FiguresFilter filter(List<String> ministries, String province, String from, String to) {
        return new FiguresFilter(ministries, province, IsoWeek.parse("from", from), IsoWeek.parse("to", to));
    }

    /**
     * FiguresBenchmark's seeding for {@code codes} (4 rounds of 8 weeks from 7/7/2025 and 2 later ones, every
     * province), with every state the figures tell apart.
     */
    private void seed(List<String> codes) {
        String ministryArray = array(codes.toArray(String[]::new));
        String provinces = array(PROVINCES);
        String fields = array(FIELDS);
        execute("select setseed(0.22)");
        // rounds 0-3 and 8-10; a start and end moved by up to 6 days; statuses: mostly active or completed
        execute("""
                insert into held_assignment (assignment_id, deployment_id, official_id, ministry_code, province_code,
                                             start_date, end_date, arrived_on, status, event_time)
                select gen_random_uuid(), md5(m || r)::uuid, gen_random_uuid(), m,
                       case when x < 0.03 then null else p end,
                       date '2025-07-07' + r * 56 + s, date '2025-07-07' + r * 56 + 55 - e,
                       case when x >= 0.06 and x < 0.10 then null else date '2025-07-07' + r * 56 + s end,
                       case when x >= 0.03 and x < 0.06 then 'WITHDRAWN' when x >= 0.06 and x < 0.13 then 'REPLACED'
                            when date '2025-07-07' + r * 56 + 55 < current_date then 'COMPLETED' else 'ACTIVE' end,
                       now()
                from (select m, p, r, floor(random() * 7)::int s, floor(random() * 7)::int e, random() x
                      from unnest(%s) m cross join unnest(%s) p
                      cross join (select * from generate_series(0, 3) union all select * from generate_series(8, 10)) rs(r)) a
                """.formatted(ministryArray, provinces));
        // one report per week of the round; every workflow state, late and on time; future weeks due
        execute("""
                insert into weekly_report (id, assignment_id, week, week_start, due_at, status, version, created_at,
                                           updated_at, summary, submitted_at, late, due_announced_at,
                                           overdue_announced_at)
                select gen_random_uuid(), assignment_id, to_char(w, 'IYYY-"W"IW'), w, due,
                       case when x < 0.05 then 'CANCELLED' when due > now() then case when x < 0.5 then 'DUE' else 'DRAFT' end
                            when x < 0.10 then 'DUE' when x < 0.15 then 'DRAFT' when x < 0.20 then 'RETURNED'
                            when x < 0.35 then 'SUBMITTED' else 'ACCEPTED' end,
                       0, now(), now(), 'Tình hình chung',
                       case when x < 0.15 or due > now() then null
                            when x >= 0.80 then due + interval '1 day' else due - interval '1 day' end,
                       x >= 0.80 and due <= now(), now(), now()
                from (select a.assignment_id, date '2025-07-07' + (a.start_date - date '2025-07-07') / 56 * 56 + 7 * k as w,
                             ((date '2025-07-07' + (a.start_date - date '2025-07-07') / 56 * 56 + 7 * k + 4) + time '17:00')
                                 at time zone 'Asia/Ho_Chi_Minh' as due,
                             random() as x
                      from held_assignment a cross join generate_series(0, 7) k
                      where a.ministry_code = any(%s)) s
                """.formatted(ministryArray));
        execute("""
                insert into locality_issue (id, ministry_code, province_code, field, kind, status, urgent, title,
                                            description, raised_at, raised_week, raised_by, escalated_to_unit,
                                            escalated_at, deadline, referred_to_ministry, answer, answered_by,
                                            answered_at, version, updated_at)
                select gen_random_uuid(), m, p, f, case when x < 0.6 then 'DIFFICULTY' else 'RECOMMENDATION' end,
                       case when x < 0.30 then 'ANSWERED_ON_SITE' when x < 0.55 then 'ESCALATED'
                            when x < 0.80 then 'ANSWERED' when x < 0.90 then 'CLOSED' when x < 0.95 then 'REFERRED'
                            else 'OPEN' end,
                       u < 0.2, 'Vướng mắc số ' || g, 'Mô tả số ' || g, raised,
                       to_char(raised at time zone 'Asia/Ho_Chi_Minh', 'IYYY-"W"IW'), 'test',
                       case when x >= 0.30 and x < 0.90 then 'VU-CQDP' end,
                       case when x >= 0.30 and x < 0.90 then raised + interval '1 day' end,
                       case when x >= 0.30 and x < 0.90
                            then (raised at time zone 'Asia/Ho_Chi_Minh')::date + case when u < 0.2 then 4 else 400 end
                       end,
                       case when x >= 0.90 and x < 0.95 then 'BCT' end,
                       case when x < 0.30 or (x >= 0.55 and x < 0.90) then 'Trả lời số ' || g end,
                       case when x < 0.30 or (x >= 0.55 and x < 0.90) then 'test' end,
                       case when x < 0.30 then raised + interval '1 hour'
                            when x >= 0.55 and x < 0.90 then raised + interval '5 days' end,
                       0, now()
                from (select g, (%s)[1 + floor(random() * %d)::int] m, (%s)[1 + floor(random() * %d)::int] p,
                             (%s)[1 + floor(random() * %d)::int] f,
                             timestamptz '2025-07-07 01:00:00+00' + random() * interval '727 days' raised,
                             random() x, random() u
                      from generate_series(1, 6000) g) s
                """.formatted(ministryArray, codes.size(), provinces, PROVINCES.length, fields, FIELDS.length));
        // visits on days of the assignments' periods; a third made together with another assignment of the round
        execute("""
                insert into field_visit (id, assignment_id, visit_date, commune_code, commune_group, activities,
                                         version, created_at, created_by, updated_at, updated_by)
                select gen_random_uuid(), a.assignment_id, a.start_date + floor(random() * 50)::int, '26734',
                       'OTHER', 'Khảo sát', 0, now(), 'test', now(), 'test'
                from held_assignment a cross join generate_series(1, 2)
                where a.ministry_code = any(%s) and random() < 0.3
                """.formatted(ministryArray));
        execute("""
                insert into field_visit_companion (visit_id, assignment_id)
                select v.id, (select o.assignment_id from held_assignment o
                              where o.ministry_code = a.ministry_code and o.assignment_id <> a.assignment_id
                                and o.deployment_id = a.deployment_id limit 1)
                from field_visit v join held_assignment a on a.assignment_id = v.assignment_id
                where a.ministry_code = any(%s) and random() < 0.33
                """.formatted(ministryArray));
        execute("""
                insert into known_support_request (request_id, ministry_code, province_code, urgency, status,
                                                   filed_at, event_time)
                select gen_random_uuid(), (%s)[1 + floor(random() * %d)::int], (%s)[1 + floor(random() * %d)::int],
                       case when random() < 0.3 then 'URGENT' else 'NORMAL' end,
                       (array['OPEN', 'ACCEPTED', 'DECLINED'])[1 + floor(random() * 3)::int],
                       timestamptz '2025-07-07 01:00:00+00' + random() * interval '727 days', now()
                from generate_series(1, 1500)
                """.formatted(ministryArray, codes.size(), provinces, PROVINCES.length));
    }

    private static String array(String[] values) {
        return java.util.Arrays.stream(values).map(v -> "'" + v + "'")
                .collect(java.util.stream.Collectors.joining(", ", "array[", "]::varchar[]"));
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String code() {
        Random random = new Random();
        StringBuilder code = new StringBuilder("F");
        for (int i = 0; i < 7; i++) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.toString();
    }
}
