package vn.secondment.assignment.support;

import com.fasterxml.jackson.databind.JsonNode;
import vn.secondment.events.Topics;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TopicRecords;

import java.util.List;
import java.util.function.Predicate;

/** Reads what assignment-service published on the real broker, as envelopes. */
public final class AssignmentTopic implements AutoCloseable {

    private final TopicRecords records;

    public AssignmentTopic(TestKafka kafka) {
        this.records = kafka.readPublished(Topics.ASSIGNMENT);
    }

    /** Waits until {@code count} envelopes match, then returns them in topic order. */
    public List<JsonNode> await(Predicate<JsonNode> wanted, int count) {
        return records.awaitEnvelopes(wanted, count);
    }

    public List<JsonNode> matching(Predicate<JsonNode> wanted) {
        return records.envelopes(wanted);
    }

    public static Predicate<JsonNode> type(String type) {
        return envelope -> type.equals(envelope.path("type").asText());
    }

    @Override
    public void close() {
        records.close();
    }
}
