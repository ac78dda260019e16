package vn.secondment.personnel.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot.Status;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.Metrics;
import vn.secondment.testing.RecordedSpans;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.WithRealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.secondment.personnel.support.Directory.BNV_ADMIN;
import static vn.secondment.personnel.support.Directory.OFFICIALS;
import static vn.secondment.personnel.support.Directory.register;
import static vn.secondment.personnel.support.Directory.uniqueEmail;

/**
 * assignment-service's events, published to the real broker by a real producer as its outbox relay would, set the
 * officials' secondment status, which the REST API shows.
 * <p>
 * To know that the consumer has gone past a record whose effect is "nothing changes", a marker event (another
 * official's new assignment) is published to the same partition after it: the consumer takes a partition's records
 * in order, so once the marker's official is ASSIGNED the record before it was handled.
 */
@QuarkusTest
@WithRealInfrastructure
class AssignmentEventConsumerTest {

    private static final String DLQ = "personnel-service.dlq";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    RecordedSpans spans;

    @BeforeEach
    void consumerHasJoinedItsGroup() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void followsAnAssignmentFromPlannedToActiveToCompleted() {
        String official = newOfficial("Nguyễn Văn Lực");
        Assignment assignment = new Assignment(official);
        Instant start = now();
        statusIs(official, "AVAILABLE");

        publish(assignment.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, start));
        awaitStatus(official, "ASSIGNED");
        publish(assignment.event(AssignmentEvents.ASSIGNMENT_STARTED, Status.ACTIVE, start.plusSeconds(60)));
        awaitStatus(official, "ON_SECONDMENT");
        publish(assignment.event(AssignmentEvents.ASSIGNMENT_ENDED, Status.COMPLETED, start.plusSeconds(120)));
        awaitStatus(official, "AVAILABLE");

        // the status is a filter of the official list too
        given().auth().oauth2(BNV_ADMIN).queryParam("secondmentStatus", "AVAILABLE").queryParam("q", "Nguyễn Văn Lực")
                .queryParam("size", 100).get(OFFICIALS)
            .then().statusCode(200).body("items.find { it.id == '" + official + "' }.secondmentStatus",
                    equalTo("AVAILABLE"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String official = newOfficial("Trần Thị Bền");
        Assignment assignment = new Assignment(official);
        Instant start = now();
        Event started = assignment.event(AssignmentEvents.ASSIGNMENT_STARTED, Status.ACTIVE, start);
        publish(started);
        publish(started);
        awaitStatus(official, "ON_SECONDMENT");
        publish(assignment.event(AssignmentEvents.ASSIGNMENT_ENDED, Status.COMPLETED, start.plusSeconds(60)));
        awaitStatus(official, "AVAILABLE");

        // assignment-service's relay sends the "started" event again, twice (at-least-once delivery)
        publish(started);
        RecordMetadata last = publish(started);
        awaitConsumedPast(last);
        statusIs(official, "AVAILABLE");
    }

    @Test
    void anEventSeenBeforeIsSkippedByItsIdEvenWhenItIsNotOlder() {
        // two events of one assignment at the same instant: only the event id tells a redelivery apart
        String official = newOfficial("Lê Văn Đồng");
        Assignment assignment = new Assignment(official);
        Instant at = now();
        Event planned = assignment.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, at);
        publish(planned);
        awaitStatus(official, "ASSIGNED");
        publish(assignment.event(AssignmentEvents.ASSIGNMENT_WITHDRAWN, Status.WITHDRAWN, at));
        awaitStatus(official, "AVAILABLE");

        awaitConsumedPast(publish(planned));
        statusIs(official, "AVAILABLE");
    }

    @Test
    void anOlderEventOfTheSameAssignmentArrivingLateIsIgnored() {
        String official = newOfficial("Phạm Thị Muộn");
        Assignment assignment = new Assignment(official);
        Instant start = now();
        publish(assignment.event(AssignmentEvents.ASSIGNMENT_STARTED, Status.ACTIVE, start.plusSeconds(60)));
        awaitStatus(official, "ON_SECONDMENT");

        // the "created" event, a minute older, is delivered only now
        awaitConsumedPast(publish(assignment.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, start)));
        statusIs(official, "ON_SECONDMENT");

        // and later events still apply
        publish(assignment.event(AssignmentEvents.ASSIGNMENT_ENDED, Status.COMPLETED, start.plusSeconds(120)));
        awaitStatus(official, "AVAILABLE");
    }

    @Test
    void derivesTheStatusFromAllAssignmentsOfAnOfficialInAnyOrder() {
        Instant start = now();

        // the completed assignment first, then the planned one
        String first = newOfficial("Vũ Văn Hai");
        Assignment done = new Assignment(first);
        Assignment next = new Assignment(first);
        awaitConsumedPast(publish(done.event(AssignmentEvents.ASSIGNMENT_ENDED, Status.COMPLETED, start)));
        statusIs(first, "AVAILABLE");
        publish(next.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, start.plusSeconds(60)));
        awaitStatus(first, "ASSIGNED");

        // the planned assignment first, then another one's end: the official still holds the planned one
        String second = newOfficial("Vũ Thị Ba");
        Assignment planned = new Assignment(second);
        Assignment ended = new Assignment(second);
        publish(planned.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, start));
        awaitStatus(second, "ASSIGNED");
        awaitConsumedPast(publish(ended.event(AssignmentEvents.ASSIGNMENT_ENDED, Status.COMPLETED,
                start.plusSeconds(60))));
        statusIs(second, "ASSIGNED");

        // on site in one while another is planned: on secondment; the planned one keeps them assigned after
        Assignment onSite = new Assignment(second);
        publish(onSite.event(AssignmentEvents.ASSIGNMENT_STARTED, Status.ACTIVE, start.plusSeconds(120)));
        awaitStatus(second, "ON_SECONDMENT");
        publish(onSite.event(AssignmentEvents.ASSIGNMENT_ENDED, Status.COMPLETED, start.plusSeconds(180)));
        awaitStatus(second, "ASSIGNED");
    }

    @Test
    void aWithdrawnOrReplacedAssignmentMakesTheOfficialAvailable() {
        Instant start = now();
        String withdrawn = newOfficial("Đặng Văn Rút");
        Assignment assignment = new Assignment(withdrawn);
        publish(assignment.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, start));
        awaitStatus(withdrawn, "ASSIGNED");
        publish(assignment.event(AssignmentEvents.ASSIGNMENT_WITHDRAWN, Status.WITHDRAWN, start.plusSeconds(60)));
        awaitStatus(withdrawn, "AVAILABLE");

        String replaced = newOfficial("Đặng Thị Thay");
        Assignment handedOver = new Assignment(replaced);
        publish(handedOver.event(AssignmentEvents.ASSIGNMENT_STARTED, Status.ACTIVE, start));
        awaitStatus(replaced, "ON_SECONDMENT");
        publish(handedOver.event(AssignmentEvents.ASSIGNMENT_REPLACED, Status.REPLACED, start.plusSeconds(60)));
        awaitStatus(replaced, "AVAILABLE");
    }

    @Test
    void anEventForAnUnknownOfficialDoesNotStopTheConsumer() {
        Assignment ofStranger = new Assignment(UUID.randomUUID().toString());
        RecordMetadata stranger = publish(ofStranger.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now()));

        String official = newOfficial("Bùi Văn Sau");
        Assignment assignment = new Assignment(official);
        publish(assignment.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now()), stranger.partition());
        awaitStatus(official, "ASSIGNED");
    }

    @Test
    void sendsARecordThatIsNotJsonToTheDeadLetterTopicAndKeepsGoing() {
        String key = UUID.randomUUID().toString();
        String poison = "{not an envelope " + key;
        RecordMetadata bad = kafka.publishRaw(Topics.ASSIGNMENT, key, poison);

        String official = newOfficial("Hồ Thị Tiếp");
        publish(new Assignment(official).event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now()),
                bad.partition());
        awaitStatus(official, "ASSIGNED");

        ConsumerRecord<String, String> dead = awaitDeadLetter(r -> poison.equals(r.value()));
        assertThat(dead.key()).isEqualTo(key);
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.ASSIGNMENT);
    }

    @Test
    void sendsAnEnvelopeWithoutDataToTheDeadLetterTopicAndKeepsGoing() {
        String stranger = newOfficial("Cao Văn Thiếu");
        Assignment assignment = new Assignment(stranger);
        Event withoutData = assignment.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now());
        ObjectNode envelope = withoutData.envelope().deepCopy();
        envelope.remove("data");
        RecordMetadata bad = publish(new Event(withoutData.id(), assignment.id, envelope));

        String official = newOfficial("Cao Thị Đủ");
        publish(new Assignment(official).event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now()),
                bad.partition());
        awaitStatus(official, "ASSIGNED");

        ConsumerRecord<String, String> dead = awaitDeadLetter(r -> r.value().contains(withoutData.id()));
        assertThat(dead.key()).isEqualTo(assignment.id);
        // the envelope without data changed nothing
        statusIs(stranger, "AVAILABLE");

        // and the same event id is not burnt: when it is sent again complete, it applies
        publish(withoutData);
        awaitStatus(stranger, "ASSIGNED");
    }

    @Test
    void processesAnEventInTheTraceItCarriesAndCountsWhatItDid() {
        Map<String, String> processed = Map.of("consumer", AssignmentEventConsumer.CHANNEL, "outcome", "processed");
        Map<String, String> duplicate = Map.of("consumer", AssignmentEventConsumer.CHANNEL, "outcome", "duplicate");
        Metrics before = Metrics.scrape();
        String official = newOfficial("Lưu Thị Vết");
        Event created = new Assignment(official).event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now());
        // as assignment-service's relay sends it: the publish's trace context in the envelope
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String publishSpanId = "00f067aa0ba902b7";
        created.envelope().put("traceparent", "00-" + traceId + "-" + publishSpanId + "-01");
        publish(created);
        awaitStatus(official, "ASSIGNED");
        RecordMetadata again = publish(created);
        awaitConsumedPast(again);

        // the processing continues the publisher's trace, and the statements it ran belong to it
        await().atMost(WAIT).untilAsserted(() -> {
            List<SpanData> trace = spans.ofTrace(traceId);
            SpanData processing = trace.stream()
                    .filter(span -> span.getName().equals(AssignmentEventConsumer.CHANNEL + " process")
                            && span.getParentSpanId().equals(publishSpanId))
                    .findFirst().orElseThrow();
            assertThat(processing.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(processing.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
                    .isEqualTo(created.id());
            assertThat(trace).anySatisfy(statement -> {
                assertThat(statement.getParentSpanId()).isEqualTo(processing.getSpanId());
                assertThat(statement.getAttributes().get(AttributeKey.stringKey("db.system"))).isEqualTo("postgresql");
            });
        });
        // the relay's polls and the monitors' measures (every second here) belong to no trace: none of them is kept
        assertThat(spans.all()).noneSatisfy(span -> {
            assertThat(span.getParentSpanContext().isValid()).isFalse();
            assertThat(span.getAttributes().get(AttributeKey.stringKey("db.system"))).isNotNull();
        });
        // processed once, then recognised as a redelivery; the group's lag is measured and drains to zero
        await().atMost(WAIT).untilAsserted(() -> {
            Metrics after = Metrics.scrape();
            assertThat(after.increase(before, "secondment_events_consumed_total", processed)).isGreaterThanOrEqualTo(1);
            assertThat(after.increase(before, "secondment_events_consumed_total", duplicate)).isGreaterThanOrEqualTo(1);
            Map<String, String> group = Map.of("group", "personnel-service", "topic", Topics.ASSIGNMENT);
            assertThat(after.has("secondment_kafka_consumer_lag", group)).isTrue();
            assertThat(after.value("secondment_kafka_consumer_lag", group)).isZero();
        });
    }

    @Test
    void countsTheRecordsItDeadLetters() {
        Map<String, String> channel = Map.of("channel", AssignmentEventConsumer.CHANNEL);
        Metrics before = Metrics.scrape();
        String poison = "{not an envelope either";
        kafka.publishRaw(Topics.ASSIGNMENT, UUID.randomUUID().toString(), poison);
        awaitDeadLetter(r -> poison.equals(r.value()));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(Metrics.scrape().increase(before, "secondment_events_dead_lettered_total", channel)).isOne());
    }

    // --- helpers

    /** One assignment of one official, as assignment-service describes it in each event. */
    private static final class Assignment {
        final String id = UUID.randomUUID().toString();
        final String deploymentId = UUID.randomUUID().toString();
        final String officialId;

        Assignment(String officialId) {
            this.officialId = officialId;
        }

        Event event(EventType type, Status status, Instant time) {
            AssignmentSnapshot snapshot = new AssignmentSnapshot(UUID.fromString(id), UUID.fromString(deploymentId),
                    UUID.fromString(officialId), "BNV", "79", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 5, 31),
                    status, null);
            ObjectNode envelope = TestEvents.envelope(type.name(), type.schemaVersion(), "/assignment-service", id,
                    "BNV", time, snapshot);
            return new Event(envelope.path("id").asText(), id, envelope);
        }
    }

    /** An envelope, its id and the assignment id it is keyed by (its subject). */
    private record Event(String id, String key, ObjectNode envelope) {
    }

    /** Publishes with the assignment id as key, as assignment-service's relay does; returns where it landed. */
    private RecordMetadata publish(Event event) {
        return publish(event, null);
    }

    /** Publishes to a given partition (the partition of a record it must follow), still keyed by assignment id. */
    private RecordMetadata publish(Event event, Integer partition) {
        return kafka.publish(Topics.ASSIGNMENT, event.envelope(), partition);
    }

    /**
     * Waits until the consumer has handled everything up to {@code record}: a new official's assignment published
     * behind it on the same partition has taken effect.
     */
    private void awaitConsumedPast(RecordMetadata record) {
        String marker = newOfficial("Mốc Kiểm Tra");
        kafka.awaitCaughtUp(record,
                new Assignment(marker).event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now()).envelope(),
                () -> awaitStatus(marker, "ASSIGNED"));
    }

    private static String newOfficial(String fullName) {
        return register(BNV_ADMIN, fullName, uniqueEmail("assignment"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void statusIs(String officialId, String status) {
        given().auth().oauth2(BNV_ADMIN)
            .when().get(OFFICIALS + "/" + officialId)
            .then().statusCode(200).body("secondmentStatus", equalTo(status));
    }

    private static void awaitStatus(String officialId, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> statusIs(officialId, status));
    }

    private ConsumerRecord<String, String> awaitDeadLetter(Predicate<ConsumerRecord<String, String>> wanted) {
        return kafka.awaitRecords(DLQ, wanted, 1).get(0);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
