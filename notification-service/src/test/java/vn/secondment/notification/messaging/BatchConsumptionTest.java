package vn.secondment.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.Metrics;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.WithRealInfrastructure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumers read the records of a poll together, in one transaction ({@code EventProcessing.processBatch}), through
 * the real broker. Each test sends its records in one produce request to one partition, so that they reach the
 * consumer in one fetch, hence one batch: a duplicate inside a batch and across batches, an unreadable record among
 * good ones, and an event whose handling fails among good ones.
 */
@QuarkusTest
@WithRealInfrastructure
class BatchConsumptionTest {

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void theSameEventTwiceInOneBatchAndAgainInALaterBatchMakesOneEntry() throws Exception {
        Metrics before = Metrics.scrape();
        ObjectNode twice = officialRegistered("BNV");
        ObjectNode other = officialRegistered("BNV");
        sendTogether(Topics.PERSONNEL, twice, twice, other);
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id(twice)) > 0 && entries(id(other)) > 0);

        // delivered again later (as after a crash before the offsets were committed), then a marker behind it on the
        // same partition: once the marker is in, the repeat has been processed
        ObjectNode marker = officialRegistered("BNV");
        sendTogether(Topics.PERSONNEL, twice);
        sendTogether(Topics.PERSONNEL, marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id(marker)) > 0);

        assertThat(entries(id(twice))).as("entries of the event delivered three times").isOne();
        assertThat(entries(id(other))).isOne();
        assertThat(Metrics.scrape().increase(before, "secondment_events_consumed_total",
                Map.of("consumer", "personnel-events", "outcome", "duplicate")))
                .as("deliveries recognised as repeats").isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnreadableRecordInABatchGoesToTheDeadLetterTopicAndTheOthersLand() throws Exception {
        ObjectNode first = officialRegistered("BNV");
        ObjectNode last = officialRegistered("BNV");
        String garbageKey = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(TestKafka.record(Topics.PERSONNEL, first, 0));
            producer.send(new ProducerRecord<>(Topics.PERSONNEL, 0, garbageKey, "{not an envelope " + garbageKey));
            producer.send(TestKafka.record(Topics.PERSONNEL, last, 0));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(garbageKey) > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id(first)) > 0 && entries(id(last)) > 0);
        assertThat(entries(id(first))).isOne();
        assertThat(entries(id(last))).isOne();
        assertThat(deadLetters(garbageKey)).isOne();
    }

    @Test
    void anEventWhoseHandlingFailsGoesToTheDeadLetterTopicAloneAndTheBatchsOthersLand() throws Exception {
        ObjectNode before = weeklyReportSubmitted("BNV");
        // readable, but its audience cannot be narrowed without a ministry: the routing rejects it, inside the
        // batch's transaction, which is then rolled back and its events processed one by one
        ObjectNode failing = weeklyReportSubmitted(null);
        ObjectNode after = weeklyReportSubmitted("BNV");
        sendTogether(Topics.REPORT, before, failing, after);

        String failingKey = failing.path("subject").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(failingKey) > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id(before)) > 0 && entries(id(after)) > 0);
        assertThat(entries(id(before))).isOne();
        assertThat(entries(id(after))).isOne();
        assertThat(entries(id(failing))).isZero();
        assertThat(deadLetters(failingKey)).isOne();
    }

    /**
     * What a batch reads once at its start (the officials directory, the reminder rows) follows its events in order:
     * an official registered, renamed and then named by an older event in one batch keeps the newest name; a weekly
     * report's reminder armed by its due event and cancelled by its submission in one batch ends cancelled.
     */
    @Test
    void theEventsOfOneBatchSeeWhatTheEarlierOnesWrote() throws Exception {
        UUID official = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(600);
        ObjectNode registered = official(PersonnelEvents.OFFICIAL_REGISTERED.name(), official, "Trần Văn An", t0);
        ObjectNode renamed = official(PersonnelEvents.OFFICIAL_UPDATED.name(), official, "Trần Văn Ân",
                t0.plusSeconds(60));
        ObjectNode older = official(PersonnelEvents.OFFICIAL_UPDATED.name(), official, "Trần Văn Anh",
                t0.plusSeconds(30));
        ObjectNode marker = officialRegistered("BNV");
        sendTogether(Topics.PERSONNEL, registered, renamed, older, marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id(marker)) > 0);
        assertThat(text("SELECT full_name FROM known_official WHERE id = CAST(? AS uuid)", official.toString()))
                .as("the newest snapshot wins within a batch").isEqualTo("Trần Văn Ân");

        UUID report = UUID.randomUUID();
        Instant dueAt = Instant.now().plus(Duration.ofDays(3));
        ObjectNode due = weeklyReport(ReportEvents.WEEKLY_REPORT_DUE, report, official, "DUE", dueAt, t0);
        ObjectNode submitted = weeklyReport(ReportEvents.WEEKLY_REPORT_SUBMITTED, report, official,
                "SUBMITTED", dueAt, t0.plusSeconds(60));
        sendTogether(Topics.REPORT, due, submitted);
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id(submitted)) > 0);
        assertThat(text("SELECT cancelled::text FROM reminder_due WHERE aggregate_id = ?", report.toString()))
                .as("the reminder the due event armed, cancelled by the submission in the same batch")
                .isEqualTo("true");
        assertThat(text("SELECT body FROM inbox_entry WHERE event_id = ?", id(submitted)))
                .as("the submission names the official the directory knows").contains("Trần Văn Ân");

        // the pair above is too small a batch to be preloaded (InboxService.PRELOAD_FROM); two reports' pairs are not
        List<UUID> reports = List.of(UUID.randomUUID(), UUID.randomUUID());
        List<ObjectNode> pairs = new ArrayList<>();
        for (UUID each : reports) {
            pairs.add(weeklyReport(ReportEvents.WEEKLY_REPORT_DUE, each, official, "DUE", dueAt, t0));
            pairs.add(weeklyReport(ReportEvents.WEEKLY_REPORT_SUBMITTED, each, official, "SUBMITTED", dueAt,
                    t0.plusSeconds(60)));
        }
        sendTogether(Topics.REPORT, pairs.toArray(ObjectNode[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id(pairs.get(3))) > 0);
        for (UUID each : reports) {
            assertThat(text("SELECT cancelled::text FROM reminder_due WHERE aggregate_id = ?", each.toString()))
                    .as("armed and cancelled in one preloaded batch").isEqualTo("true");
        }
    }

    private static ObjectNode official(String type, UUID official, String name, Instant time) {
        return TestEvents.envelope(type, 1, "/personnel-service", official.toString(), "BNV", time,
                new OfficialSnapshot(official, name, "BNV", null, "Chuyên viên", "CIVIL_SERVANT",
                        "batch." + official + "@moha.gov.vn", List.of(), true, null));
    }

    private static ObjectNode weeklyReport(EventType type, UUID report, UUID official, String status, Instant dueAt,
                                           Instant time) {
        return TestEvents.envelope(type.name(), type.schemaVersion(), "/report-service", report.toString(), "BNV", time,
                new WeeklyReportSnapshot(report, UUID.randomUUID(), official, "BNV", "79", "2025-W37",
                        LocalDate.of(2025, 9, 8), dueAt, status, "SUBMITTED".equals(status) ? time : null, false,
                        null, null));
    }

    /** In one produce request to partition 0, so that the consumer fetches them together. */
    private void sendTogether(String topic, ObjectNode... envelopes) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (ObjectNode envelope : envelopes) {
                producer.send(TestKafka.record(topic, envelope, 0));
            }
            producer.flush();
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // the records wait for each other and leave in one request
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1_000);
        return new KafkaProducer<>(config);
    }

    private static String id(ObjectNode envelope) {
        return envelope.path("id").asText();
    }

    private static ObjectNode officialRegistered(String ministry) {
        UUID official = UUID.randomUUID();
        return TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1, "/personnel-service",
                official.toString(), ministry, Instant.now(), new OfficialSnapshot(official, "Cán bộ " + official,
                        ministry, null, "Chuyên viên", "CIVIL_SERVANT", "batch." + official + "@moha.gov.vn",
                        List.of(), true, null));
    }

    /** A submission by BNV's official whose payload names {@code ministry} (the envelope names BNV always). */
    private static ObjectNode weeklyReportSubmitted(String ministry) {
        UUID report = UUID.randomUUID();
        return TestEvents.envelope(ReportEvents.WEEKLY_REPORT_SUBMITTED.name(),
                ReportEvents.WEEKLY_REPORT_SUBMITTED.schemaVersion(), "/report-service", report.toString(), "BNV",
                Instant.now(), new WeeklyReportSnapshot(report, UUID.randomUUID(), UUID.randomUUID(), ministry, "79",
                        "2025-W37", LocalDate.of(2025, 9, 8), Instant.parse("2025-09-14T10:00:00Z"), "SUBMITTED",
                        Instant.parse("2025-09-13T09:00:00Z"), false, null, null));
    }

    private long entries(String eventId) throws SQLException {
        return count("SELECT count(*) FROM inbox_entry WHERE event_id = ?", eventId);
    }

    private long deadLetters(String key) throws SQLException {
        return count("SELECT count(*) FROM dead_letter WHERE record_key = ?", key);
    }

    private String text(String sql, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private long count(String sql, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
