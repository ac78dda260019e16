package vn.secondment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The one envelope of every event on the platform: CloudEvents 1.0 attributes in structured JSON mode,
 * plus three extension attributes, {@code ministry} (the ministry code the event belongs to, if any),
 * {@code schemaversion} (the version of {@code data}'s shape for this {@code type}) and {@code traceparent} (the
 * CloudEvents distributed-tracing extension: the W3C trace context of the publish, which consumers continue, also
 * when the event is replayed from dead letters). {@code dataschema} is the
 * address of the JSON Schema of that shape, served by the gateway ({@link EventType#schemaPath()}).
 * <p>
 * Consumers ignore attributes and data fields they do not know, so producers can add fields
 * without a new schema version; removing or changing a field needs a new version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        String ministry,
        Integer schemaversion,
        String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** The content type of a whole event in structured mode, on Kafka and in webhook deliveries. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
}
