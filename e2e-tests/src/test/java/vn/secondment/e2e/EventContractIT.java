package vn.secondment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.secondment.testing.EventContractChecks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event the packaged platform published during the end-to-end run (PlatformIT's officials, rounds, reports
 * and issues, and what the other classes did) is what the AsyncAPI document says: a structured-mode CloudEvent of a
 * described type, on its channel, with a payload valid against the JSON Schema its {@code dataschema} names.
 */
@Order(5)
@ExtendWith(Platform.Shared.class)
class EventContractIT {

    private static final List<String> EVENT_TOPICS = List.of("personnel.events", "assignment.events", "report.events");

    @Test
    void everyPublishedEventConformsToTheAsyncApiDocument() {
        List<ConsumerRecord<String, String>> records = readAll(Platform.current().kafkaBootstrapServers());

        List<JsonNode> envelopes = EventContractChecks.assertRecordsConform(records);

        // the run published on every producer's topic, so each contract was tried
        assertThat(records).extracting(ConsumerRecord::topic).containsAll(EVENT_TOPICS);
        assertThat(envelopes).extracting(envelope -> envelope.path("type").asText())
                .contains("vn.secondment.personnel.official.registered", "vn.secondment.assignment.deployment.issued",
                        "vn.secondment.report.weekly-report.submitted");
    }

    /** Every record of the three event topics, from the beginning to the end as it is now. */
    private static List<ConsumerRecord<String, String>> readAll(String bootstrapServers) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            EVENT_TOPICS.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("read to the end of the event topics within 60 s").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
