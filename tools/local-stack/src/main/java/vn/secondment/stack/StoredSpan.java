package vn.secondment.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One span as the launcher's OTLP receiver stored it: one line of {@link StackSettings#spansFile()}.
 *
 * @param traceId       32 lowercase hex digits
 * @param spanId        16 lowercase hex digits
 * @param parentSpanId  the parent's span id, or empty for a trace's root (or a span whose parent is in another trace)
 * @param service       the exporting application's {@code service.name} (its resource attribute)
 * @param name          the span's name, e.g. {@code POST /api/personnel/officials} or {@code personnel.events publish}
 * @param kind          {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER} or {@code INTERNAL}
 * @param start         when the span started
 * @param end           when it ended
 * @param status        {@code UNSET}, {@code OK} or {@code ERROR}
 * @param statusMessage the status' description, empty when there is none
 * @param attributes    the span's attributes: strings, booleans, longs, doubles, lists and maps of those
 */
public record StoredSpan(String traceId, String spanId, String parentSpanId, String service, String name, String kind,
                         Instant start, Instant end, String status, String statusMessage,
                         Map<String, Object> attributes) {

    /** The attribute under which the gateway and the services put the request's {@code X-Request-Id}. */
    public static final String REQUEST_ID_ATTRIBUTE = "secondment.request_id";

    public StoredSpan {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
        parentSpanId = parentSpanId == null ? "" : parentSpanId;
        service = service == null ? "" : service;
        statusMessage = statusMessage == null ? "" : statusMessage;
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean hasParent() {
        return !parentSpanId.isEmpty();
    }

    /** An attribute's value as text, if the span has it. */
    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key)).map(String::valueOf);
    }

    /** The request id ({@code X-Request-Id}) the span carries, if any. */
    public Optional<String> requestId() {
        return attribute(REQUEST_ID_ATTRIBUTE);
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("traceId", traceId);
        json.put("spanId", spanId);
        if (hasParent()) {
            json.put("parentSpanId", parentSpanId);
        }
        json.put("service", service);
        json.put("name", name);
        json.put("kind", kind);
        json.put("start", start.toString());
        json.put("end", end.toString());
        json.put("status", status);
        if (!statusMessage.isEmpty()) {
            json.put("statusMessage", statusMessage);
        }
        json.set("attributes", mapper.valueToTree(attributes));
        return json;
    }

    @SuppressWarnings("unchecked")
    static StoredSpan fromJson(JsonNode json, ObjectMapper mapper) {
        Map<String, Object> attributes = json.has("attributes")
                ? mapper.convertValue(json.get("attributes"), LinkedHashMap.class)
                : Map.of();
        return new StoredSpan(json.path("traceId").asText(), json.path("spanId").asText(),
                json.path("parentSpanId").asText(""), json.path("service").asText(""), json.path("name").asText(""),
                json.path("kind").asText("INTERNAL"), Instant.parse(json.path("start").asText()),
                Instant.parse(json.path("end").asText()), json.path("status").asText("UNSET"),
                json.path("statusMessage").asText(""), attributes);
    }
}
