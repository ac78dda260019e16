package vn.secondment.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The test JVM's real Kafka broker as tests use it: publishing envelopes as another service's outbox relay would,
 * waiting for the service's consumers, and reading what a topic holds. One per test JVM, opened and closed by
 * {@link RealInfrastructureResource}; a test gets it with {@code @InjectTestKafka TestKafka kafka;}.
 */
public final class TestKafka implements AutoCloseable {

    /** The header the outbox relay sends (EventEnvelope.STRUCTURED_CONTENT_TYPE): structured-mode CloudEvents. */
    private static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final Duration SENT = Duration.ofSeconds(10);

    private final KafkaCompanion companion;

    TestKafka(String bootstrapServers) {
        this.companion = new KafkaCompanion(bootstrapServers);
    }

    /** The companion itself, for what the helpers below do not cover (admin calls, other serdes). */
    public KafkaCompanion companion() {
        return companion;
    }

    /** Publishes an envelope made by {@link TestEvents#envelope} to {@code topic}, keyed by its subject. */
    public RecordMetadata publish(String topic, ObjectNode envelope) {
        return publish(topic, envelope, null);
    }

    /**
     * Publishes an envelope as the outbox relay does (keyed by its subject, structured-mode {@code content-type},
     * the {@code ce_id} and {@code ce_type} headers), to {@code partition} when given (to follow a record there), and
     * waits until the broker has it.
     */
    public RecordMetadata publish(String topic, ObjectNode envelope, Integer partition) {
        return publish(record(topic, envelope, partition));
    }

    /** The record the outbox relay would send for {@code envelope}, for a test's own producer. */
    public static ProducerRecord<String, String> record(String topic, ObjectNode envelope, Integer partition) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition,
                envelope.path("subject").asText(), envelope.toString());
        record.headers().add("content-type", STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", envelope.path("id").asText().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", envelope.path("type").asText().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Publishes any value, e.g. a record that is not an envelope, and waits until the broker has it. */
    public RecordMetadata publishRaw(String topic, String key, String value) {
        return publish(new ProducerRecord<>(topic, key, value));
    }

    /** Publishes a record made by the test (its own headers), and waits until the broker has it. */
    public RecordMetadata publish(ProducerRecord<String, String> record) {
        return companion.produceStrings().fromRecords(record).awaitCompletion(SENT).getFirstRecord();
    }

    /** Waits until the service's readiness says its event consumers have joined their groups. */
    public void awaitConsumersJoined() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get(ManagementInterface.url("/q/health/ready"))
                .then().statusCode(200)
                .body("checks.find { it.name == 'event consumers joined their groups' }.status", equalTo("UP")));
    }

    /**
     * Waits until the service's consumer has handled {@code record}, when its effect cannot be seen (a duplicate,
     * a record ignored): publishes {@code marker} behind it on the same partition, which one consumer reads in
     * order, and runs {@code markerHandled}, which waits for the marker's visible effect.
     */
    public void awaitCaughtUp(RecordMetadata record, ObjectNode marker, Runnable markerHandled) {
        publish(record.topic(), marker, record.partition());
        markerHandled.run();
    }

    /** Reads {@code topic} from its beginning, until closed. */
    public TopicRecords read(String topic) {
        return new TopicRecords(companion.consumeStrings().fromTopics(topic), false);
    }

    /**
     * Reads the service's own topic from its beginning, until closed, checking every record on it against the
     * event contract ({@link EventContractChecks#assertRecordsConform}) as it is read: what the service really
     * published, in every test that looks at it, whatever that test looks for.
     */
    public TopicRecords readPublished(String topic) {
        return new TopicRecords(companion.consumeStrings().fromTopics(topic), true);
    }

    /** {@link #awaitRecords} of the service's own topic, every record on it checked as {@link #readPublished} does. */
    public List<ConsumerRecord<String, String>> awaitPublished(String topic,
                                                               Predicate<ConsumerRecord<String, String>> wanted,
                                                               int count) {
        try (TopicRecords records = readPublished(topic)) {
            return records.await(wanted, count);
        }
    }

    /** Waits until {@code topic} holds at least {@code count} records that {@code wanted} accepts, and returns them. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic,
                                                             Predicate<ConsumerRecord<String, String>> wanted,
                                                             int count) {
        try (TopicRecords records = read(topic)) {
            return records.await(wanted, count);
        }
    }

    @Override
    public void close() {
        companion.close();
    }
}
