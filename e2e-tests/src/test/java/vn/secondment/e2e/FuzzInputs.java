package vn.secondment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Values for the fuzz: valid-looking ones derived from a schema (its example, enum or format, real ids where the
 * platform gave some, the domain's usual values by the field's name), and the hostile kinds of issue 16. Every
 * choice comes from the one seeded {@link Random}.
 */
final class FuzzInputs {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Vietnamese written decomposed (NFD): the same text as the NFC one to a reader, other bytes to a database. */
    static final String NFD_VIETNAMESE = Normalizer.normalize("Nguyễn Thị Hoà, Phường Dĩ An, Bộ Nội vụ",
            Normalizer.Form.NFD);

    static final List<String> UNICODE_EDGES = List.of(
            "a\u0000b", "\u0000", NFD_VIETNAMESE, "Nguyễn\u200bThị\u200dHoa", "\ufeffBOM first", "\u202eesrever",
            "line\u2028separator", "\ud83c\uddfb\ud83c\uddf3 \ud83d\udc4d\ud83c\udffd", "\ud800 lone surrogate",
            "\udfff", "tab\there\r\nCRLF", "\u001b[31mANSI", "Ǆǅǆ ﬃ ẞ İı", "\u0301\u0301\u0301 combining first",
            "𝓝𝓰𝓾𝔂ễ𝓷", "\uffff\ufffe", "  ", "", "\u00a0", "null", "undefined", "<script>alert(1)</script>",
            "${jndi:ldap://x}", "../../etc/passwd", "Nguyễn Thị Hoa".repeat(3));

    static final List<String> SEARCH_EDGES = List.of("%", "_", "'", "%%", "_%_", "\\", "\\%", "'; DROP TABLE x; --",
            "' OR '1'='1", "%' OR 1=1 --", "[a-z]*", ".*", "(", "nguy%n", "ng_yen", "Nguyễn%", "%\u0000%", "''''",
            "\"", "*", "?", "^$", "Ng\u0000uyen");

    static final List<String> DATE_EDGES = List.of("2025-02-30", "2025-13-01", "2025-00-10", "2025-09-31",
            "0000-00-00", "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "99999-01-01", "-0001-01-01",
            "2025-9-1", "15/09/2025", "2025-09-15T25:61:00Z", "2025-09-15T08:00:00", "2025-09-15T08:00:00+25:00",
            "20250915", "2025-09", "today", "1970-01-01", "9999-12-31", "0001-01-01", "2025-W37", "", " 2025-09-15",
            "2025-09-15\u0000", "２０２５-０９-１５");

    static final List<String> WEEK_EDGES = List.of("2025-W00", "2025-W54", "2025-W53", "2026-W53", "2025-W99",
            "2025-W1", "2025W37", "2025-w37", "+999999999-W01", "-2025-W10", "99999-W10", "0000-W01", "2025-W37-1",
            "2025-09-15", "W37", "2025-W", "2025-W-1", "２０２５-W37", "2025-W37\u0000");

    static final List<String> ID_EDGES = List.of("abc", "1", "0", "-1", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "6f1c2a9e-2b1f-4c55-9a53-0c6d3e9b8a1", "6f1c2a9e2b1f4c559a530c6d3e9b8a11",
            "{6f1c2a9e-2b1f-4c55-9a53-0c6d3e9b8a11}", "6F1C2A9E-2B1F-4C55-9A53-0C6D3E9B8A11",
            "6f1c2a9e-2b1f-4c55-9a53-0c6d3e9b8a11x", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "..", ".", "%",
            "a\u0000b", "null", "undefined", "9223372036854775808", "1e9", " ", "'", "_", "\u0000");

    static final List<String> MINISTRIES = List.of("BNV", "BCT", "BNNMT", "BDTTG");

    private final Random random;
    private final Harvest harvest;
    private int serial;

    FuzzInputs(Random random, Harvest harvest) {
        this.random = random;
        this.harvest = harvest;
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    // ---------------------------------------------------------------- valid-looking values

    /** A value the schema accepts, as far as a schema says; {@code name} and {@code collection} guide the choice. */
    JsonNode valid(JsonNode rawSchema, String name, String collection, ApiOperations.Schemas schemas, int depth) {
        JsonNode schema = merged(rawSchema, schemas);
        if (schema.has("example") && !schema.get("example").isNull() && chance(0.5)) {
            return parsedIfJson(schema.get("example"));
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode choice = schema.get("enum").get(random.nextInt(schema.get("enum").size()));
            if (!choice.isNull()) {
                return choice;
            }
        }
        String type = typeOf(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 6) {
                    return object;
                }
                Set<String> required = names(schema.path("required"));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (schemas.resolve(property.getValue()).path("readOnly").asBoolean(false)) {
                        continue;
                    }
                    if (required.contains(property.getKey()) || chance(0.7)) {
                        object.set(property.getKey(),
                                valid(property.getValue(), property.getKey(), collection, schemas, depth + 1));
                    }
                }
                JsonNode additional = schema.path("additionalProperties");
                if (additional.isObject() && schema.path("properties").isEmpty()) {
                    String key = name.toLowerCase(Locale.ROOT).contains("province") ? "79" : "key";
                    object.set(key, valid(additional, key, collection, schemas, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int count = 1 + random.nextInt(2);
                for (int i = 0; i < count && depth <= 6; i++) {
                    array.add(valid(schema.path("items"), singular(name), collection, schemas, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(Math.max(min, 0) + 20);
                return NODES.numberNode(min + (long) random.nextInt((int) Math.max(1, Math.min(max - min + 1, 50))));
            }
            case "number" -> {
                return NODES.numberNode(schema.path("minimum").asDouble(0) + random.nextInt(10));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(validText(schema, name, collection));
            }
        }
    }

    /** A text as a field of that name and format usually holds: a real id where the platform gave one. */
    String validText(JsonNode schema, String name, String collection) {
        String format = schema.path("format").asText("");
        String lower = name.toLowerCase(Locale.ROOT);
        String known = harvest.valueFor(name, collection, random);
        if (known != null && (format.equals("uuid") || lower.endsWith("id") || lower.equals("code")
                || lower.endsWith("code"))) {
            return known;
        }
        if (format.equals("uuid") || lower.endsWith("id")) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (format.equals("date") || lower.endsWith("date") || lower.equals("asof") || lower.equals("date")) {
            return "2025-09-" + (10 + random.nextInt(15));
        }
        if (format.equals("date-time") || lower.endsWith("at")) {
            return "2025-09-15T08:00:00Z";
        }
        if (lower.contains("week") || lower.equals("from") || lower.equals("to")) {
            return "2025-W" + (36 + random.nextInt(8));
        }
        if (format.equals("email") || lower.contains("email")) {
            return "fuzz." + (serial++) + "." + random.nextInt(1_000_000) + "@bnv.example.vn";
        }
        if (format.equals("uri") || lower.contains("url")) {
            return "https://" + pick(List.of("hooks.bct.gov.vn", "example.com")) + "/events";
        }
        // a path's {code} is the code of what the path lists
        String hint = lower.equals("code") ? collection.toLowerCase(Locale.ROOT) : lower;
        if (hint.contains("ministr")) {
            return pick(MINISTRIES);
        }
        if (hint.contains("province")) {
            return pick(List.of("79", "01", "48", "74"));
        }
        if (hint.contains("commune")) {
            return pick(List.of("25942", "00004", "26734"));
        }
        if (lower.contains("phone")) {
            return "09" + (10_000_000 + random.nextInt(89_999_999));
        }
        if (lower.contains("decision") || lower.equals("number")) {
            return pick(List.of("878/QĐ-BNV", "1013/QĐ-BNV", "25/QĐ-BCT"));
        }
        if (lower.equals("sort")) {
            return pick(List.of("fullName", "-createdAt", "ministryCode,fullName", "id"));
        }
        if (lower.equals("q") || lower.contains("search")) {
            return pick(List.of("nguyen", "Nguyễn Thị", "hoa", "phường"));
        }
        if (lower.equals("unitcode") || lower.equals("unit") || hint.equals("units")) {
            return "TT-CNTT";
        }
        int min = schema.path("minLength").asInt(1);
        String text = pick(List.of("Nguyễn Thị Hoa", "Trung tâm Công nghệ thông tin", "Phường Dĩ An",
                "Làm việc với UBND phường", "Phó Vụ trưởng"));
        return text.length() >= min ? text : text + "x".repeat(min - text.length());
    }

    // ---------------------------------------------------------------- hostile values

    /** A value of another type than the schema's, or of the right type beyond its limits. */
    JsonNode wrongType(JsonNode schema, ApiOperations.Schemas schemas) {
        String type = typeOf(merged(schema, schemas));
        List<JsonNode> choices = new ArrayList<>(List.of(NODES.textNode("abc"), NODES.numberNode(-1),
                NODES.numberNode(1.5), NODES.booleanNode(true), NODES.arrayNode().add("x"),
                NODES.objectNode().put("a", 1), NODES.nullNode(), NODES.numberNode(new java.math.BigInteger(
                        "123456789012345678901234567890")), NODES.numberNode(1e308),
                NODES.textNode(""), NODES.numberNode(Long.MIN_VALUE)));
        choices.removeIf(node -> switch (type) {
            case "string" -> node.isTextual() && !node.asText().isEmpty();
            case "integer" -> node.isIntegralNumber() && node.canConvertToInt();
            case "boolean" -> node.isBoolean();
            case "array" -> node.isArray();
            case "object" -> node.isObject();
            default -> false;
        });
        return pick(choices);
    }

    /** As a query or path value: the text form of a wrong type. */
    String wrongTypeText(JsonNode schema, ApiOperations.Schemas schemas) {
        String type = typeOf(merged(schema, schemas));
        List<String> choices = new ArrayList<>(List.of("abc", "-1", "1.5", "1e3", "true", "[]", "{}", "null",
                "99999999999999999999", "-2147483649", "0x10", "NaN", "Infinity", "٣", "", " 1", "1,2"));
        if (type.equals("string")) {
            choices.addAll(List.of("1", "0", "-0"));
        }
        return pick(choices);
    }

    String unicode() {
        return pick(UNICODE_EDGES);
    }

    /** Long texts: past every column's length, past the gateway's line limit (in a query), past body limits. */
    String huge() {
        int length = pick(List.of(256, 1_001, 4_097, 10_000, 65_536, 70_000));
        String unit = pick(List.of("a", "ễ", "\ud83d\udc4d", "%", "Nguyễn "));
        StringBuilder out = new StringBuilder(length + 8);
        while (out.length() < length) {
            out.append(unit);
        }
        return out.toString();
    }

    String date() {
        return pick(DATE_EDGES);
    }

    String week() {
        return pick(WEEK_EDGES);
    }

    String id() {
        return pick(ID_EDGES);
    }

    String search() {
        return pick(SEARCH_EDGES);
    }

    /** JSON nested deeper than any parser should follow: arrays, objects or both. */
    String deeplyNested(String field) {
        int depth = pick(List.of(1_001, 2_000, 10_000, 100_000));
        String open = pick(List.of("[", "{\"a\":", "[{\"a\":"));
        String close = open.equals("[") ? "]" : open.equals("{\"a\":") ? "}" : "}]";
        StringBuilder out = new StringBuilder("{\"" + field + "\":");
        out.append(open.repeat(depth)).append("1").append(close.repeat(depth)).append('}');
        return out.toString();
    }

    // ---------------------------------------------------------------- schema helpers

    /** The schema with {@code $ref}, {@code allOf} merged and the first of {@code oneOf}/{@code anyOf} taken. */
    JsonNode merged(JsonNode raw, ApiOperations.Schemas schemas) {
        JsonNode schema = schemas.resolve(raw == null ? NODES.objectNode() : raw);
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = NODES.objectNode();
            ArrayNode required = NODES.arrayNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode resolved = merged(part, schemas);
                resolved.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("properties") && !e.getKey().equals("required")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                if (resolved.has("properties")) {
                    properties.setAll((ObjectNode) resolved.get("properties"));
                }
                resolved.path("required").forEach(required::add);
            }
            schema.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("allOf")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            if (!properties.isEmpty()) {
                merged.set("properties", properties);
            }
            if (!required.isEmpty()) {
                merged.set("required", required);
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice) && schema.get(choice).size() > 0) {
                JsonNode first = null;
                for (JsonNode option : schema.get(choice)) {
                    JsonNode resolved = merged(option, schemas);
                    if (!"null".equals(resolved.path("type").asText())) {
                        first = resolved;
                        break;
                    }
                }
                if (first != null) {
                    return first;
                }
            }
        }
        return schema;
    }

    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    static Set<String> names(JsonNode array) {
        Set<String> names = new java.util.HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** SmallRye keeps an example written as a JSON text as that text; the fuzz wants the value. */
    static JsonNode parsedIfJson(JsonNode example) {
        if (example.isTextual()) {
            String text = example.asText().strip();
            if (text.startsWith("{") || text.startsWith("[")) {
                try {
                    return JSON.readTree(text);
                } catch (Exception notJson) {
                    return example;
                }
            }
        }
        return example.deepCopy();
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    static TextNode text(String value) {
        return NODES.textNode(value);
    }
}
