package vn.secondment.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.UUID;

/**
 * Events as another service's outbox relay puts them on the real broker, for consumer tests: the platform's
 * envelope (CloudEvents 1.0 + {@code ministry} + {@code schemaversion}, structured mode, {@code ce_id} and
 * {@code ce_type} headers), keyed by the aggregate id; {@link TestKafka#publish} puts them there.
 */
public final class TestEvents {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The local stack's gateway, the relay's default {@code platform.events.dataschema-base}. */
    private static final String DATASCHEMA_BASE = "http://localhost:8080/";

    private TestEvents() {
    }

    /** A new envelope with a fresh id; {@code subject} is the aggregate id and also the record key. */
    public static ObjectNode envelope(String type, int schemaVersion, String source, String subject, String ministry,
                                      Instant time, Object data) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", source)
                .put("type", type)
                .put("subject", subject)
                .put("time", time.toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", DATASCHEMA_BASE + EventContractChecks.schemaPath(type, schemaVersion))
                .put("ministry", ministry)
                .put("schemaversion", schemaVersion);
        envelope.set("data", JSON.valueToTree(data));
        return envelope;
    }
}
