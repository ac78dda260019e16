package vn.secondment.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is what administrators and other ministries' developers read: every operation has a tag,
 * an operationId, and an example for each request body and each response body (its own, or its schema's); every
 * pattern can be checked by the console in the browser; every success body has a schema and every reference
 * resolves. A service's test extends this with
 * {@code @QuarkusTest @WithRealInfrastructure}.
 */
public abstract class OpenApiDocumentChecks {

    /** At least this many operations: a guard against a document that lost its resources. */
    protected abstract int minimumOperations();

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    @Test
    public void everyOperationIsTaggedNamedAndIllustrated() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                operations++;
                String where = method.toUpperCase() + " " + path.getKey();
                if (operation.path("operationId").asText().isBlank()) {
                    missing.add(where + ": operationId");
                }
                if (operation.path("tags").isEmpty()) {
                    missing.add(where + ": tags");
                }
                for (Map.Entry<String, JsonNode> media : operation.path("requestBody").path("content").properties()) {
                    if (!illustrated(document, media.getValue())) {
                        missing.add(where + ": request example (" + media.getKey() + ")");
                    }
                }
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
                        if (!illustrated(document, media.getValue())) {
                            missing.add(where + ": " + response.getKey() + " example (" + media.getKey() + ")");
                        }
                    }
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(minimumOperations());
        assertThat(missing).isEmpty();
    }

    @Test
    public void everyPatternCanBeCheckedByTheConsoleInTheBrowser() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> patterns = document.findValuesAsText("pattern");

        assertThat(patterns).isNotEmpty();
        // the console validates patterns with JavaScript regular expressions, which reject Java's \p{L} classes
        assertThat(patterns).allSatisfy(pattern -> {
            assertThat(pattern).doesNotContain("\\p{");
            java.util.regex.Pattern.compile(pattern);
        });
    }

    /**
     * Generated clients type what the schema says: a 2xx answer with a body and no schema comes out as {@code void}
     * (issue 16), and a reference to no schema breaks generation.
     */
    @Test
    public void everySuccessBodyHasASchemaAndEveryReferenceResolves() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                for (Map.Entry<String, JsonNode> response : path.getValue().path(method).path("responses")
                        .properties()) {
                    if (!response.getKey().startsWith("2")) {
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
                        JsonNode schema = resolve(document, media.getValue().path("schema"));
                        if (schema.isMissingNode() || schema.isEmpty()) {
                            missing.add(method.toUpperCase() + " " + path.getKey() + " " + response.getKey() + " ("
                                    + media.getKey() + ")");
                        }
                    }
                }
            }
        }
        List<String> dangling = new ArrayList<>();
        for (JsonNode ref : document.findValues("$ref")) {
            String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
            if (!ref.asText().startsWith("#/components/schemas/")
                    || !document.path("components").path("schemas").has(name)) {
                dangling.add(ref.asText());
            }
        }
        assertThat(missing).as("2xx bodies without a schema").isEmpty();
        assertThat(dangling).as("references to no schema").isEmpty();
    }

    /** An explicit example, or a schema whose properties carry examples, or a file upload or download. */
    private static boolean illustrated(JsonNode document, JsonNode media) {
        if (media.has("example") || !media.path("examples").isEmpty()) {
            return true;
        }
        JsonNode schema = resolve(document, media.path("schema"));
        if ("binary".equals(schema.path("format").asText()) || schema.has("example") || schema.has("examples")) {
            return true;
        }
        if ("array".equals(schema.path("type").asText())) {
            schema = resolve(document, schema.path("items"));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode value = resolve(document, property.getValue());
            if (value.has("example") || value.has("examples") || "binary".equals(value.path("format").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
