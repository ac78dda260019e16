package vn.secondment.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What one topic holds, read from its beginning by {@link TestKafka#read} until closed; records and envelopes. */
public final class TopicRecords implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ConsumerTask<String, String> task;
    /** Whether every record is checked against the event contract (a producer's own topic). */
    private final boolean published;
    private int checked;

    TopicRecords(ConsumerTask<String, String> task, boolean published) {
        this.task = task;
        this.published = published;
    }

    /** The records received so far, in the order they arrived (checked against the contract if published). */
    public synchronized List<ConsumerRecord<String, String>> records() {
        // a copy: the consumer keeps adding to the task's list, which a view of it (subList) would not survive
        List<ConsumerRecord<String, String>> records = new ArrayList<>(task.getRecords());
        if (published && records.size() > checked) {
            EventContractChecks.assertRecordsConform(records.subList(checked, records.size()));
            checked = records.size();
        }
        return records;
    }

    /** Waits until at least {@code count} records match {@code wanted}, then returns them in order. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> wanted, int count) {
        Awaitility.await().atMost(WAIT).until(() -> records().stream().filter(wanted).count() >= count);
        return records().stream().filter(wanted).toList();
    }

    /** The envelopes received so far that {@code wanted} accepts, in order. */
    public List<JsonNode> envelopes(Predicate<JsonNode> wanted) {
        return records().stream().map(TopicRecords::envelope).filter(wanted).toList();
    }

    /** Waits until at least {@code count} envelopes match {@code wanted}, then returns them in order. */
    public List<JsonNode> awaitEnvelopes(Predicate<JsonNode> wanted, int count) {
        Awaitility.await().atMost(WAIT).until(() -> envelopes(wanted).size() >= count);
        return envelopes(wanted);
    }

    /** A record's value read as JSON. */
    public static JsonNode envelope(ConsumerRecord<String, String> record) {
        try {
            return TestEvents.JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON on " + record.topic() + ": " + record.value(), e);
        }
    }

    /** A record's {@code ce_type} header, or null. */
    public static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        task.close();
    }
}
