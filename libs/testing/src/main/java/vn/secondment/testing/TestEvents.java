package vn.secondment.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Events as another service's outbox relay puts them on the real broker, for consumer tests: the platform's
 * envelope (CloudEvents 1.0 + {@code ministry} + {@code schemaversion}, structured mode, {@code ce_id} and
 * {@code ce_type} headers), keyed by the aggregate id.
 */
public final class TestEvents {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TestEvents() {
    }

    /** A new envelope with a fresh id; {@code subject} is the aggregate id and also the record key. */
    public static ObjectNode envelope(String type, int schemaVersion, String source, String subject, String ministry,
                                      Instant time, Object data) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", source)
                .put("type", type)
                .put("subject", subject)
                .put("time", time.toString())
                .put("datacontenttype", "application/json")
                .put("ministry", ministry)
                .put("schemaversion", schemaVersion);
        envelope.set("data", JSON.valueToTree(data));
        return envelope;
    }

    /** Publishes to {@code topic}, to {@code partition} when given (to follow a record there), keyed by subject. */
    public static RecordMetadata publish(KafkaCompanion kafka, String topic, ObjectNode envelope, Integer partition) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition,
                envelope.path("subject").asText(), envelope.toString());
        record.headers().add("ce_id", envelope.path("id").asText().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", envelope.path("type").asText().getBytes(StandardCharsets.UTF_8));
        return kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10)).getFirstRecord();
    }

    /** Waits until the service's readiness says its event consumers have joined their groups. */
    public static void awaitConsumersJoined() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'event consumers joined their groups' }.status", equalTo("UP")));
    }
}
