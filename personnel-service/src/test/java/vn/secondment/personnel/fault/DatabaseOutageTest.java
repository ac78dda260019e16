package vn.secondment.personnel.fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.database.DatabaseOutage;
import vn.secondment.testing.FaultInjection;
import vn.secondment.testing.Faults;
import vn.secondment.testing.InjectFaults;
import vn.secondment.testing.LogCapture;
import vn.secondment.testing.ManagementInterface;
import vn.secondment.testing.Metrics;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.PROBLEM_JSON;
import static vn.secondment.personnel.support.Directory.officialJson;
import static vn.secondment.personnel.support.Directory.register;
import static vn.secondment.personnel.support.Directory.uniqueEmail;

/**
 * The database going away under a running service, through a fault proxy between the service and PostgreSQL: every
 * request is answered within a bound, 503 problem+json with {@code Retry-After} (never a 500), one log line per
 * outage, readiness still answers, nothing is half written, and the service recovers by itself.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ShortTimeouts.class)
class DatabaseOutageTest {

    /**
     * What one request may take at most while the database does not answer: the pool's acquisition timeout (2 s),
     * a connection check (1 s) and the socket timeout (3 s) of the profile below, with room for a loaded machine.
     */
    private static final Duration BOUND = Duration.ofSeconds(9);
    private static final String OUTAGE_STARTED = "Database unreachable since";
    private static final String OUTAGE_ENDED = "Database reachable again";
    private static final Map<String, String> DATABASE = Map.of("dependency", "database");

    /** The platform's bounds, shortened so that the test waits seconds, not the production defaults. */
    public static class ShortTimeouts extends FaultInjection {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "secondment.datasource.connect-timeout", "1",
                    "secondment.datasource.login-timeout", "1",
                    "secondment.datasource.socket-timeout", "3",
                    "secondment.datasource.statement-timeout", "2s",
                    "secondment.datasource.lock-timeout", "1s",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2s",
                    "quarkus.datasource.jdbc.validation-query-timeout", "1s",
                    "secondment.database.retry-after", "3s",
                    "secondment.database.probe-interval", "500ms",
                    "secondment.database.probe-timeout", "1s");
        }
    }

    @InjectFaults
    Faults faults;

    @Inject
    DataSource dataSource;

    @Inject
    DatabaseOutage outage;

    private LogCapture logs;

    @BeforeEach
    void healthyAndListening() {
        awaitHealthy();
        logs = LogCapture.install();
    }

    @AfterEach
    void heal() {
        faults.heal();
        if (logs != null) {
            logs.close();
        }
        awaitHealthy();
    }

    @Test
    void answersWritesAndReadsWith503AndRetryAfterWithinTheBoundThenRecoversByItself() {
        String known = register(BNV_ADMIN, "Phạm Thị Lan", uniqueEmail("lan.pt"));
        Metrics before = Metrics.scrape();
        faults.database().blackhole();

        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = uniqueEmail("outage.write");
            latencies.add(expect503(() -> given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body(officialJson("Đỗ Văn Hùng", email)).post(OFFICIALS)));
            latencies.add(expect503(() -> given().auth().oauth2(BNV_ADMIN).get(OFFICIALS + "/" + known)));
            latencies.add(expect503(() -> given().auth().oauth2(BNV_ADMIN).get(OFFICIALS)));
        }

        // readiness answers within its own bound, DOWN while the database does not answer
        long readyStarted = System.nanoTime();
        int readyStatus = given().get(ManagementInterface.url("/q/health/ready")).statusCode();
        long readyMillis = elapsedMillis(readyStarted);
        assertThat(readyMillis).as("readiness answered in %d ms", readyMillis).isLessThan(BOUND.toMillis());
        assertThat(readyStatus).isEqualTo(503);

        assertThat(lines(OUTAGE_STARTED)).as("one line for the outage, not one per request").hasSize(1);
        assertThat(errors()).as("no ERROR (stack trace) per request").isEmpty();
        Metrics during = Metrics.scrape();
        assertThat(during.value("secondment_dependency_available", DATABASE)).isZero();
        assertThat(during.increase(before, "secondment_dependency_unavailable_responses_total",
                Map.of("dependency", "database", "reason", "unreachable"))).isEqualTo(latencies.size());

        faults.database().pass();
        long passed = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                        .body(officialJson("Đỗ Văn Hùng", uniqueEmail("after.outage"))).post(OFFICIALS)
                        .statusCode() == 201);
        long recoveryMillis = elapsedMillis(passed);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines(OUTAGE_ENDED).size() == 1);
        String ended = lines(OUTAGE_ENDED).get(0).getFormattedMessage();
        java.util.regex.Matcher answered = java.util.regex.Pattern.compile("; (\\d+) requests were answered 503")
                .matcher(ended);
        assertThat(answered.find()).as(ended).isTrue();
        assertThat(Integer.parseInt(answered.group(1))).as(ended).isGreaterThanOrEqualTo(latencies.size());
        assertThat(lines(OUTAGE_STARTED)).hasSize(1);
        assertThat(Metrics.scrape().value("secondment_dependency_available", DATABASE)).isEqualTo(1);

        long max = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("DatabaseOutageTest blackhole: %d requests, %d answered 503, max latency %d ms "
                        + "(bound %d ms), readiness %d ms (%d), first write accepted %d ms after the database came "
                        + "back%n", latencies.size(), latencies.size(), max, BOUND.toMillis(), readyMillis,
                readyStatus, recoveryMillis);
    }

    @Test
    void aWriteCaughtMidTransactionEndsWithinTheBoundAndLeavesNothingHalfWritten() throws Exception {
        String email = uniqueEmail("mid.transaction");
        // every round trip to PostgreSQL slowed down, so that the write is still in its transaction when the
        // database stops answering
        faults.database().delay(Duration.ofMillis(150));
        long started = System.nanoTime();
        CompletableFuture<Response> write = CompletableFuture.supplyAsync(() -> given().auth().oauth2(BNV_ADMIN)
                .contentType(ContentType.JSON).body(officialJson("Vũ Thị Hạnh", email)).post(OFFICIALS));
        Thread.sleep(700);
        faults.database().blackhole();

        Response answer = write.get(BOUND.toSeconds() + 5, TimeUnit.SECONDS);
        long millis = elapsedMillis(started);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("3");
        assertThat(millis).isLessThan(BOUND.toMillis() + 700);

        faults.database().pass();
        awaitHealthy();
        // all or nothing: the official and its event are written together or not at all (a COMMIT held by the
        // network may still arrive once it heals: then both are there)
        long officials = count("SELECT count(*) FROM official WHERE email = ?", email);
        long events = count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE '%' || ? || '%'", email);
        assertThat(events).as("outbox events of the official").isEqualTo(officials);
        System.out.printf("DatabaseOutageTest mid-transaction: answered %d in %d ms (bound %d ms); official rows %d, "
                + "outbox events %d%n", answer.statusCode(), millis, BOUND.toMillis(), officials, events);
    }

    @Test
    void survivesConnectionsCutAsARestartedDatabaseDoes() {
        // the pool holds connections that will all be dead
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(BNV_ADMIN).get(OFFICIALS).then().statusCode(200);
        }
        faults.database().cut();

        int requests = 0;
        int unavailable = 0;
        long max = 0;
        long started = System.nanoTime();
        long firstSuccess = -1;
        for (int i = 0; i < 20; i++) {
            long sent = System.nanoTime();
            Response answer = i % 2 == 0
                    ? given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                        .body(officialJson("Lê Văn Tâm", uniqueEmail("after.cut"))).post(OFFICIALS)
                    : given().auth().oauth2(BNV_ADMIN).get(OFFICIALS);
            max = Math.max(max, elapsedMillis(sent));
            requests++;
            assertThat(answer.statusCode()).as(answer.asString()).isIn(200, 201, 503);
            if (answer.statusCode() == 503) {
                unavailable++;
                assertThat(answer.header("Retry-After")).isNotNull();
            } else if (firstSuccess < 0) {
                firstSuccess = elapsedMillis(started);
            }
        }
        assertThat(firstSuccess).as("a request succeeded after the cut").isGreaterThanOrEqualTo(0);
        assertThat(errors()).isEmpty();
        System.out.printf("DatabaseOutageTest cut: %d requests, %d answered 503, max latency %d ms, first success "
                + "%d ms after the cut%n", requests, unavailable, max, firstSuccess);
    }

    @Test
    void answersAWriteBlockedByAnotherTransactionsLockWith503AfterTheLockTimeout() throws Exception {
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE official IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();
            Response answer = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body(officialJson("Trịnh Văn Nam", uniqueEmail("locked"))).post(OFFICIALS);
            long millis = elapsedMillis(started);
            blocker.rollback();

            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(answer.<String>path("detail")).contains("another request");
            // the lock timeout (1 s here), not the whole time the lock is held
            assertThat(millis).isLessThan(BOUND.toMillis());
            assertThat(lines(OUTAGE_STARTED)).as("a lock held too long is no outage").isEmpty();
            System.out.printf("DatabaseOutageTest lock: answered %d after %d ms (lock timeout 1 s)%n",
                    answer.statusCode(), millis);
        }
    }

    /** Sends a request while the database does not answer: 503 problem+json with Retry-After, within the bound. */
    private long expect503(Supplier<Response> request) {
        long started = System.nanoTime();
        Response answer = request.get();
        long millis = elapsedMillis(started);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        assertThat(answer.header("Retry-After")).isEqualTo("3");
        assertThat(answer.<String>path("type")).isEqualTo("https://secondment.gov.vn/problems/service-unavailable");
        assertThat(answer.<String>path("detail")).contains("database");
        assertThat(millis).as("answered in %d ms", millis).isLessThan(BOUND.toMillis());
        return millis;
    }

    private void awaitHealthy() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                !outage.inOutage() && given().auth().oauth2(BNV_ADMIN).get(OFFICIALS).statusCode() == 200);
    }

    private List<ExtLogRecord> lines(String start) {
        return logs.records().stream()
                .filter(r -> DatabaseOutage.class.getName().equals(r.getLoggerName()))
                .filter(r -> r.getFormattedMessage().startsWith(start))
                .toList();
    }

    private List<ExtLogRecord> errors() {
        return logs.records().stream()
                .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .filter(r -> r.getLoggerName().startsWith("vn.secondment.rest") || r.getLoggerName().startsWith(
                        "vn.secondment.personnel") || r.getLoggerName().startsWith("vn.secondment.data"))
                .toList();
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
