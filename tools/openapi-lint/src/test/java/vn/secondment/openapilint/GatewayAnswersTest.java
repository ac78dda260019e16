package vn.secondment.openapilint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients call through the gateway, so each document says so: a relative server, and on every operation the
 * answers the gateway gives itself (401, 429 and 503 with Retry-After, 502, 504; 413 and 415 where there is a body),
 * as problem+json with an example. (A service answers 503 with Retry-After itself too, while its database does not.)
 */
class GatewayAnswersTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"personnel-service", "assignment-service", "report-service", "notification-service"})
    void everyOperationDocumentsTheGatewaysAnswers(String service) throws Exception {
        Path path = Documents.root().resolve(service).resolve("target/openapi/openapi.json");
        assertThat(path).as("%s's build writes its document; build it first", service).exists();
        JsonNode document = new ObjectMapper().readTree(path.toFile());

        assertThat(document.path("servers").path(0).path("url").asText()).isEqualTo("/");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> item : document.path("paths").properties()) {
            if (!item.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = item.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                List<String> statuses = new ArrayList<>(List.of("401", "429", "502", "503", "504"));
                if (operation.has("requestBody")) {
                    statuses.addAll(List.of("413", "415"));
                }
                for (String status : statuses) {
                    JsonNode problem = operation.path("responses").path(status).path("content")
                            .path("application/problem+json");
                    if (problem.path("examples").isEmpty()) {
                        missing.add(method.toUpperCase() + " " + item.getKey() + " " + status);
                    }
                }
                for (String status : List.of("429", "503")) {
                    if (operation.path("responses").path(status).path("headers").path("Retry-After").isMissingNode()) {
                        missing.add(method.toUpperCase() + " " + item.getKey() + " " + status + " Retry-After");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
