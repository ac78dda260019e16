package vn.secondment.openapilint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's OpenAPI document, as its build wrote it to {@code <service>/target/openapi/openapi.yaml}, passes
 * Spectral's {@code spectral:oas} ruleset without an error: what other ministries' developers and their client
 * generators read. Spectral is installed by this module's build ({@code npm ci}, package-lock.json).
 */
class SpectralLintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Spectral's severities: 0 error, 1 warning, 2 information, 3 hint. */
    private static final int ERROR = 0;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"personnel-service", "assignment-service", "report-service", "notification-service"})
    void documentHasNoSpectralError(String service) throws Exception {
        Path document = Documents.root().resolve(service).resolve("target/openapi/openapi.yaml");
        assertThat(document).as("%s's build writes its document (quarkus.smallrye-openapi.store-schema-directory); "
                + "build it first", service).exists();

        JsonNode findings = lint(document);

        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new TreeMap<>();
        for (JsonNode finding : findings) {
            if (finding.path("severity").asInt() == ERROR) {
                errors.add(describe(finding));
            } else {
                warnings.merge(finding.path("code").asText(), 1, Integer::sum);
            }
        }
        // the warnings left are named in tools/openapi-lint/README.md; printed so that new ones are seen
        System.out.println(service + ": " + errors.size() + " Spectral errors, warnings by rule " + warnings);
        assertThat(errors).as("Spectral (spectral:oas) errors in %s", document).isEmpty();
    }

    /** A guard on the guard: a null example in a field not declared nullable is an error Spectral reports here. */
    @Test
    void aNullExampleInAFieldNotNullableIsAnError() throws Exception {
        Path broken = Path.of(SpectralLintTest.class.getResource("/null-example.yaml").toURI());

        JsonNode findings = lint(broken);

        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.path("severity").asInt()).isEqualTo(ERROR);
            assertThat(finding.path("code").asText()).isEqualTo("oas3-valid-media-example");
        });
    }

    /** Spectral's findings on {@code document} as JSON, with this module's ruleset (.spectral.yaml). */
    static JsonNode lint(Path document) throws IOException, InterruptedException, URISyntaxException {
        Path home = Path.of(System.getProperty("spectral.home", "."));
        Path spectral = home.resolve("node_modules/.bin/spectral");
        assertThat(spectral).as("Spectral, installed by this module's build with npm ci").exists();
        Path output = Files.createTempFile("spectral", ".json");
        try {
            Process process = new ProcessBuilder(spectral.toString(), "lint", document.toString(),
                    "--ruleset", home.resolve(".spectral.yaml").toString(), "--format", "json",
                    "--output", output.toString(), "--quiet", "--fail-severity", "error")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("Spectral finished").isTrue();
            String json = Files.readString(output, StandardCharsets.UTF_8);
            // exit 1 means errors were found (read below); anything else with no output is Spectral failing
            assertThat(json).as("Spectral's output (exit %d)", process.exitValue()).isNotBlank();
            return JSON.readTree(json);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String describe(JsonNode finding) {
        List<String> path = new ArrayList<>();
        finding.path("path").forEach(p -> path.add(p.asText()));
        return finding.path("code").asText() + " at " + String.join(".", path) + " (line "
                + (finding.path("range").path("start").path("line").asInt() + 1) + "): "
                + finding.path("message").asText();
    }
}
