package vn.secondment.k8s;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A custom resource checked against its CRD's {@code openAPIV3Schema}, as the API server's structural-schema
 * validation does for what these manifests use: types, unknown fields (unless {@code x-kubernetes-preserve-unknown-fields}
 * or {@code additionalProperties}), required fields, enums, patterns, minimums and maximums, int-or-string.
 */
final class CrdSchema {

    /** The CRDs of the operators, copied with their licences into src/test/resources/crds (see its README). */
    private static final List<String> FILES = List.of("strimzi-040-Crd-kafka.yaml", "strimzi-043-Crd-kafkatopic.yaml",
            "strimzi-044-Crd-kafkauser.yaml", "strimzi-045-Crd-kafkanodepool.yaml", "cnpg-clusters.yaml",
            "cnpg-databases.yaml", "keycloak-keycloaks.yml", "keycloak-realmimports.yml");
    private static final Map<String, Map<String, Object>> SCHEMAS = load();

    private CrdSchema() {
    }

    static boolean knows(String apiVersion, String kind) {
        return SCHEMAS.containsKey(apiVersion + "/" + kind);
    }

    /** Every violation of the document against its schema, each with its path; empty when it is valid. */
    static List<String> violations(Map<String, Object> document) {
        String key = document.get("apiVersion") + "/" + document.get("kind");
        Map<String, Object> schema = SCHEMAS.get(key);
        if (schema == null) {
            return List.of("no CRD for " + key);
        }
        // apiVersion, kind and metadata are the API server's to check (ObjectMeta), whatever the schema says of them
        Set<String> envelope = Set.of("apiVersion", "kind", "metadata");
        Map<String, Object> body = new HashMap<>(document);
        body.keySet().removeAll(envelope);
        Map<String, Object> bodySchema = new HashMap<>(schema);
        bodySchema.put("required", ((List<?>) schema.getOrDefault("required", List.of())).stream()
                .filter(field -> !envelope.contains(field)).toList());
        List<String> violations = new ArrayList<>();
        check(bodySchema, body, key, violations);
        return violations;
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> schema, Object value, String path, List<String> violations) {
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                violations.add(path + ": null");
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
                violations.add(path + ": must be an integer or a string, not " + value);
            }
            return;
        }
        String type = (String) schema.get("type");
        if (type != null && !hasType(type, value)) {
            violations.add(path + ": must be " + type + ", not " + value.getClass().getSimpleName() + " " + value);
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            violations.add(path + ": " + value + " is not one of " + allowed);
        }
        if (schema.get("pattern") instanceof String pattern && value instanceof String text
                && !Pattern.compile(pattern).matcher(text).find()) {
            violations.add(path + ": " + text + " does not match " + pattern);
        }
        if (schema.get("minimum") instanceof Number minimum && value instanceof Number number
                && number.doubleValue() < minimum.doubleValue()) {
            violations.add(path + ": " + number + " is below " + minimum);
        }
        if (schema.get("maximum") instanceof Number maximum && value instanceof Number number
                && number.doubleValue() > maximum.doubleValue()) {
            violations.add(path + ": " + number + " is above " + maximum);
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!object.containsKey(required)) {
                    violations.add(path + ": " + required + " is required");
                }
            }
            Object additional = schema.get("additionalProperties");
            boolean preserveUnknown = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
            for (Map.Entry<?, ?> field : object.entrySet()) {
                String name = field.getKey().toString();
                Object fieldSchema = properties.get(name);
                if (fieldSchema instanceof Map<?, ?> known) {
                    check((Map<String, Object>) known, field.getValue(), path + "." + name, violations);
                } else if (additional instanceof Map<?, ?> values) {
                    check((Map<String, Object>) values, field.getValue(), path + "." + name, violations);
                } else if (!preserveUnknown && !Boolean.TRUE.equals(additional)) {
                    violations.add(path + ": unknown field " + name);
                }
            }
        } else if (value instanceof List<?> items && schema.get("items") instanceof Map<?, ?> itemSchema) {
            for (int i = 0; i < items.size(); i++) {
                check((Map<String, Object>) itemSchema, items.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    private static boolean hasType(String type, Object value) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> true;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> load() {
        Map<String, Map<String, Object>> schemas = new HashMap<>();
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(1000); // Strimzi's pod templates nest deep
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        for (String file : FILES) {
            try (InputStream in = CrdSchema.class.getResourceAsStream("/crds/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Missing CRD " + file);
                }
                Map<String, Object> crd = yaml.load(in);
                String group = (String) Documents.at(crd, "spec", "group");
                String kind = (String) Documents.at(crd, "spec", "names", "kind");
                for (Map<String, Object> version : Documents.list(crd, "spec", "versions")) {
                    schemas.put(group + "/" + version.get("name") + "/" + kind,
                            Documents.map(version, "schema", "openAPIV3Schema"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
