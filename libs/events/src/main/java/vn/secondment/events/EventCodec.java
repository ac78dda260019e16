package vn.secondment.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Reads and writes envelopes, and turns an envelope's {@code data} into a contract record. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + envelope.id() + " cannot be serialised", e);
        }
    }

    /** Parses a record's value; anything that is not a complete envelope is a {@link MalformedEventException}. */
    public EventEnvelope decode(String json) {
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Not an event envelope: " + e.getMessage(), e);
        }
        // time is optional in CloudEvents but every platform producer sets it, and consumers order states by it
        if (envelope == null || isBlank(envelope.id()) || isBlank(envelope.type()) || isBlank(envelope.source())
                || envelope.time() == null || !EventEnvelope.SPEC_VERSION.equals(envelope.specversion())) {
            throw new MalformedEventException("Envelope lacks id, type, source, time or specversion 1.0");
        }
        return envelope;
    }

    /** The payload as a contract record; a payload of the wrong shape is a {@link MalformedEventException}. */
    public <T> T data(EventEnvelope envelope, Class<T> contract) {
        if (envelope.data() == null || envelope.data().isNull()) {
            throw new MalformedEventException("Event " + envelope.id() + " has no data");
        }
        try {
            return mapper.treeToValue(envelope.data(), contract);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + envelope.id() + " data is not a " + contract.getSimpleName(), e);
        }
    }

    /**
     * A UUID field of the payload, read as {@link #data} reads it into a contract record; empty when there is no
     * payload, the field is absent or not text, or the text is not a UUID (the event's own handling decides whether
     * that is malformed). For what is read of a batch's events before each is handled, such as the rows they key by.
     */
    public Optional<UUID> uuidField(EventEnvelope envelope, String field) {
        JsonNode value = envelope.data() == null ? null : envelope.data().get(field);
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.treeToValue(value, UUID.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses stored JSON (an outbox payload) into a tree for the envelope's {@code data}. */
    public com.fasterxml.jackson.databind.JsonNode readTree(String json) throws JsonProcessingException {
        return mapper.readTree(json);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
