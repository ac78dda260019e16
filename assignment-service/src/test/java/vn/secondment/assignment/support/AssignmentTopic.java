package vn.secondment.assignment.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.secondment.events.Topics;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** Reads what assignment-service published on the real broker, as envelopes. */
public final class AssignmentTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConsumerTask<String, String> task;

    public AssignmentTopic(KafkaCompanion kafka) {
        this.task = kafka.consumeStrings().fromTopics(Topics.ASSIGNMENT);
    }

    /** Waits until {@code count} envelopes match, then returns them in topic order. */
    public List<JsonNode> await(Predicate<JsonNode> wanted, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> matching(wanted).size() >= count);
        return matching(wanted);
    }

    public List<JsonNode> matching(Predicate<JsonNode> wanted) {
        return task.getRecords().stream().map(ConsumerRecord::value).map(AssignmentTopic::read).filter(wanted).toList();
    }

    public static Predicate<JsonNode> type(String type) {
        return envelope -> type.equals(envelope.path("type").asText());
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        task.close();
    }
}
