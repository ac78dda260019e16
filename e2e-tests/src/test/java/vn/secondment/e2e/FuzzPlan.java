package vn.secondment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes the fuzz's requests: a valid-looking request of an operation from its schema, then one mutation of a kind
 * from issue 16 applied to it. All choices come from the seeded {@link FuzzInputs}, so a seed gives the same
 * sequence of operations, kinds and values (ids excepted: they are the platform's, gathered from its answers).
 */
final class FuzzPlan {

    /** The mutation kinds; {@link #applicable} says which fit an operation. */
    static final List<String> KINDS = List.of("valid", "query-wrong-type", "query-unicode", "query-huge",
            "query-impossible-date", "query-search-wildcards", "query-duplicate", "query-unknown",
            "query-raw-encoding", "path-bad-id", "path-unicode", "body-missing-field", "body-wrong-type",
            "body-null-field", "body-unicode", "body-huge", "body-impossible-date", "body-deep-nesting",
            "body-broken-json", "body-unknown-fields", "body-empty", "body-wrong-content-type", "header-if-match",
            "header-idempotency-key", "header-accept", "upload-broken-csv", "upload-broken-xlsx", "upload-broken-form", "no-token");

    static final List<String> SORT_EDGES = List.of(",", ",,", "-", "+", "fullName,", ",fullName", "nonexistent",
            "fullName;drop", "-fullName,-fullName", "FULLNAME", "full_name", "%00", "\u0000", "a.b.c", "id desc",
            "fullName:asc", "-".repeat(300), "fullName,".repeat(200));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String BOUNDARY = "fuzz-boundary-7MA4YWxkTrZu0gW";

    private final FuzzInputs inputs;
    private final Harvest harvest;
    private final byte[] sampleCsv;
    private final byte[] sampleXlsx;

    FuzzPlan(FuzzInputs inputs, Harvest harvest, byte[] sampleCsv, byte[] sampleXlsx) {
        this.inputs = inputs;
        this.harvest = harvest;
        this.sampleCsv = sampleCsv;
        this.sampleXlsx = sampleXlsx;
    }

    static List<String> applicable(ApiOperations.Operation operation) {
        boolean query = !operation.in("query").isEmpty();
        boolean path = operation.hasPathParameters();
        boolean json = operation.bodies().stream().anyMatch(ApiOperations.Body::json);
        boolean multipart = operation.bodies().stream().anyMatch(ApiOperations.Body::multipart);
        boolean ifMatch = operation.in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"));
        boolean idempotent = operation.in("header").stream()
                .anyMatch(p -> p.name().equalsIgnoreCase(IDEMPOTENCY_KEY));
        return KINDS.stream().filter(kind -> {
            if (kind.startsWith("query-") && !kind.equals("query-unknown") && !kind.equals("query-duplicate")
                    && !kind.equals("query-raw-encoding")) {
                return query;
            }
            if (kind.startsWith("path-")) {
                return path;
            }
            if (kind.startsWith("body-")) {
                return json;
            }
            if (kind.startsWith("upload-")) {
                return multipart;
            }
            if (kind.equals("header-if-match")) {
                return ifMatch;
            }
            if (kind.equals("header-idempotency-key")) {
                return idempotent;
            }
            return true;
        }).toList();
    }

    /** The valid-looking request of the operation. */
    FuzzRequest valid(int number, ApiOperations.Operation operation, String caller) {
        return build(number, operation, "valid", caller);
    }

    /** A request of the given kind: the valid one, mutated. */
    FuzzRequest build(int number, ApiOperations.Operation operation, String kind, String caller) {
        Draft draft = new Draft(operation);
        // path
        String[] segments = operation.template().split("/", -1);
        List<String> pathParameters = new ArrayList<>();
        for (String segment : segments) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                pathParameters.add(segment.substring(1, segment.length() - 1));
            }
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (String name : pathParameters) {
            JsonNode schema = operation.in("path").stream().filter(p -> p.name().equals(name))
                    .map(ApiOperations.Parameter::schema).findFirst().orElse(FuzzInputs.NODES.objectNode());
            pathValues.put(name, inputs.validText(inputs.merged(schema, operation.schemas()), name,
                    operation.collectionBefore(name)));
        }
        // query: the required ones, and each optional one half of the time
        for (ApiOperations.Parameter parameter : operation.in("query")) {
            if (parameter.required() || inputs.chance(0.5)) {
                draft.query.add(Map.entry(parameter.name(), validQueryValue(operation, parameter)));
            }
        }
        // headers the document names (If-Match above all)
        for (ApiOperations.Parameter parameter : operation.in("header")) {
            if (parameter.name().equalsIgnoreCase("If-Match")) {
                draft.headers.put("If-Match", "\"0\"");
            } else if (parameter.name().equalsIgnoreCase(IDEMPOTENCY_KEY)) {
                draft.headers.put(IDEMPOTENCY_KEY, new UUID(inputs.random().nextLong(), inputs.random().nextLong())
                        .toString());
            } else if (parameter.required() || inputs.chance(0.5)) {
                // a header is ASCII: HTTP clients refuse anything else before sending
                draft.headers.put(parameter.name(), inputs.validText(parameter.schema(), parameter.name(), "")
                        .replaceAll("[^\\x20-\\x7e]", "x"));
            }
        }
        // body
        ApiOperations.Body body = operation.bodies().stream().filter(ApiOperations.Body::json).findFirst()
                .orElse(operation.bodies().isEmpty() ? null : operation.bodies().get(0));
        if (body != null && body.json()) {
            draft.json = validBody(operation, body);
            draft.headers.put("Content-Type", "application/json");
        } else if (body != null && body.multipart()) {
            draft.setMultipart(List.of(new Part("file", "phu-luc-878-QD-BNV.csv", "text/csv", sampleCsv)));
        }
        String concrete = concretePath(segments, pathValues);
        String etag = harvest.etagOf(concrete);
        if (etag != null && draft.headers.containsKey("If-Match")) {
            draft.headers.put("If-Match", etag);
        }

        mutate(kind, draft, pathValues);
        return draft.toRequest(number, kind, concretePath(segments, pathValues), caller);
    }

    private String validQueryValue(ApiOperations.Operation operation, ApiOperations.Parameter parameter) {
        if (parameter.example() != null && !parameter.example().isNull() && !parameter.example().isContainerNode()
                && inputs.chance(0.5)) {
            return parameter.example().asText();
        }
        JsonNode value = inputs.valid(parameter.schema(), parameter.name(), operation.collection(),
                operation.schemas(), 4);
        if (value.isArray()) {
            return value.isEmpty() ? "" : value.get(0).asText();
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    private JsonNode validBody(ApiOperations.Operation operation, ApiOperations.Body body) {
        if (body.example() != null && !body.example().isNull() && inputs.chance(0.6)) {
            JsonNode example = FuzzInputs.parsedIfJson(body.example());
            if (example.isObject()) {
                // ids in an example name nothing that exists; the platform's own are better
                replaceIds((ObjectNode) example, operation.collection());
            }
            return example;
        }
        return inputs.valid(body.schema(), operation.collection(), operation.collection(), operation.schemas(), 0);
    }

    private void replaceIds(ObjectNode object, String collection) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (field.getValue().isTextual() && name.toLowerCase(Locale.ROOT).endsWith("id")) {
                String known = harvest.valueFor(name, collection, inputs.random());
                if (known != null) {
                    object.put(name, known);
                }
            } else if (name.toLowerCase(Locale.ROOT).contains("email") && field.getValue().isTextual()) {
                // officials are unique by email: a fresh one creates instead of conflicting
                object.put(name, inputs.validText(FuzzInputs.NODES.objectNode(), name, collection));
            }
        }
    }

    private static String concretePath(String[] segments, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i > 0) {
                out.append('/');
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                out.append(FuzzRequest.encodeSegment(values.get(segment.substring(1, segment.length() - 1))));
            } else {
                out.append(segment);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- mutations

    private void mutate(String kind, Draft draft, Map<String, String> pathValues) {
        ApiOperations.Operation operation = draft.operation;
        switch (kind) {
            case "valid" -> {
            }
            case "query-wrong-type" -> {
                ApiOperations.Parameter parameter = inputs.pick(operation.in("query"));
                draft.setQuery(parameter.name(), parameter.name().equals("sort") ? inputs.pick(SORT_EDGES)
                        : inputs.wrongTypeText(parameter.schema(), operation.schemas()));
            }
            case "query-unicode" -> draft.setQuery(inputs.pick(operation.in("query")).name(), inputs.unicode());
            case "query-huge" -> draft.setQuery(inputs.pick(operation.in("query")).name(), inputs.huge());
            case "query-impossible-date" -> {
                ApiOperations.Parameter parameter = dateLike(operation.in("query"));
                draft.setQuery(parameter.name(), weekLike(parameter.name()) ? inputs.week() : inputs.date());
            }
            case "query-search-wildcards" -> {
                ApiOperations.Parameter parameter = operation.in("query").stream()
                        .filter(p -> p.name().equals("q") || p.name().toLowerCase(Locale.ROOT).contains("search"))
                        .findFirst().orElse(inputs.pick(operation.in("query")));
                draft.setQuery(parameter.name(), inputs.search());
            }
            case "query-duplicate" -> {
                List<ApiOperations.Parameter> declared = operation.in("query");
                String name = declared.isEmpty() ? "page" : inputs.pick(declared).name();
                int copies = inputs.pick(List.of(2, 3, 50));
                for (int i = 0; i < copies; i++) {
                    draft.query.add(Map.entry(name, i % 2 == 0 ? inputs.pick(List.of("1", "BNV", "", "x"))
                            : inputs.unicode()));
                }
            }
            case "query-unknown" -> {
                int count = inputs.pick(List.of(1, 3, 200));
                for (int i = 0; i < count; i++) {
                    draft.query.add(Map.entry(inputs.pick(List.of("unknown", "foo[bar]", "page[size]", "__proto__",
                            "a.b", "ministry[]", "", "\u0000", "Nguyễn", "x" + i)), inputs.pick(List.of("1", "", "%",
                            inputs.unicode()))));
                }
            }
            case "query-raw-encoding" -> draft.rawQuerySuffix = inputs.pick(List.of("%FF", "q=%C0%AF",
                    "q=%ED%A0%80", "page=%00", "sort=%2C", "size=%FF%FE", "=", "&&&", "q", "q=a=b=c",
                    "ministry=%E1%BB", "asOf=%2B999999999-12-31", "q=%25%5F%27"));
            case "path-bad-id" -> {
                String name = inputs.pick(new ArrayList<>(pathValues.keySet()));
                pathValues.put(name, name.toLowerCase(Locale.ROOT).contains("week") ? inputs.week()
                        : inputs.chance(0.15) ? "x".repeat(300) : inputs.id());
            }
            case "path-unicode" -> {
                String name = inputs.pick(new ArrayList<>(pathValues.keySet()));
                pathValues.put(name, inputs.pick(List.of(inputs.unicode(), inputs.search(), "a/b", "../..",
                        "%2e%2e", "x;y", "a?b", "a#b")));
            }
            case "body-missing-field" -> {
                if (draft.json instanceof ObjectNode object && !object.isEmpty()) {
                    List<String> names = fieldNames(object);
                    int remove = inputs.chance(0.3) ? names.size() : 1;
                    for (int i = 0; i < remove; i++) {
                        object.remove(inputs.pick(names));
                    }
                } else {
                    draft.json = FuzzInputs.NODES.objectNode();
                }
            }
            case "body-wrong-type" -> replaceLeaf(draft, node -> inputs.wrongType(schemaOf(node),
                    operation.schemas()));
            case "body-null-field" -> replaceLeaf(draft, node -> FuzzInputs.NODES.nullNode());
            case "body-unicode" -> replaceLeaf(draft, node -> FuzzInputs.text(inputs.unicode()));
            case "body-huge" -> {
                if (inputs.chance(0.05)) {
                    // past every service's 2 MB limit, with its Content-Length
                    draft.raw = ("{\"x\":\"" + "a".repeat(2_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
                } else {
                    replaceLeaf(draft, node -> FuzzInputs.text(inputs.huge()));
                }
            }
            case "body-impossible-date" -> {
                String field = dateField(draft.json);
                if (field != null && parentOf(draft.json, field) instanceof ObjectNode parent) {
                    parent.put(leafName(field), weekLike(field) ? inputs.week() : inputs.date());
                } else {
                    replaceLeaf(draft, node -> FuzzInputs.text(inputs.date()));
                }
            }
            case "body-deep-nesting" -> {
                String field = draft.json instanceof ObjectNode object && !object.isEmpty()
                        ? inputs.pick(fieldNames(object)) : "a";
                draft.raw = inputs.deeplyNested(field).getBytes(StandardCharsets.UTF_8);
            }
            case "body-broken-json" -> draft.raw = brokenJson(draft.json);
            case "body-unknown-fields" -> {
                if (draft.json instanceof ObjectNode object) {
                    object.put("unknownField", inputs.unicode());
                    object.set("__proto__", FuzzInputs.NODES.objectNode().put("admin", true));
                    object.put("id", new UUID(inputs.random().nextLong(), inputs.random().nextLong()).toString());
                    object.put("version", -1);
                    object.put("ministryCode", inputs.pick(FuzzInputs.MINISTRIES));
                } else {
                    draft.json = FuzzInputs.NODES.objectNode().put("unknownField", 1);
                }
            }
            case "body-empty" -> draft.raw = inputs.pick(List.of("", " ", "\n", "null", "{}", "[]", "\"\"", "0"))
                    .getBytes(StandardCharsets.UTF_8);
            case "body-wrong-content-type" -> {
                String type = inputs.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "application/json; charset=ISO-8859-1", "application/json; charset=klingon", "*/*",
                        "application/json-patch+json", "multipart/form-data", "", "application/json;;;"));
                if (type.isEmpty()) {
                    draft.headers.remove("Content-Type");
                } else {
                    draft.headers.put("Content-Type", type);
                }
                if (type.contains("ISO-8859-1") && draft.json != null) {
                    draft.raw = draft.json.toString().getBytes(Charset.forName("windows-1258"));
                } else if (type.equals("application/xml")) {
                    draft.raw = "<?xml version=\"1.0\"?><a>&lt;b&gt;</a>".getBytes(StandardCharsets.UTF_8);
                }
            }
            case "header-if-match" -> draft.headers.put("If-Match", inputs.pick(List.of("abc", "\"\"", "W/\"1\"", "*",
                    "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\"", "\"abc\"", "\"0", "0", " ",
                    "\"" + "9".repeat(1000) + "\"")));
            case "header-idempotency-key" -> draft.headers.put(IDEMPOTENCY_KEY, inputs.pick(List.of("", " ", "x",
                    "k".repeat(256), "k".repeat(5_000), "a b", "\"quoted\"", "%00", "\t",
                    "00000000-0000-0000-0000-000000000000")));
            case "header-accept" -> draft.headers.put("Accept", inputs.pick(List.of("application/xml", "text/csv",
                    "*/*;q=abc", "application/json;q=0", "image/png", "text/html", "application/*", ";;;",
                    "application/problem+json", "text/event-stream")));
            case "upload-broken-csv" -> draft.setMultipart(List.of(new Part("file", inputs.pick(List.of(
                    "phu-luc.csv", "phu luc ễ.csv", "a.CSV", "x.csv\u0000.exe", ".csv")), inputs.pick(List.of("text/csv",
                    "application/octet-stream", "text/plain")), brokenCsv())));
            case "upload-broken-xlsx" -> draft.setMultipart(List.of(new Part("file", inputs.pick(List.of(
                    "phu-luc.xlsx", "phu-luc.XLSX", "x.xls", "x.xlsm")),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", brokenXlsx())));
            case "upload-broken-form" -> brokenForm(draft);
            case "no-token" -> draft.noToken = inputs.pick(List.of(FuzzRequest.ANONYMOUS, FuzzRequest.BAD_TOKEN));
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private ApiOperations.Parameter dateLike(List<ApiOperations.Parameter> parameters) {
        return parameters.stream().filter(p -> {
            String name = p.name().toLowerCase(Locale.ROOT);
            return name.contains("date") || name.contains("week") || name.equals("asof") || name.equals("from")
                    || name.equals("to") || name.contains("since") || name.contains("until")
                    || "date".equals(p.schema().path("format").asText());
        }).findFirst().orElse(inputs.pick(parameters));
    }

    private static boolean weekLike(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("week") || lower.equals("from") || lower.equals("to");
    }

    /** A dotted path (a.b) to a field whose name or value says date, or null. */
    private static String dateField(JsonNode json) {
        List<String> paths = new ArrayList<>();
        leafPaths(json, "", paths, 0);
        for (String path : paths) {
            String name = leafName(path).toLowerCase(Locale.ROOT);
            JsonNode value = at(json, path);
            if (name.contains("date") || name.contains("week") || name.endsWith("at")
                    || (value.isTextual() && value.asText().matches("\\d{4}-\\d{2}.*"))) {
                return path;
            }
        }
        return null;
    }

    private void replaceLeaf(Draft draft, java.util.function.Function<JsonNode, JsonNode> with) {
        List<String> paths = new ArrayList<>();
        leafPaths(draft.json, "", paths, 0);
        if (paths.isEmpty()) {
            draft.json = FuzzInputs.NODES.objectNode().set("a", with.apply(FuzzInputs.NODES.textNode("x")));
            return;
        }
        String path = inputs.pick(paths);
        JsonNode parent = parentOf(draft.json, path);
        String leaf = leafName(path);
        JsonNode replacement = with.apply(at(draft.json, path));
        if (parent instanceof ObjectNode object) {
            object.set(leaf, replacement);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(leaf), replacement);
        }
    }

    private static void leafPaths(JsonNode node, String prefix, List<String> into, int depth) {
        if (node == null || depth > 5) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                into.add(path);
                leafPaths(field.getValue(), path, into, depth + 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String path = prefix.isEmpty() ? String.valueOf(i) : prefix + "." + i;
                into.add(path);
                leafPaths(node.get(i), path, into, depth + 1);
            }
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.isArray() ? node.path(Integer.parseInt(part)) : node.path(part);
        }
        return node;
    }

    private static JsonNode parentOf(JsonNode root, String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? root : at(root, path.substring(0, dot));
    }

    private static String leafName(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode schemaOf(JsonNode node) {
        String type = node.isTextual() ? "string" : node.isIntegralNumber() ? "integer" : node.isNumber() ? "number"
                : node.isBoolean() ? "boolean" : node.isArray() ? "array" : node.isObject() ? "object" : "string";
        return FuzzInputs.NODES.objectNode().put("type", type);
    }

    private byte[] brokenJson(JsonNode json) {
        String text = json == null ? "{\"a\":1}" : json.toString();
        return switch (inputs.random().nextInt(14)) {
            case 0 -> text.substring(0, inputs.random().nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
            case 1 -> (text + "}}garbage").getBytes(StandardCharsets.UTF_8);
            case 2 -> text.startsWith("{\"") && text.length() > 2
                    ? ("{\"dup\":1,\"dup\":\"x\"," + text.substring(1)).getBytes(StandardCharsets.UTF_8)
                    : "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            case 3 -> "{\"a\":1e999999}".getBytes(StandardCharsets.UTF_8);
            case 4 -> ("\ufeff" + text).getBytes(StandardCharsets.UTF_8);
            case 5 -> ("/* comment */" + text).getBytes(StandardCharsets.UTF_8);
            case 6 -> text.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 7 -> "{\"a\":NaN,\"b\":Infinity}".getBytes(StandardCharsets.UTF_8);
            case 8 -> text.endsWith("}") ? (text.substring(0, text.length() - 1) + ",}").getBytes(StandardCharsets.UTF_8)
                    : "[1,]".getBytes(StandardCharsets.UTF_8);
            case 9 -> concat("{\"fullName\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28,
                    (byte) 0xFF, (byte) 0xC0, (byte) 0xAF}, "\"}".getBytes(StandardCharsets.UTF_8));
            case 10 -> "{\"a\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8);
            case 11 -> "{\"a\":\"\\u0000\",\"\\u0000\":1}".getBytes(StandardCharsets.UTF_8);
            case 12 -> ("{\"a\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
            default -> "{\"a\":\"unterminated".getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] brokenCsv() {
        String sample = new String(sampleCsv, StandardCharsets.UTF_8);
        String[] lines = sample.split("\n", -1);
        return switch (inputs.random().nextInt(12)) {
            case 0 -> Arrays.copyOf(sampleCsv, Math.max(1, inputs.random().nextInt(sampleCsv.length)));
            case 1 -> sample.replaceFirst(",", ",\"unbalanced").getBytes(StandardCharsets.UTF_8);
            case 2 -> sample.replace("a", "a\u0000").getBytes(StandardCharsets.UTF_8);
            case 3 -> sample.getBytes(Charset.forName("windows-1258"));
            case 4 -> (lines.length > 0 ? lines[0] : "").getBytes(StandardCharsets.UTF_8);
            case 5 -> ("STT," + "X,".repeat(5000) + "\n1," + "y,".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 6 -> new byte[0];
            case 7 -> "\ufeff".getBytes(StandardCharsets.UTF_8);
            case 8 -> (sample + "\n99,\"" + inputs.huge() + "\",Nam,31/02/1980,,,,,,=cmd|' /C calc'!A0,'\n")
                    .getBytes(StandardCharsets.UTF_8);
            case 9 -> mutateLine(lines).getBytes(StandardCharsets.UTF_8);
            case 10 -> sample.replace(",", ";").replace("@", "").getBytes(StandardCharsets.UTF_8);
            default -> sample.replace("/", "-").replace("Nam", "Khác").replace("Nữ", "\u0000")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private String mutateLine(String[] lines) {
        String[] copy = lines.clone();
        if (copy.length > 2) {
            int row = 1 + inputs.random().nextInt(copy.length - 1);
            String[] cells = copy[row].split(",", -1);
            int cell = inputs.random().nextInt(cells.length);
            cells[cell] = inputs.pick(List.of(inputs.unicode(), inputs.date(), inputs.search(), "\"", "\"\"\"",
                    FuzzInputs.NFD_VIETNAMESE, "31/02/1980", "00/00/0000", "17/05/99999"));
            copy[row] = String.join(",", cells);
        }
        return String.join("\n", copy);
    }

    private byte[] brokenXlsx() {
        return switch (inputs.random().nextInt(6)) {
            case 0 -> Arrays.copyOf(sampleXlsx, Math.max(1, inputs.random().nextInt(sampleXlsx.length)));
            case 1 -> {
                byte[] copy = sampleXlsx.clone();
                for (int i = 0; i < 64; i++) {
                    copy[inputs.random().nextInt(copy.length)] = (byte) inputs.random().nextInt(256);
                }
                yield copy;
            }
            case 2 -> zipOf("hello.txt", "not a workbook");
            case 3 -> zipOf("xl/workbook.xml", "<workbook><sheets><sheet name=\"x\" r:id=\"rId1\"/>");
            case 4 -> "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
            default -> sampleCsv;
        };
    }

    private static final long ZIP_ENTRY_TIME = 1_754_870_400_000L; // 2025-08-11T00:00:00Z

    private static byte[] zipOf(String entry, String content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                ZipEntry zipEntry = new ZipEntry(entry);
                // a fixed time: the entry's default (now, to 2 s) made the same seed's bytes differ between calls
                zipEntry.setTime(ZIP_ENTRY_TIME);
                zip.putNextEntry(zipEntry);
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void brokenForm(Draft draft) {
        switch (inputs.random().nextInt(6)) {
            case 0 -> draft.setMultipart(List.of(new Part("other", null, null, "x".getBytes(StandardCharsets.UTF_8))));
            case 1 -> draft.setMultipart(List.of(new Part("file", "a.csv", "text/csv", sampleCsv),
                    new Part("file", "b.xlsx", "application/octet-stream", sampleXlsx)));
            case 2 -> draft.setMultipart(List.of(new Part("file", "noextension", "application/octet-stream",
                    sampleCsv)));
            case 3 -> {
                draft.setMultipart(List.of(new Part("file", "a.csv", "text/csv", sampleCsv)));
                // no closing boundary
                draft.raw = Arrays.copyOf(draft.raw, draft.raw.length - BOUNDARY.length() - 8);
            }
            case 4 -> {
                draft.setMultipart(List.of(new Part("file", "a.csv", "text/csv", sampleCsv)));
                draft.headers.put("Content-Type", "multipart/form-data");
            }
            default -> {
                draft.raw = new byte[0];
                draft.headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    record Part(String name, String fileName, String contentType, byte[] content) {
    }

    /** A request being made: the JSON body as a tree until a mutation replaces it with raw bytes. */
    private static final class Draft {
        final ApiOperations.Operation operation;
        final List<Map.Entry<String, String>> query = FuzzRequest.pairs();
        final Map<String, String> headers = FuzzRequest.headerMap();
        String rawQuerySuffix = "";
        JsonNode json;
        byte[] raw;
        String noToken;

        Draft(ApiOperations.Operation operation) {
            this.operation = operation;
        }

        void setQuery(String name, String value) {
            query.removeIf(e -> e.getKey().equals(name));
            query.add(Map.entry(name, value));
        }

        void setMultipart(List<Part> parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Part part : parts) {
                out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                        + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"") + "\r\n"
                        + (part.contentType() == null ? "" : "Content-Type: " + part.contentType() + "\r\n") + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.writeBytes(part.content());
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            raw = out.toByteArray();
            json = null;
            headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        }

        FuzzRequest toRequest(int number, String kind, String path, String caller) {
            byte[] body = raw;
            if (body == null && json != null) {
                try {
                    body = JSON.writeValueAsBytes(json);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return new FuzzRequest(number, operation, kind, operation.method(), path, List.copyOf(query),
                    rawQuerySuffix, Collections.unmodifiableMap(new LinkedHashMap<>(headers)), body,
                    noToken == null ? caller : noToken);
        }
    }
}
