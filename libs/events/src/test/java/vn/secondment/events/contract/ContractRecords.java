package vn.secondment.events.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.outbox.OutboxEvent;
import vn.secondment.events.outbox.OutboxRelay;

import java.time.Instant;
import java.util.UUID;

/** Kafka records of sample events, made by the outbox relay's own code from outbox rows as services write them. */
final class ContractRecords {

    static final String DATASCHEMA_BASE = "https://api.secondment.example.vn";
    /** The trace context of a publish, as the relay's span gives it (W3C format). */
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    /** The services' ObjectMapper writes dates as ISO text, like this one. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final EventCodec CODEC = new EventCodec(JSON);

    private ContractRecords() {
    }

    /** The record the relay sends for an event of {@code type} about {@code aggregateId} with {@code payload}. */
    static ProducerRecord<String, String> record(EventType type, UUID aggregateId, String ministry, Object payload,
                                                 Instant occurredAt) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.eventType = type.name();
        event.schemaVersion = type.schemaVersion();
        event.aggregateType = type.aggregateType();
        event.aggregateId = aggregateId.toString();
        event.ministry = ministry;
        event.occurredAt = occurredAt;
        try {
            event.payload = JSON.writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return OutboxRelay.toRecord(event, topicOf(type), sourceOf(type), DATASCHEMA_BASE, TRACEPARENT, CODEC);
    }

    /** The topic of the service whose contract declares {@code type}. */
    static String topicOf(EventType type) {
        return switch (producerOf(type)) {
            case "personnel" -> Topics.PERSONNEL;
            case "assignment" -> Topics.ASSIGNMENT;
            case "report" -> Topics.REPORT;
            default -> throw new AssertionError("No topic for " + type.name());
        };
    }

    static String sourceOf(EventType type) {
        return "/" + producerOf(type) + "-service";
    }

    private static String producerOf(EventType type) {
        // vn.secondment.<service>.<aggregate>.<change>
        return type.name().split("\\.")[2];
    }
}
