package vn.secondment.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published events against the platform's event contract (libs/events' {@code EventContract}: the AsyncAPI document
 * and one JSON Schema per event type and schema version). Used by libs/events' contract tests on a sample of every
 * type, and by the services' event tests on what they really publish: an event whose type the document does not
 * describe, whose payload does not validate against its schema, or that carries a field its schema does not declare,
 * fails the test. Reusable from any test with the contract on its classpath (every service and e2e-tests).
 */
public final class EventContractChecks {

    /** Where libs/events keeps the contract (EventContract.RESOURCES; libs/testing does not depend on libs/events). */
    private static final String RESOURCES = "vn/secondment/events/contract/";
    private static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig STRICT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, Optional<JsonSchema>> LOADED = new ConcurrentHashMap<>();
    private static volatile JsonNode asyncApi;

    private EventContractChecks() {
    }

    /** The path of a type's schema under the contract (EventType.schemaPath in libs/events). */
    public static String schemaPath(String type, int schemaVersion) {
        return "dataschema/" + type + "/v" + schemaVersion + ".json";
    }

    /** The AsyncAPI document, parsed. */
    public static JsonNode asyncApi() {
        if (asyncApi == null) {
            asyncApi = parse(resource("asyncapi.yaml").orElseThrow(
                    () -> new IllegalStateException(RESOURCES + "asyncapi.yaml is not on the classpath")));
        }
        return asyncApi;
    }

    /** The schema of a type's payload at a version, as JSON, if the contract has one. */
    public static Optional<JsonNode> schemaDocument(String type, int schemaVersion) {
        return resource(schemaPath(type, schemaVersion)).map(EventContractChecks::parseJson);
    }

    /** The AsyncAPI message of an event type (the message whose {@code name} is the type), if described. */
    public static Optional<JsonNode> message(String type) {
        for (JsonNode message : asyncApi().path("components").path("messages")) {
            if (type.equals(message.path("name").asText())) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /** The address of the channel that lists the message of {@code type}, if any. */
    public static Optional<String> channelOf(String type) {
        Iterator<Map.Entry<String, JsonNode>> messages = asyncApi().path("components").path("messages").fields();
        while (messages.hasNext()) {
            Map.Entry<String, JsonNode> message = messages.next();
            if (!type.equals(message.getValue().path("name").asText())) {
                continue;
            }
            String ref = "#/components/messages/" + message.getKey();
            for (JsonNode channel : asyncApi().path("channels")) {
                for (JsonNode listed : channel.path("messages")) {
                    if (ref.equals(listed.path("$ref").asText())) {
                        return Optional.of(channel.path("address").asText());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with the description of {@code type} at {@code schemaVersion}: no schema file, no AsyncAPI
     * message, or a message whose payload does not name that schema and type. Empty when it is fully described.
     */
    public static List<String> descriptionProblems(String type, int schemaVersion) {
        List<String> problems = new ArrayList<>();
        String path = schemaPath(type, schemaVersion);
        if (schemaDocument(type, schemaVersion).isEmpty()) {
            problems.add(type + " v" + schemaVersion + ": no JSON Schema " + RESOURCES + path);
        }
        Optional<JsonNode> message = message(type);
        if (message.isEmpty()) {
            problems.add(type + ": no message of that name in the AsyncAPI document");
            return problems;
        }
        JsonNode specific = message.get().path("payload").path("allOf").path(1).path("properties");
        if (!path.equals(specific.path("data").path("$ref").asText())) {
            problems.add(type + ": the AsyncAPI message's data does not refer to " + path);
        }
        if (!type.equals(specific.path("type").path("const").asText())
                || specific.path("schemaversion").path("const").asInt() != schemaVersion) {
            problems.add(type + ": the AsyncAPI message's type or schemaversion is not " + type + " v" + schemaVersion);
        }
        if (channelOf(type).isEmpty()) {
            problems.add(type + ": no channel of the AsyncAPI document lists its message");
        }
        return problems;
    }

    /**
     * What is wrong with one published envelope: not a CloudEvent as the document describes it, a type the document
     * does not describe, a {@code dataschema} that does not name its schema, a payload that does not validate, or a
     * payload field the schema does not declare. Empty when it conforms.
     */
    public static List<String> problems(JsonNode envelope) {
        List<String> problems = new ArrayList<>();
        String type = envelope.path("type").asText();
        int version = envelope.path("schemaversion").asInt();
        String at = type + " v" + version + " (event " + envelope.path("id").asText() + ")";
        JsonSchema envelopeSchema = SCHEMAS.getSchema(asyncApi().path("components").path("schemas").path("CloudEvent"),
                STRICT_FORMATS);
        envelopeSchema.validate(envelope).forEach(m -> problems.add(at + ", envelope: " + m.getMessage()));
        problems.addAll(descriptionProblems(type, version));
        Optional<JsonSchema> schema = LOADED.computeIfAbsent(schemaPath(type, version), path ->
                schemaDocument(type, version).map(document -> SCHEMAS.getSchema(document, STRICT_FORMATS)));
        if (schema.isEmpty()) {
            return problems;
        }
        String dataschema = envelope.path("dataschema").asText();
        if (!dataschema.endsWith("/" + schemaPath(type, version))) {
            problems.add(at + ": dataschema " + dataschema + " does not name " + schemaPath(type, version));
        }
        for (ValidationMessage message : schema.get().validate(envelope.path("data"))) {
            problems.add(at + ", data: " + message.getMessage());
        }
        undeclared(envelope.path("data"), schemaDocument(type, version).orElseThrow(), "$", at, problems);
        return problems;
    }

    /** Fails unless {@code envelope} conforms to the contract ({@link #problems}). */
    public static void assertConforms(JsonNode envelope) {
        assertThat(problems(envelope)).as("event contract problems of %s", envelope).isEmpty();
    }

    /**
     * Fails unless every record is a structured-mode CloudEvent (content-type header, key = subject) whose envelope
     * conforms; returns the envelopes.
     */
    public static List<JsonNode> assertRecordsConform(Collection<ConsumerRecord<String, String>> records) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> envelopes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode envelope = parseJson(record.value().getBytes(StandardCharsets.UTF_8));
            envelopes.add(envelope);
            Header contentType = record.headers().lastHeader("content-type");
            if (contentType == null
                    || !STRUCTURED_CONTENT_TYPE.equals(new String(contentType.value(), StandardCharsets.UTF_8))) {
                problems.add(record.topic() + "@" + record.offset() + ": no structured-mode content-type header");
            }
            if (!envelope.path("subject").asText().equals(record.key())) {
                problems.add(record.topic() + "@" + record.offset() + ": the key is not the subject");
            }
            String type = envelope.path("type").asText();
            channelOf(type).filter(address -> !address.equals(record.topic())).ifPresent(address -> problems.add(
                    type + " was published to " + record.topic() + ", the AsyncAPI document puts it on " + address));
            problems.addAll(problems(envelope));
        }
        assertThat(problems).as("event contract problems of %d records", records.size()).isEmpty();
        return envelopes;
    }

    /** Adds a problem for every field of {@code data} (nested too) that {@code schema} does not declare. */
    private static void undeclared(JsonNode data, JsonNode schema, String path, String at, List<String> problems) {
        if (data.isObject() && schema.has("properties")) {
            data.fields().forEachRemaining(field -> {
                JsonNode declared = schema.path("properties").get(field.getKey());
                if (declared == null) {
                    problems.add(at + ": " + path + "." + field.getKey() + " is not declared by the schema");
                } else {
                    undeclared(field.getValue(), declared, path + "." + field.getKey(), at, problems);
                }
            });
        } else if (data.isArray() && schema.has("items")) {
            for (JsonNode item : data) {
                undeclared(item, schema.path("items"), path + "[]", at, problems);
            }
        }
    }

    private static Optional<byte[]> resource(String relativePath) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream found = loader == null ? null : loader.getResourceAsStream(RESOURCES + relativePath);
        if (found == null) {
            found = EventContractChecks.class.getClassLoader().getResourceAsStream(RESOURCES + relativePath);
        }
        try (InputStream in = found) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parseJson(byte[] content) {
        try {
            return TestEvents.JSON.readTree(content);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(byte[] content) {
        try {
            return YAML.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON or YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
