package vn.secondment.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application of the packaged platform killed mid-stream, as a crash or the OOM killer would: notification-service
 * (it consumes) gets SIGKILL while officials are being registered through the gateway. The launcher must restart it
 * by itself ({@code status} shows it running with a new pid and UP within a bound), and every registration must then
 * have given exactly one inbox entry: none lost with the process, none doubled by the records it had processed but
 * not yet committed.
 */
@Order(6)
@ExtendWith(Platform.Shared.class)
class ApplicationRestartIT {

    private static final String VICTIM = "notification-service";
    private static final int WRITES = 60;
    private static final int KILL_AFTER = 20;
    /** Backoff (1 s) and a Quarkus start on a loaded 2-core machine, with room to spare. */
    private static final Duration RESTART_BOUND = Duration.ofSeconds(90);
    private static final Duration INBOX_COMPLETE = Duration.ofSeconds(60);

    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.current();
    }

    @Test
    void aKilledApplicationIsRestartedByTheLauncherAndEveryWriteGivesExactlyOneInboxEntry() {
        String token = platform.tokens().forUser("bnv.admin");
        Instant since = Instant.now().minusSeconds(1);
        long victimPid = platform.applicationPid(VICTIM);
        assertThat(platform.status().line(VICTIM)).as("before the kill").contains("running").contains("UP");

        List<String> acknowledged = new ArrayList<>();
        long killedAt = 0;
        for (int i = 0; i < WRITES; i++) {
            if (i == KILL_AFTER) {
                ProcessHandle victim = ProcessHandle.of(victimPid).orElseThrow();
                assertThat(victim.destroyForcibly()).as("SIGKILL to %s pid %d", VICTIM, victimPid).isTrue();
                killedAt = System.nanoTime();
                // status tells the truth at once: not all up (a restart takes the backoff and a Quarkus start)
                awaitQuietly().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> platform.status().exitCode() != 0);
                System.out.printf("[e2e] restart: status right after the kill: %s%n", platform.status().line(VICTIM));
            }
            Response created = given()
                    .auth().oauth2(token)
                    .contentType(ContentType.JSON)
                    .body("{\"fullName\": \"Lê Văn Bền " + i + "\", \"position\": \"Chuyên viên\", \"email\": \""
                            + "ben." + UUID.randomUUID().toString().substring(0, 8) + "@bnv.example.vn\"}")
                .when()
                    .post(platform.gatewayUrl() + "/api/personnel/officials");
            if (created.statusCode() == 201) {
                acknowledged.add(created.path("id"));
            }
        }
        System.out.printf("[e2e] restart: %d writes, %d acknowledged; %s (pid %d) killed after write %d%n", WRITES,
                acknowledged.size(), VICTIM, victimPid, KILL_AFTER);

        // the launcher notices the death, restarts after its backoff, and status says so: new pid, running, UP
        long[] newPid = {0};
        awaitQuietly().atMost(RESTART_BOUND).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Platform.Status status = platform.status();
            long recorded = platform.applicationPid(VICTIM);
            assertThat(recorded).as("the pid in the launcher's state").isNotEqualTo(victimPid);
            assertThat(status.line(VICTIM)).as(status.text())
                    .contains("running").contains(Long.toString(recorded)).contains("UP").contains("restarted 1x");
            assertThat(status.exitCode()).as(status.text()).isZero();
            newPid[0] = recorded;
        });
        long restartMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();

        // every acknowledged write once in the inbox, none twice
        Map<String, Integer> seen = new HashMap<>();
        awaitQuietly().atMost(INBOX_COMPLETE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            seen.clear();
            seen.putAll(inboxEntriesBySubject(token, since));
            assertThat(acknowledged).as("officials whose inbox entry is there").allMatch(seen::containsKey);
        });
        long duplicates = acknowledged.stream().mapToInt(id -> seen.get(id) - 1).sum();
        System.out.printf("[e2e] restart: %s back as pid %d, running and UP %d ms after SIGKILL; expected inbox "
                        + "entries %d, seen %d, duplicates %d%n", VICTIM, newPid[0], restartMillis,
                acknowledged.size(), acknowledged.stream().filter(seen::containsKey).count(), duplicates);
        assertThat(acknowledged).as("every write acknowledged (personnel-service was not the victim)")
                .hasSize(WRITES);
        assertThat(duplicates).as("inbox entries beyond one per write").isZero();
    }

    /**
     * Awaitility fails a wait on an exception thrown in any thread of this JVM by default; here the stack's mail server
     * runs in this JVM, and its SMTP handler throws (and ends) when the killed application's connection is reset
     * mid-message: expected, not this test's failure.
     */
    private static ConditionFactory awaitQuietly() {
        return await().dontCatchUncaughtExceptions();
    }

    /**
     * The caller's inbox entries created since {@code since}, counted by the official they announce; by entry id, so
     * that an entry seen on two pages (newer ones pushing it along while the pages are read) counts once.
     */
    private static Map<String, Integer> inboxEntriesBySubject(String token, Instant since) {
        Map<String, String> subjectByEntry = new HashMap<>();
        for (int page = 0; ; page++) {
            Response response = given()
                    .auth().oauth2(token)
                    .queryParam("from", since.toString())
                    .queryParam("size", 100)
                    .queryParam("page", page)
                .when()
                    .get(platform.gatewayUrl() + "/api/notification/inbox");
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            List<String> ids = response.path("items.id");
            List<String> subjects = response.path("items.subjectId");
            for (int i = 0; i < ids.size(); i++) {
                subjectByEntry.put(ids.get(i), subjects.get(i));
            }
            int total = response.path("totalItems");
            if ((page + 1) * 100 >= total || ids.isEmpty()) {
                Map<String, Integer> counts = new HashMap<>();
                subjectByEntry.values().forEach(subject -> counts.merge(String.valueOf(subject), 1, Integer::sum));
                return counts;
            }
        }
    }
}
