package vn.secondment.report.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.secondment.report.repository.FiguresQueries;
import vn.secondment.report.rest.FiguresFilter;
import vn.secondment.report.rest.FiguresView;
import vn.secondment.report.service.SideBySideFigures;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.BenchmarkReport;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import javax.sql.DataSource;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds two years of secondment for the 17 ministries straight into PostgreSQL (one official per ministry and
 * province in 13 back-to-back rounds of 8 weeks from 7/7/2025, each owing 8 weekly reports: 60,112 reports; and
 * 100,000 issues spread over the same two years, ministries, provinces, fields and states), then prints where the
 * time of the largest request goes and the latency (p50, p95, p99) of the side-by-side figures through the HTTP API
 * against the real PostgreSQL, read as a client reads them (the bytes, no compression: the service compresses
 * nothing). A benchmark reports figures; it does not pass or fail on them.
 * <p>
 * Run: {@code ./mvnw -B -Pbenchmark -pl report-service -am verify} (figures also in
 * {@code report-service/target/benchmark/figures.txt}).
 */
@QuarkusTest
@WithRealInfrastructure
@Tag("benchmark")
class FiguresBenchmark {

    static final String[] MINISTRIES = {"BQP", "BCA", "BNG", "BNV", "BTP", "BTC", "BCT", "BNNMT", "BXD", "BVHTTDL",
            "BKHCN", "BGDĐT", "BYT", "BDTTG", "NHNN", "TTCP", "VPCP"};
    static final String[] PROVINCES = {"01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31",
            "33", "37", "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86",
            "91", "92", "96"};
    static final String[] FIELDS = {"TO_CHUC_BO_MAY", "BIEN_CHE_NHAN_SU", "TIEN_LUONG_CHE_DO", "TAI_CHINH_DU_TOAN",
            "KHO_BAC", "THU_TUC_HANH_CHINH", "PHAN_MEM_HA_TANG_SO", "DAT_DAI", "OTHER"};
    private static final String API = "/api/report/figures";
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    private static final int ROUNDS = 13;
    private static final int ISSUES = 100_000;
    private static final int WARM_UP = 20;
    private static final int SAMPLES = 200;

    @Inject
    DataSource dataSource;

    @Inject
    SideBySideFigures sideBySide;

    @Inject
    FiguresQueries queries;

    @Inject
    ObjectMapper mapper;

    private final BenchmarkReport report = new BenchmarkReport("figures.txt");
    private int request;

    @Test
    void figuresLatency() {
        line("report-service side-by-side figures benchmark (real PostgreSQL 17, HTTP API in process), %d cores, "
                + "max heap %d MB, collectors %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).toList());
        long seedStart = System.nanoTime();
        seed();
        line("");
        line("Seeded in %.1f s with SQL (17 ministries × 34 provinces × %d rounds of 8 weeks from 2025-W28):",
                (System.nanoTime() - seedStart) / 1e9, ROUNDS);
        for (String table : List.of("held_assignment", "weekly_report", "locality_issue", "figures_week",
                "figures_week_field")) {
            line("  %-16s %,8d rows", table, count(table));
        }

        Response all = figures(n -> "2025-W37", MINISTRIES);
        assertThat(all.statusCode()).as(all.asString()).isEqualTo(200);
        assertThat(all.jsonPath().getList("rows")).hasSize(MINISTRIES.length * PROVINCES.length);
        assertThat(all.jsonPath().getList("totals")).hasSize(MINISTRIES.length);
        assertThat(all.jsonPath().getInt("totals.officialsOnSite.sum()")).isEqualTo(MINISTRIES.length * PROVINCES.length);
        line("  all 17 in 2025-W37: %,d rows, %,d reports due, %,d issues raised, %,d bytes of JSON",
                all.jsonPath().getList("rows").size(), all.jsonPath().getInt("totals.reports.due.sum()"),
                all.jsonPath().getInt("totals.issues.raised.sum()"), all.asByteArray().length);

        // the four statements run at once, read from JDBC (FiguresQueries): Hibernate's statistics do not see them
        profile();

        line("");
        line("  %-54s %8s %8s %8s %10s", "request (" + SAMPLES + " samples after " + WARM_UP + " warm-up)",
                "p50 ms", "p95 ms", "p99 ms", "bytes");
        measure("1 ministry (BNV), 1 week", i -> figures(WEEK, "BNV"));
        measure("3 ministries (BNV, BCT, BNNMT), 1 week", i -> figures(WEEK, "BNV", "BCT", "BNNMT"));
        measure("all 17 ministries, 1 week", i -> figures(WEEK, MINISTRIES));
        measure("all 17 ministries, 1 province (79), 13 weeks",
                i -> figures(WEEK, QUARTER_END, "79", MINISTRIES));
        measure("all 17 ministries, 13 weeks", i -> figures(WEEK, QUARTER_END, MINISTRIES));
        measure("1 ministry (BNV), 52 weeks", i -> figures("2025-W28", "2026-W27", "BNV"));
        measure("CSV export, all 17 ministries, 13 weeks", i -> given().auth().oauth2(VIEWER)
                .queryParam("from", WEEK.apply(i)).queryParam("to", QUARTER_END.apply(i))
                .queryParam("ministry", (Object[]) MINISTRIES).queryParam("format", "csv").get(API + "/export"));

        report.write();
    }

    /** The ranges issue 22 holds to {@value #P95_TARGET_MS} ms at p95: a quarter of all 17, a year of one. */
    private static final Set<String> BOUNDED = Set.of("all 17 ministries, 13 weeks", "1 ministry (BNV), 52 weeks");
    private static final double P95_TARGET_MS = 100;

    /** A different week of the two years for each request, so no answer comes from a warm cache of one week. */
    private static final IntFunction<String> WEEK = n -> isoWeek(n % 90);
    /** The 13th week from {@link #WEEK}: a quarter. */
    private static final IntFunction<String> QUARTER_END = n -> isoWeek(n % 90 + 12);

    /** 2025-W28 plus {@code offset} weeks. */
    private static String isoWeek(int offset) {
        return IsoWeek.of(LocalDate.of(2025, 7, 7).plusWeeks(offset)).toString();
    }

    private Response figures(IntFunction<String> from, String... ministries) {
        return figures(from, from, null, ministries);
    }

    private Response figures(IntFunction<String> from, IntFunction<String> to, String... ministries) {
        return figures(from, to, null, ministries);
    }

    private Response figures(String from, String to, String ministry) {
        return given().auth().oauth2(VIEWER).queryParam("from", from).queryParam("to", to)
                .queryParam("ministry", ministry).get(API);
    }

    private Response figures(IntFunction<String> from, IntFunction<String> to, String province, String... ministries) {
        int n = request++;
        RequestSpecification spec = given().auth().oauth2(VIEWER).queryParam("from", from.apply(n))
                .queryParam("to", to.apply(n)).queryParam("ministry", (Object[]) ministries);
        if (province != null) {
            spec.queryParam("province", province);
        }
        return spec.get(API);
    }

    /** Times {@code request} with {@link BenchmarkReport#time}: p50, p95, p99 and size, and their figures. */
    private void measure(String label, IntFunction<Response> request) {
        BenchmarkReport.Latency latency = report.time(WARM_UP, SAMPLES, request);
        line("  %-54s %8.1f %8.1f %8.1f %,10d", label, latency.p50(), latency.p95(), latency.p99(),
                latency.meanBytes());
        if (BOUNDED.contains(label)) {
            report.figureAtMost(label + " p95", latency.p95(), "ms", P95_TARGET_MS);
            report.figure(label + " p50", latency.p50(), "ms");
        } else {
            report.latencyFigures(label, latency);
        }
    }

    /**
     * Where the time of one quarter of all 17 ministries goes (median of 30 after 10 warm-up): each statement on its
     * own, the figures computed (the statements and the merge), the JSON written by the service's object mapper,
     * and the whole round trip as the client sees it.
     */
    private void profile() {
        line("");
        line("Where the time of a quarter of all 17 ministries goes (median ms of 30 after 10 warm-up):");
        BenchmarkReport.clientAsReal();
        IntFunction<FiguresFilter> quarter = n -> new FiguresFilter(List.copyOf(new TreeSet<>(List.of(MINISTRIES))),
                null, IsoWeek.parse("from", WEEK.apply(n)), IsoWeek.parse("to", QUARTER_END.apply(n)));
        FiguresView view = sideBySide.figures(quarter.apply(0));
        Map<String, IntConsumer> steps = new LinkedHashMap<>();
        steps.put("SQL counted cells", n -> queries.cells(quarter.apply(n)));
        steps.put("SQL issues raised per field", n -> queries.issuesRaisedPerField(quarter.apply(n)));
        steps.put("SQL reports overdue", n -> queries.reportsOverdue(quarter.apply(n), Instant.now()));
        steps.put("SQL issues overdue", n -> queries.issuesOverdue(quarter.apply(n), LocalDate.now()));
        steps.put("figures computed (the SQL and the merge)", n -> sideBySide.figures(quarter.apply(n)));
        steps.put("JSON written (" + view.rows().size() + " rows)", n -> json(view));
        steps.put("round trip over HTTP, body read", n -> figures(WEEK, QUARTER_END, MINISTRIES).asByteArray());
        steps.forEach((name, step) -> {
            long[] nanos = new long[30];
            for (int i = 0; i < 40; i++) {
                long start = System.nanoTime();
                step.accept(i);
                if (i >= 10) {
                    nanos[i - 10] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            line("  %-54s %8.1f", name, nanos[15] / 1e6);
        });
    }

    private byte[] json(FiguresView view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- seeding: set-based SQL, reproducible (setseed)

    private void seed() {
        String ministries = sqlArray(MINISTRIES);
        String provinces = sqlArray(PROVINCES);
        String fields = sqlArray(FIELDS);
        execute("select setseed(0.2025)");
        // one official per ministry and province per round; rounds start on Mondays, 8 weeks each
        execute("""
                insert into held_assignment (assignment_id, deployment_id, official_id, ministry_code, province_code,
                                             start_date, end_date, arrived_on, status, event_time)
                select gen_random_uuid(), md5(m || r)::uuid, gen_random_uuid(), m, p,
                       date '2025-07-07' + r * 56, date '2025-07-07' + r * 56 + 55, date '2025-07-07' + r * 56,
                       case when date '2025-07-07' + r * 56 + 55 < current_date then 'COMPLETED' else 'ACTIVE' end,
                       now()
                from unnest(%s) m cross join unnest(%s) p cross join generate_series(0, %d) r
                """.formatted(ministries, provinces, ROUNDS - 1));
        // 70 %% accepted on time, 10 %% submitted on time, 15 %% late, 5 %% never sent (overdue); future weeks due
        execute("""
                insert into weekly_report (id, assignment_id, week, week_start, due_at, status, version, created_at,
                                           updated_at, summary, submitted_at, late, due_announced_at,
                                           overdue_announced_at)
                select gen_random_uuid(), assignment_id, to_char(w, 'IYYY-"W"IW'), w, due,
                       case when due > now() or x >= 0.95 then 'DUE' when x < 0.70 or x >= 0.80 then 'ACCEPTED'
                            else 'SUBMITTED' end,
                       0, now(), now(),
                       case when due > now() or x >= 0.95 then null else 'Tình hình chung tuần ' || to_char(w, 'IW') end,
                       case when due > now() or x >= 0.95 then null
                            when x >= 0.80 then due + interval '1 day' else due - interval '1 day' end,
                       due <= now() and x >= 0.80 and x < 0.95, now(), now()
                from (select a.assignment_id, a.start_date + 7 * k as w,
                             ((a.start_date + 7 * k + 4) + time '17:00') at time zone 'Asia/Ho_Chi_Minh' as due,
                             random() as x
                      from held_assignment a cross join generate_series(0, 7) k) s
                """);
        // issues: 30 %% answered on site, 25 %% escalated and waiting, 25 %% answered by the unit, 10 %% closed,
        // 5 %% referred, 5 %% open; a fifth urgent
        execute("""
                insert into locality_issue (id, ministry_code, province_code, field, kind, status, urgent, title,
                                            description, raised_at, raised_week, raised_by, escalated_to_unit,
                                            escalated_at, deadline, referred_to_ministry, answer, answered_by,
                                            answered_at, version, updated_at)
                select gen_random_uuid(), m, p, f, case when x < 0.6 then 'DIFFICULTY' else 'RECOMMENDATION' end,
                       case when x < 0.30 then 'ANSWERED_ON_SITE' when x < 0.55 then 'ESCALATED'
                            when x < 0.80 then 'ANSWERED' when x < 0.90 then 'CLOSED' when x < 0.95 then 'REFERRED'
                            else 'OPEN' end,
                       u < 0.2, 'Vướng mắc số ' || g, 'Mô tả khó khăn của địa phương số ' || g, raised,
                       to_char(raised at time zone 'Asia/Ho_Chi_Minh', 'IYYY-"W"IW'), 'benchmark',
                       case when x >= 0.30 and x < 0.90 then 'VU-CQDP' end,
                       case when x >= 0.30 and x < 0.90 then raised + interval '1 day' end,
                       case when x >= 0.30 and x < 0.90
                            then (raised at time zone 'Asia/Ho_Chi_Minh')::date + case when u < 0.2 then 4 else 11 end
                       end,
                       case when x >= 0.90 and x < 0.95 then 'BCT' end,
                       case when x < 0.30 or (x >= 0.55 and x < 0.90) then 'Trả lời số ' || g end,
                       case when x < 0.30 or (x >= 0.55 and x < 0.90) then 'benchmark' end,
                       case when x < 0.30 then raised + interval '1 hour'
                            when x >= 0.55 and x < 0.90 then raised + interval '5 days' end,
                       0, now()
                from (select g, (%s)[1 + floor(random() * %d)::int] m, (%s)[1 + floor(random() * %d)::int] p,
                             (%s)[1 + floor(random() * %d)::int] f,
                             timestamptz '2025-07-07 01:00:00+00' + random() * interval '727 days' raised,
                             random() x, random() u
                      from generate_series(1, %d) g) s
                """.formatted(ministries, MINISTRIES.length, provinces, PROVINCES.length, fields, FIELDS.length,
                ISSUES));
        vacuumAnalyze();
    }

    /**
     * What autovacuum does soon after so many inserts (PostgreSQL vacuums insert-only tables too): statistics for the
     * planner, and the pages marked all-visible, so that the figures' covering indexes answer without the table.
     * Outside a transaction, as {@code VACUUM} must be.
     */
    private void vacuumAnalyze() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("set statement_timeout = 0");
            try {
                s.execute("vacuum analyze");
            } finally {
                s.execute("reset statement_timeout"); // the connection goes back to the pool
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sqlArray(String[] values) {
        return Arrays.stream(values).map(v -> "'" + v + "'")
                .collect(Collectors.joining(", ", "array[", "]::varchar[]"));
    }

    /**
     * One seeding statement in a transaction of its own without the platform's statement timeout: on a machine
     * shared with other builds, inserting the 100,000 issues took longer than it.
     */
    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local statement_timeout = 0");
            s.execute(sql);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long count(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void line(String format, Object... args) {
        report.line(format, args);
    }
}
