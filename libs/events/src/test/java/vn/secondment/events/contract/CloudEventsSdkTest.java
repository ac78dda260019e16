package vn.secondment.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.secondment.embedded.EmbeddedKafkaBroker;
import vn.secondment.events.EventContract;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integrator's view: records of every event type, written by the outbox relay's code onto a real broker, read with
 * the CloudEvents Java SDK's Kafka deserializer (structured mode, the Jackson JSON format), give back every attribute,
 * both extensions and the data.
 */
class CloudEventsSdkTest {

    private static final Instant TIME = Instant.parse("2025-09-15T01:30:00.123456Z");
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
        broker.createTopics(List.of(Topics.PERSONNEL, Topics.ASSIGNMENT, Topics.REPORT), Topics.PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theSdksKafkaDeserializerReadsEveryAttributeOfEveryEventType() throws Exception {
        Map<String, ProducerRecord<String, String>> sent = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (EventType type : EventContract.eventTypes()) {
                ProducerRecord<String, String> record = ContractRecords.record(type, UUID.randomUUID(), "BNV",
                        SamplePayloads.full(type), TIME);
                producer.send(record).get();
                sent.put(ContractRecords.JSON.readTree(record.value()).path("id").asText(), record);
            }
        }

        Map<String, ConsumerRecord<String, CloudEvent>> read = readAll(sent.size());

        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(sent.keySet());
        for (Map.Entry<String, ProducerRecord<String, String>> entry : sent.entrySet()) {
            JsonNode expected = ContractRecords.JSON.readTree(entry.getValue().value());
            ConsumerRecord<String, CloudEvent> record = read.get(entry.getKey());
            CloudEvent event = record.value();
            String type = expected.path("type").asText();

            assertThat(record.topic()).isEqualTo(entry.getValue().topic());
            assertThat(record.key()).isEqualTo(event.getSubject());
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getId()).isEqualTo(entry.getKey());
            assertThat(event.getSource()).isEqualTo(URI.create(expected.path("source").asText()));
            assertThat(event.getType()).isEqualTo(type);
            assertThat(event.getSubject()).isEqualTo(expected.path("subject").asText()).isNotBlank();
            assertThat(event.getTime()).isEqualTo(OffsetDateTime.ofInstant(TIME, ZoneOffset.UTC));
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(event.getDataSchema()).isEqualTo(URI.create(ContractRecords.DATASCHEMA_BASE
                    + "/dataschema/" + type + "/v1.json"));
            assertThat(event.getExtension("ministry")).isEqualTo("BNV");
            assertThat(event.getExtension("schemaversion")).isEqualTo(1);
            assertThat(event.getExtension("traceparent")).isEqualTo(ContractRecords.TRACEPARENT);
            assertThat(event.getData()).isNotNull();
            assertThat(ContractRecords.JSON.readTree(event.getData().toBytes()))
                    .isEqualTo(ContractRecords.JSON.valueToTree(SamplePayloads.full(
                            EventContract.eventTypes().stream().filter(t -> t.name().equals(type)).findFirst()
                                    .orElseThrow())));
        }
    }

    private static Map<String, ConsumerRecord<String, CloudEvent>> readAll(int count) {
        Map<String, ConsumerRecord<String, CloudEvent>> read = new HashMap<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "integrator-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.PERSONNEL, Topics.ASSIGNMENT, Topics.REPORT));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> read.put(record.value().getId(), record));
            }
        }
        return read;
    }
}
