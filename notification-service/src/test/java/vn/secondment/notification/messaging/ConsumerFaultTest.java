package vn.secondment.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.testing.FaultInjection;
import vn.secondment.testing.Faults;
import vn.secondment.testing.InjectFaults;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.LogCapture;
import vn.secondment.testing.ManagementInterface;
import vn.secondment.testing.Metrics;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Consumers across faults, events published straight to the broker (the test's own client is not behind the proxies)
 * as personnel-service's relay does: the consumer cut off from the broker in the middle of a stream, long enough for
 * the group to evict it (as a crash, a pause or a network partition does), then back; and the database gone while
 * events arrive. Every event still has its inbox entry exactly once, none is dead-lettered for an outage, and the
 * health group {@code platform} tells the operators meanwhile.
 */
@QuarkusTest
@TestProfile(ConsumerFaultTest.ShortSessions.class)
class ConsumerFaultTest {

    /**
     * Sessions of 6 s (the broker's minimum), so an unreachable consumer is evicted soon; few and quick retries and
     * short database timeouts, so an outage outlasts them soon; monitors that measure every second and report soon.
     */
    public static class ShortSessions extends FaultInjection {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.session.timeout.ms", "6000",
                    "kafka.heartbeat.interval.ms", "1000",
                    "platform.events.consumer.retries", "2",
                    "platform.events.consumer.retry-delay", "200ms",
                    "platform.events.monitoring.interval", "1s",
                    "platform.events.monitoring.broker-unreachable-after", "1s",
                    "platform.events.monitoring.consumer-stalled-after", "3s",
                    // a silent database fails a statement within 3 s, well inside the outage below
                    "secondment.datasource.socket-timeout", "3",
                    "secondment.datasource.statement-timeout", "2s",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1s");
        }
    }

    private static final int EVENTS = 300;
    private static final int DURING_DATABASE_OUTAGE = 50;

    @InjectFaults
    Faults faults;

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    DataSource dataSource;

    @AfterEach
    void heal() {
        faults.heal();
    }

    @Test
    void everyEventTakesEffectOnceWhenTheConsumerIsCutOffMidStreamAndComesBack() throws Exception {
        kafka.awaitConsumersJoined();
        Metrics before = Metrics.scrape();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS * 2 / 3; i++) {
            ids.add(publishOfficialRegistered(i));
        }
        // mid-stream: some of these processed, the rest fetched or waiting
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesPerEvent(ids).size() >= EVENTS / 3);
        faults.kafka().blackhole();
        long cutOff = System.nanoTime();
        int processedWhenCutOff = entriesPerEvent(ids).size();
        for (int i = EVENTS * 2 / 3; i < EVENTS; i++) {
            ids.add(publishOfficialRegistered(i));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get(ManagementInterface.url("/q/health/group/platform"))
                .then().statusCode(503).body("checks.find { it.name == 'kafka' }.status", is("DOWN")));
        // past the session timeout: the group has evicted the consumer and will hand its partitions out again
        Thread.sleep(Math.max(0, 10_000 - Duration.ofNanos(System.nanoTime() - cutOff).toMillis()));
        faults.kafka().cut();
        faults.kafka().pass();
        long cutOffSeconds = Duration.ofNanos(System.nanoTime() - cutOff).toSeconds();
        long back = System.nanoTime();

        await().atMost(Duration.ofSeconds(60)).until(() -> entriesPerEvent(ids).size() == EVENTS);
        long caughtUpMillis = Duration.ofNanos(System.nanoTime() - back).toMillis();
        // whatever is delivered again arrives with the rest; give it the time of a commit interval to show up
        Thread.sleep(6_000);
        Map<String, Integer> entries = entriesPerEvent(ids);
        Metrics after = Metrics.scrape();
        double redelivered = after.increase(before, "secondment_events_consumed_total",
                Map.of("consumer", "personnel-events", "outcome", "duplicate"));
        long doubled = entries.values().stream().filter(n -> n > 1).count();
        System.out.printf("ConsumerFaultTest: events %d, processed when cut off %d, with an inbox entry %d, "
                        + "entries %d, events with more than one entry %d, delivered again and skipped %.0f, "
                        + "cut off %d s, caught up %d ms after it came back%n", EVENTS, processedWhenCutOff,
                entries.size(), entries.values().stream().mapToInt(Integer::intValue).sum(), doubled, redelivered,
                cutOffSeconds, caughtUpMillis);

        assertThat(entries).hasSize(EVENTS);
        // the cut-off really made the broker hand out records again: the consumer's idempotence is what kept them once
        assertThat(redelivered).as("records delivered again after the consumer came back").isPositive();
        assertThat(doubled).as("events whose effect happened twice").isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get(ManagementInterface.url("/q/health/group/platform")).then().statusCode(200));
    }

    @Test
    void holdsEventsWhileTheDatabaseIsAwayAndReportsTheConsumerStalled() throws Exception {
        kafka.awaitConsumersJoined();
        Metrics before = Metrics.scrape();
        LogCapture logs = LogCapture.install();
        faults.database().blackhole();
        long away = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DURING_DATABASE_OUTAGE; i++) {
            ids.add(publishOfficialRegistered(1_000 + i));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get(ManagementInterface.url("/q/health/group/platform"))
                .then().statusCode(503)
                .body("checks.find { it.name == 'kafka' }.status", is("DOWN"))
                .body("checks.find { it.name == 'kafka' }.data.'notification-service on personnel.events'",
                        startsWith("stalled for")));
        // several times what the retries of one event take: without holding, events would be dead-lettered by now
        Thread.sleep(Math.max(0, 12_000 - Duration.ofNanos(System.nanoTime() - away).toMillis()));
        faults.database().pass();
        long awaySeconds = Duration.ofNanos(System.nanoTime() - away).toSeconds();
        long back = System.nanoTime();

        await().atMost(Duration.ofSeconds(60)).until(() -> entriesPerEvent(ids).size() == DURING_DATABASE_OUTAGE);
        long caughtUpMillis = Duration.ofNanos(System.nanoTime() - back).toMillis();
        logs.close();
        Map<String, Integer> entries = entriesPerEvent(ids);
        List<String> logged = logs.records().stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .map(record -> record.getLevel() + " " + record.getLoggerName() + " " + record.getFormattedMessage())
                .toList();
        logged.forEach(line -> System.out.println("ConsumerFaultTest logged: " + line));
        double deadLettered = Metrics.scrape().increase(before, "secondment_events_dead_lettered_total",
                Map.of("channel", "personnel-events"));
        System.out.printf("ConsumerFaultTest: events %d during a database outage of %d s, with an inbox entry %d, "
                        + "entries %d, dead-lettered %.0f, all in the inbox %d ms after the database came back%n",
                DURING_DATABASE_OUTAGE, awaySeconds, entries.size(),
                entries.values().stream().mapToInt(Integer::intValue).sum(), deadLettered, caughtUpMillis);

        assertThat(deadLettered).as("events dead-lettered because the database was away").isZero();
        // the outage is told once, for the whole service: no line per event, per scheduled run or per health probe
        assertThat(logged).filteredOn(line -> line.contains("Database unreachable since")).hasSize(1);
        assertThat(logged).filteredOn(line -> line.startsWith("ERROR")).isEmpty();
        assertThat(entries).hasSize(DURING_DATABASE_OUTAGE).allSatisfy((event, count) -> assertThat(count).isOne());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get(ManagementInterface.url("/q/health/group/platform")).then().statusCode(200));
    }

    private String publishOfficialRegistered(int i) {
        UUID official = UUID.randomUUID();
        ObjectNode envelope = TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1, "/personnel-service",
                official.toString(), "BNV", Instant.now(), new OfficialSnapshot(official, "Cán bộ thử " + i, "BNV",
                        null, "Chuyên viên", "CIVIL_SERVANT", "fault." + official + "@moha.gov.vn", List.of(), true,
                        null));
        kafka.publish(Topics.PERSONNEL, envelope);
        return envelope.path("id").asText();
    }

    /** The number of inbox entries of each event that has any. */
    private Map<String, Integer> entriesPerEvent(List<String> eventIds) throws SQLException {
        Map<String, Integer> entries = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT event_id, count(*) FROM inbox_entry WHERE event_id = ANY (?) GROUP BY event_id")) {
            query.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return entries;
    }
}
