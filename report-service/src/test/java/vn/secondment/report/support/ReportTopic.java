package vn.secondment.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reads what report-service published on the real broker ({@code report.events}), as envelopes. */
public final class ReportTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConsumerTask<String, String> task;

    public ReportTopic(KafkaCompanion kafka) {
        this.task = kafka.consumeStrings().fromTopics(Topics.REPORT);
    }

    /** Waits until {@code count} events of {@code type} about {@code reportId} arrived, then returns them in order. */
    public List<JsonNode> await(EventType type, UUID reportId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events(type, reportId).size() >= count);
        return events(type, reportId);
    }

    /** The events of {@code type} about {@code reportId} received so far, keyed and typed as the contract says. */
    public List<JsonNode> events(EventType type, UUID reportId) {
        return task.getRecords().stream()
                .filter(r -> reportId.toString().equals(r.key()))
                .map(ConsumerRecord::value).map(ReportTopic::read)
                .filter(e -> type.name().equals(e.path("type").asText()))
                .toList();
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
