package vn.secondment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations of one service's OpenAPI document, as the fuzz needs them: method, path under the gateway,
 * parameters and request body with their schemas, {@code $ref}s resolved against the document.
 */
final class ApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private ApiOperations() {
    }

    record Parameter(String name, String in, JsonNode schema, boolean required, JsonNode example) {
    }

    record Body(String mediaType, JsonNode schema, JsonNode example, boolean required) {

        boolean json() {
            return mediaType.contains("json");
        }

        boolean multipart() {
            return mediaType.startsWith("multipart/");
        }
    }

    /**
     * @param service  the gateway's name for it ({@code personnel})
     * @param template the path at the gateway with its {@code {parameters}} ({@code /api/personnel/officials/{id}})
     */
    record Operation(String service, String method, String template, String operationId, List<Parameter> parameters,
                     List<Body> bodies, Schemas schemas) {

        String key() {
            return method + " " + template;
        }

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        boolean hasPathParameters() {
            return template.contains("{");
        }

        /** The last literal segment before the given position of the path, e.g. {@code officials} for {@code {id}}. */
        String collectionBefore(String parameter) {
            String[] segments = template.split("/");
            String previous = "";
            for (String segment : segments) {
                if (segment.equals("{" + parameter + "}")) {
                    return previous;
                }
                if (!segment.isEmpty() && !segment.startsWith("{")) {
                    previous = segment;
                }
            }
            return previous;
        }

        /** The last literal segment of the path: where what it answers belongs ({@code officials}). */
        String collection() {
            String[] segments = template.split("/");
            for (int i = segments.length - 1; i >= 0; i--) {
                if (!segments[i].isEmpty() && !segments[i].startsWith("{")) {
                    return segments[i];
                }
            }
            return "";
        }
    }

    /** Resolves {@code $ref}s inside one document. */
    record Schemas(JsonNode document) {

        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
                current = pointer(current.get("$ref").asText());
            }
            return current == null ? JsonNodeFactory.instance.objectNode() : current;
        }

        private JsonNode pointer(String ref) {
            if (!ref.startsWith("#/")) {
                return null;
            }
            JsonNode node = document.at(ref.substring(1));
            return node.isMissingNode() ? null : node;
        }
    }

    /** Every operation of the document, in a stable order (path, then method), prefixed with the gateway's route. */
    static List<Operation> of(String service, JsonNode document) {
        Schemas schemas = new Schemas(document);
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode item = schemas.resolve(path.getValue());
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                addParameters(parameters, item.path("parameters"), schemas);
                addParameters(parameters, operation.path("parameters"), schemas);
                List<Body> bodies = new ArrayList<>();
                JsonNode requestBody = schemas.resolve(operation.path("requestBody"));
                boolean required = requestBody.path("required").asBoolean(false);
                for (Iterator<Map.Entry<String, JsonNode>> media = requestBody.path("content").fields();
                     media.hasNext(); ) {
                    Map.Entry<String, JsonNode> content = media.next();
                    bodies.add(new Body(content.getKey().toLowerCase(Locale.ROOT),
                            content.getValue().path("schema"), exampleOf(content.getValue()), required));
                }
                // the services serve their API under the gateway's prefix already (quarkus.rest.path)
                String template = path.getKey().startsWith("/api/") ? path.getKey() : "/api/" + service + path.getKey();
                operations.add(new Operation(service, method.toUpperCase(Locale.ROOT), template,
                        operation.path("operationId").asText(""),
                        List.copyOf(parameters), List.copyOf(bodies), schemas));
            }
        }
        operations.sort(Comparator.comparing(Operation::template).thenComparing(Operation::method));
        return operations;
    }

    private static void addParameters(List<Parameter> into, JsonNode list, Schemas schemas) {
        for (JsonNode declared : list) {
            JsonNode parameter = schemas.resolve(declared);
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            // an operation's own declaration replaces the path item's
            into.removeIf(p -> p.name().equals(name) && p.in().equals(in));
            JsonNode example = parameter.has("example") ? parameter.get("example") : exampleOf(parameter);
            into.add(new Parameter(name, in, parameter.path("schema"),
                    parameter.path("required").asBoolean("path".equals(in)), example));
        }
    }

    private static JsonNode exampleOf(JsonNode holder) {
        if (holder.has("example")) {
            return holder.get("example");
        }
        JsonNode examples = holder.path("examples");
        for (JsonNode example : examples) {
            if (example.has("value")) {
                return example.get("value");
            }
        }
        return null;
    }

    /** An object node, for building bodies. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
