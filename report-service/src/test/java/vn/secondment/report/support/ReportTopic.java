package vn.secondment.report.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TopicRecords;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reads what report-service published on the real broker ({@code report.events}), as envelopes. */
public final class ReportTopic implements AutoCloseable {

    private final TopicRecords records;

    public ReportTopic(TestKafka kafka) {
        this.records = kafka.readPublished(Topics.REPORT);
    }

    /** Waits until {@code count} events of {@code type} about {@code reportId} arrived, then returns them in order. */
    public List<JsonNode> await(EventType type, UUID reportId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events(type, reportId).size() >= count);
        return events(type, reportId);
    }

    /** The events of {@code type} about {@code reportId} received so far, keyed and typed as the contract says. */
    public List<JsonNode> events(EventType type, UUID reportId) {
        return records.records().stream()
                .filter(r -> reportId.toString().equals(r.key()))
                .map(TopicRecords::envelope)
                .filter(e -> type.name().equals(e.path("type").asText()))
                .toList();
    }

    @Override
    public void close() {
        records.close();
    }
}
