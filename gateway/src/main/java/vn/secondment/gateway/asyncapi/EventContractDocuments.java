package vn.secondment.gateway.asyncapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.gateway.http.ProblemWriter;
import vn.secondment.rest.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The platform's event contract, public like the OpenAPI documents: {@code GET /asyncapi}, the AsyncAPI 3.0 document
 * of every Kafka topic, and {@code GET /dataschema/<type>/v<version>.json}, the JSON Schema of an event type's payload
 * at a schema version, which every event's {@code dataschema} attribute names. Both are libs/events' one copy
 * ({@code vn/secondment/events/contract/}), which the gateway's build copies into its jar: the gateway does not
 * depend on libs/events (no outbox, database or Kafka here).
 */
@ApplicationScoped
public class EventContractDocuments {

    public static final String ASYNCAPI_PATH = "/asyncapi";
    public static final String SCHEMA_ROOT = "/dataschema/";

    private static final String RESOURCES = "vn/secondment/events/contract/";
    private static final String YAML = "application/yaml; charset=UTF-8";
    private static final String JSON_SCHEMA = "application/schema+json";
    /** An event type (lower-case dotted name) and a version: nothing else is read from the classpath. */
    private static final Pattern SCHEMA = Pattern.compile("/dataschema/[a-z0-9][a-z0-9.-]*/v[1-9][0-9]{0,3}\\.json");

    private final ProblemWriter problems;
    private final Map<String, Optional<Buffer>> loaded = new ConcurrentHashMap<>();

    public EventContractDocuments(ProblemWriter problems) {
        this.problems = problems;
    }

    /** {@code GET /asyncapi}: the document in YAML; its schema references are relative to this address. */
    public void asyncApi(RoutingContext context) {
        Buffer document = read("asyncapi.yaml")
                .orElseThrow(() -> new IllegalStateException(RESOURCES + "asyncapi.yaml is not in the gateway's jar"));
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, YAML).end(document);
    }

    /** {@code GET /dataschema/*}: one payload schema, or a not-found problem. */
    public void schema(RoutingContext context) {
        String path = context.normalizedPath();
        Optional<Buffer> schema = SCHEMA.matcher(path).matches()
                ? read(path.substring(1))
                : Optional.empty();
        if (schema.isEmpty()) {
            problems.send(context, ProblemType.NOT_FOUND, "No event schema at " + path
                    + "; the AsyncAPI document at " + ASYNCAPI_PATH + " lists every event type and its schema");
            return;
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON_SCHEMA).end(schema.get());
    }

    private Optional<Buffer> read(String relativePath) {
        // a handful of small files, read once: the event loop does not wait on the class path again
        return loaded.computeIfAbsent(relativePath, path -> {
            try (InputStream in = EventContractDocuments.class.getClassLoader()
                    .getResourceAsStream(RESOURCES + path)) {
                return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + RESOURCES + path, e);
            }
        });
    }
}
