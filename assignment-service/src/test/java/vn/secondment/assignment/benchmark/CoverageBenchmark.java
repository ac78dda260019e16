package vn.secondment.assignment.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.VietnamTime;
import vn.secondment.testing.BenchmarkReport;
import vn.secondment.testing.WithRealInfrastructure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.secondment.assignment.support.Secondments.API;
import static vn.secondment.assignment.support.Secondments.DEPLOYMENTS;
import static vn.secondment.assignment.support.Secondments.PLATFORM_ADMIN;

/**
 * Seeds three years of rounds for the 17 ministries straight into PostgreSQL (batched SQL: 17 ministries × 18
 * two-month rounds × 35 assignments, with their revisions and the officials' read model), then prints the latency
 * (p50, p99) of the coverage matrix for 1, 3 and 17 ministries, a deployment's coverage report, its timeline and the
 * CSV export of all 17, through the HTTP API against the real PostgreSQL. A benchmark reports figures; it does not
 * pass or fail on them.
 * <p>
 * Run: {@code ./mvnw -B -Pbenchmark -pl assignment-service verify} (figures also in
 * {@code assignment-service/target/benchmark/coverage.txt}).
 */
@QuarkusTest
@WithRealInfrastructure
@Tag("benchmark")
class CoverageBenchmark {

    static final String[] MINISTRIES = {"BQP", "BCA", "BNG", "BNV", "BTP", "BTC", "BCT", "BNNMT", "BXD", "BVHTTDL",
            "BKHCN", "BGDĐT", "BYT", "BDTTG", "NHNN", "TTCP", "VPCP"};
    static final String[] PROVINCES = {"01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31",
            "33", "37", "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86",
            "91", "92", "96"};
    private static final LocalDate FIRST_ROUND = LocalDate.of(2025, 7, 1);
    private static final int ROUNDS = 18;
    private static final int POOLS = 3;
    private static final int PER_ROUND = 35;
    private static final int WARM_UP = 30;
    private static final int SAMPLES = 300;
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thu", "Quốc", "Ngọc", "Hữu", "Thanh", "Đức"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hoa", "Hùng",
            "Hương", "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang"};

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    private final Random random = new Random(20250701);
    private final BenchmarkReport report = new BenchmarkReport("coverage.txt");
    /** (ministry index, round) → deployment id. */
    private final Map<String, UUID> deployments = new HashMap<>();

    @Test
    void coverageLatency() {
        line("assignment-service coverage benchmark (real PostgreSQL 17, HTTP API in process), %d cores, max heap %d MB",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long seedStart = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(600).run(this::seed);
        double seeded = (System.nanoTime() - seedStart) / 1e9;
        analyze();
        line("");
        line("Seeded in %.1f s with batched SQL (today %s: earlier rounds COMPLETED, the current one IN_PROGRESS, "
                + "later ones ISSUED; 1 round in 4 per ministry has one withdrawn assignment, a gap):", seeded,
                VietnamTime.today(Clock.systemUTC()));
        for (String table : List.of("known_official", "deployment", "deployment_revision", "assignment",
                "assignment_revision")) {
            line("  %-22s %,8d rows", table, count(table));
        }

        List<LocalDate> days = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            days.add(roundStart(r).plusDays(14 + r));
        }
        Response all = given().auth().oauth2(PLATFORM_ADMIN).queryParam("date", days.get(8).toString())
                .get(API + "/coverage");
        assertThat(all.statusCode()).as(all.asString()).isEqualTo(200);
        assertThat(all.jsonPath().getList("ministries")).hasSize(MINISTRIES.length);
        assertThat(all.jsonPath().getInt("totals.officials")).isGreaterThan(MINISTRIES.length * 30);
        line("  matrix of all 17 on %s: %,d cells, %,d officials holding, %,d bytes of JSON", days.get(8),
                all.jsonPath().getList("ministries.cells.flatten()").size(), all.jsonPath().getInt("totals.officials"),
                all.asByteArray().length);

        line("");
        line("SQL statements per request (Hibernate statistics, fewest of 20 requests; the outbox relay's polling "
                + "may add to others):");
        statements("matrix, 1 ministry", i -> matrix(days.get(i % ROUNDS), "BNV"));
        statements("matrix, 3 ministries", i -> matrix(days.get(i % ROUNDS), "BNV", "BCT", "BNNMT"));
        statements("matrix, all 17", i -> matrix(days.get(i % ROUNDS)));
        statements("deployment coverage report", i -> report(i, days));
        statements("deployment timeline", i -> timeline(i));

        line("");
        line("Latency through the HTTP API (%d samples after %d warm-up requests, the day cycling through the 18 "
                + "rounds):", SAMPLES, WARM_UP);
        line("  %-54s %8s %8s %10s", "request", "p50 ms", "p99 ms", "bytes");
        measure("matrix, 1 ministry (BNV)", i -> matrix(days.get(i % ROUNDS), "BNV"));
        measure("matrix, 3 ministries (BNV, BCT, BNNMT)", i -> matrix(days.get(i % ROUNDS), "BNV", "BCT", "BNNMT"));
        measure("matrix, all 17 (no ministry parameter)", i -> matrix(days.get(i % ROUNDS)));
        measure("deployment coverage report (BNV round, 34 provinces)", i -> report(i, days));
        measure("deployment timeline (35 bars with revisions)", this::timeline);
        measure("export, all 17, CSV (578 rows)", i -> given().auth().oauth2(PLATFORM_ADMIN)
                .queryParam("date", days.get(i % ROUNDS).toString()).queryParam("format", "csv")
                .get(API + "/coverage/export"));
        measure("export, all 17, XLSX (578 rows)", i -> given().auth().oauth2(PLATFORM_ADMIN)
                .queryParam("date", days.get(i % ROUNDS).toString()).queryParam("format", "xlsx")
                .get(API + "/coverage/export"));

        report.write();
    }

    private Response matrix(LocalDate day, String... ministries) {
        var request = given().auth().oauth2(PLATFORM_ADMIN).queryParam("date", day.toString());
        if (ministries.length > 0) {
            request.queryParam("ministry", (Object[]) ministries);
        }
        return request.get(API + "/coverage");
    }

    private Response report(int i, List<LocalDate> days) {
        int round = i % ROUNDS;
        return given().auth().oauth2(PLATFORM_ADMIN).queryParam("date", days.get(round).toString())
                .get(DEPLOYMENTS + "/" + deployments.get(3 + ":" + round) + "/coverage");
    }

    private Response timeline(int i) {
        return given().auth().oauth2(PLATFORM_ADMIN)
                .get(DEPLOYMENTS + "/" + deployments.get((i % MINISTRIES.length) + ":" + (i % ROUNDS)) + "/timeline");
    }

    private void measure(String label, IntFunction<Response> request) {
        BenchmarkReport.Latency latency = report.time(WARM_UP, SAMPLES, request);
        line("  %-54s %8.1f %8.1f %,10d", label, latency.p50(), latency.p99(), latency.meanBytes());
        report.latencyFigures(label, latency);
    }

    private void statements(String label, IntFunction<Response> request) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        long fewest = report.fewestStatements(statistics::clear, statistics::getPrepareStatementCount, request);
        statistics.setStatisticsEnabled(false);
        line("  %-54s %3d", label, fewest);
    }

    // --- seeding

    private static LocalDate roundStart(int round) {
        return FIRST_ROUND.plusMonths(2L * round);
    }

    private void seed() {
        LocalDate today = VietnamTime.today(Clock.systemUTC());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
             PreparedStatement official = c.prepareStatement("""
                     insert into known_official (id, ministry_code, full_name, position, email, active, event_time)
                     values (?, ?, ?, 'Chuyên viên chính', ?, true, ?)""");
             PreparedStatement decisionRecord = c.prepareStatement("""
                     insert into decision (id, ministry_code, number, signed_on, signer, effective_from, version,
                         created_at, created_by, updated_at, updated_by)
                     values (?, ?, ?, ?, 'Bộ trưởng', ?, 0, ?, 'benchmark', ?, 'benchmark')""");
             PreparedStatement deployment = c.prepareStatement("""
                     insert into deployment (id, ministry_code, type, name, decision_number, decision_date,
                         decision_signer, start_date, end_date, province_codes, officials_per_province,
                         province_quotas, status, version, created_at, created_by, updated_at, updated_by,
                         decision_id)
                     values (?, ?, 'RESIDENT_SECONDMENT', ?, ?, ?, 'Bộ trưởng', ?, ?, ?, 1, '{"79": 2}'::jsonb, ?, 0,
                         ?, 'benchmark', ?, 'benchmark', ?)""");
             PreparedStatement deploymentRevision = c.prepareStatement("""
                     insert into deployment_revision (id, deployment_id, change, effective_from, recorded_at,
                         recorded_by, status, start_date, end_date, decision_number, decision_date, decision_id)
                     values (?, ?, ?, ?, ?, 'benchmark', ?, ?, ?, ?, ?, ?)""");
             PreparedStatement assignment = c.prepareStatement("""
                     insert into assignment (id, deployment_id, ministry_code, official_id, official_ministry_code,
                         province_code, role, start_date, end_date, status, arrived_on, version, created_at,
                         created_by, updated_at, updated_by)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'benchmark', ?, 'benchmark')""");
             PreparedStatement assignmentRevision = c.prepareStatement("""
                     insert into assignment_revision (id, assignment_id, change, effective_from, recorded_at,
                         recorded_by, status, start_date, end_date, decision_number, decision_date, decision_id)
                     values (?, ?, ?, ?, ?, 'benchmark', ?, ?, ?, ?, ?, ?)""")) {
            for (int m = 0; m < MINISTRIES.length; m++) {
                String ministry = MINISTRIES[m];
                UUID[][] pools = new UUID[POOLS][PER_ROUND];
                for (int p = 0; p < POOLS; p++) {
                    for (int i = 0; i < PER_ROUND; i++) {
                        UUID id = UUID.randomUUID();
                        pools[p][i] = id;
                        official.setObject(1, id);
                        official.setString(2, ministry);
                        official.setString(3, pick(FAMILY) + " " + pick(MIDDLE) + " " + pick(GIVEN));
                        official.setString(4, "cb" + m + "." + p + "." + i + "@" + ministry.toLowerCase(Locale.ROOT)
                                + ".gov.vn");
                        official.setObject(5, now);
                        official.addBatch();
                    }
                }
                for (int r = 0; r < ROUNDS; r++) {
                    LocalDate start = roundStart(r);
                    LocalDate end = start.plusMonths(2).minusDays(1);
                    LocalDate decided = start.minusDays(20);
                    String decision = (100 + r * 37 + m) + "/QĐ-" + ministry;
                    String status = end.isBefore(today) ? "COMPLETED" : start.isAfter(today) ? "ISSUED" : "IN_PROGRESS";
                    UUID id = UUID.randomUUID();
                    UUID decisionId = UUID.randomUUID();
                    decisionRecord.setObject(1, decisionId);
                    decisionRecord.setString(2, ministry);
                    decisionRecord.setString(3, decision);
                    decisionRecord.setObject(4, decided);
                    decisionRecord.setObject(5, decided);
                    decisionRecord.setObject(6, now);
                    decisionRecord.setObject(7, now);
                    decisionRecord.addBatch();
                    deployments.put(m + ":" + r, id);
                    deployment.setObject(1, id);
                    deployment.setString(2, ministry);
                    deployment.setString(3, "Tăng cường cán bộ về địa phương, đợt " + (r + 1));
                    deployment.setString(4, decision);
                    deployment.setObject(5, decided);
                    deployment.setObject(6, start);
                    deployment.setObject(7, end);
                    deployment.setArray(8, c.createArrayOf("varchar", PROVINCES));
                    deployment.setString(9, status);
                    deployment.setObject(10, now);
                    deployment.setObject(11, now);
                    deployment.setObject(12, decisionId);
                    deployment.addBatch();
                    revision(deploymentRevision, id, "CREATED", decided, now, "DRAFT", start, end, decision, decided, decisionId);
                    revision(deploymentRevision, id, "ISSUED", decided, now, "ISSUED", start, end, decision, decided, decisionId);
                    if (!status.equals("ISSUED")) {
                        revision(deploymentRevision, id, "STARTED", start, now, "IN_PROGRESS", start, end, null, null, null);
                    }
                    if (status.equals("COMPLETED")) {
                        revision(deploymentRevision, id, "COMPLETED", end, now, "COMPLETED", start, end, null, null, null);
                    }
                    // one round in four: one official withdrawn before going, so the province has a gap
                    int withdrawn = (m + r) % 4 == 0 ? (m + r) % PROVINCES.length : -1;
                    UUID[] pool = pools[r % POOLS];
                    for (int i = 0; i < PER_ROUND; i++) {
                        String province = i < PROVINCES.length ? PROVINCES[i] : "79";
                        boolean lead = i == 27 || i == 0;
                        String held = i == withdrawn && !province.equals("79") ? "WITHDRAWN"
                                : switch (status) {
                                    case "COMPLETED" -> "COMPLETED";
                                    case "IN_PROGRESS" -> "ACTIVE";
                                    default -> "PLANNED";
                                };
                        boolean arrived = held.equals("COMPLETED") || held.equals("ACTIVE");
                        UUID a = UUID.randomUUID();
                        assignment.setObject(1, a);
                        assignment.setObject(2, id);
                        assignment.setString(3, ministry);
                        assignment.setObject(4, pool[i]);
                        assignment.setString(5, ministry);
                        assignment.setString(6, province);
                        assignment.setString(7, lead ? "LEAD" : "MEMBER");
                        assignment.setObject(8, start);
                        assignment.setObject(9, end);
                        assignment.setString(10, held);
                        assignment.setObject(11, arrived ? start : null);
                        assignment.setObject(12, now);
                        assignment.setObject(13, now);
                        assignment.addBatch();
                        revision(assignmentRevision, a, "CREATED", decided, now, "PLANNED", start, end, decision,
                                decided, decisionId);
                        if (arrived) {
                            revision(assignmentRevision, a, "STARTED", start, now, "ACTIVE", start, end, null, null, null);
                        }
                        if (held.equals("COMPLETED")) {
                            revision(assignmentRevision, a, "COMPLETED", end, now, "COMPLETED", start, end, null,
                                    null, null);
                        }
                        if (held.equals("WITHDRAWN")) {
                            revision(assignmentRevision, a, "WITHDRAWN", start.minusDays(3), now, "WITHDRAWN", start,
                                    end, null, null, null);
                        }
                    }
                }
                // parents first: officials and deployments, then assignments, then the revisions
                official.executeBatch();
                decisionRecord.executeBatch();
                deployment.executeBatch();
                deploymentRevision.executeBatch();
                assignment.executeBatch();
                assignmentRevision.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void revision(PreparedStatement insert, UUID owner, String change, LocalDate effectiveFrom,
                                 OffsetDateTime recordedAt, String status, LocalDate start, LocalDate end,
                                 String decision, LocalDate decided, UUID decisionId) throws SQLException {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, owner);
        insert.setString(3, change);
        insert.setObject(4, effectiveFrom);
        insert.setObject(5, recordedAt);
        insert.setString(6, status);
        insert.setObject(7, start);
        insert.setObject(8, end);
        insert.setString(9, decision);
        insert.setObject(10, decided);
        insert.setObject(11, decisionId);
        insert.addBatch();
    }

    private void analyze() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private void line(String format, Object... args) {
        report.line(format, args);
    }
}
