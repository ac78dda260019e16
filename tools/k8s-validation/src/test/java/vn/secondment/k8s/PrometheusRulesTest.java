package vn.secondment.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PrometheusRule's alerts as Prometheus itself reads them: promtool checks them (expressions, durations,
 * templates) and runs their unit tests (src/test/resources/monitoring/alerts-test.yaml: series fed minute by minute,
 * the alerts expected with their texts). promtool comes from Debian's prometheus package (fetch-promtool.sh, run by
 * the build before these tests); without it these tests fail, they never skip.
 */
class PrometheusRulesTest {

    private static final Path PROMTOOL = Path.of(System.getProperty("promtool", "target/promtool/usr/bin/promtool"));
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    @BeforeAll
    static void promtoolIsThere() {
        assertThat(Files.isExecutable(PROMTOOL))
                .as("promtool at " + PROMTOOL + ": the build's fetch-promtool.sh puts it there (./mvnw -B verify -pl"
                        + " tools/k8s-validation runs it); see its message in the build log")
                .isTrue();
    }

    @Test
    void theAlertsPassPromtoolsCheckAndTheirUnitTests(@TempDir Path directory) throws Exception {
        writeRules(directory, groups("prod"));
        copyTests(directory);
        assertThat(groups("dev")).as("both overlays have the same alerts").isEqualTo(groups("prod"));
        Result check = promtool(directory, "check", "rules", "platform-rules.yaml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + alerts().size() + " rules found");
        Result test = promtool(directory, "test", "rules", "alerts-test.yaml");
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void promtoolRefusesABrokenExpressionAndAnAlertThatDoesNotFireAsExpected(@TempDir Path directory) throws Exception {
        List<Map<String, Object>> groups = groups("prod");
        writeRules(directory, List.of(Map.of("name", "broken", "rules",
                List.of(Map.of("alert", "Broken", "expr", "sum by (job) (rate(up[5m])")))));
        assertThat(promtool(directory, "check", "rules", "platform-rules.yaml").exitCode()).isNotZero();
        // the outbox alert raised to 10 minutes: the unit test expecting it after 5 fails
        List<Map<String, Object>> raised = new Yaml(new SafeConstructor(new LoaderOptions())).load(new Yaml().dump(groups));
        raised.stream().flatMap(group -> Documents.list(group, "rules").stream())
                .filter(rule -> "SecondmentOutboxStuck".equals(rule.get("alert")))
                .forEach(rule -> rule.put("expr", ((String) rule.get("expr")).replace("> 300", "> 600")));
        writeRules(directory, raised);
        copyTests(directory);
        Result test = promtool(directory, "test", "rules", "alerts-test.yaml");
        assertThat(test.exitCode()).isNotZero();
        assertThat(test.output()).contains("SecondmentOutboxStuck");
    }

    @Test
    void everyAlertHasASeverityTextsARunbookSectionInTheReadmeAndAUnitTestWhereItFires() throws IOException {
        String readme = Files.readString(Overlay.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Set<String> anchors = readme.lines().filter(line -> line.startsWith("#"))
                .map(line -> slug(line.replaceFirst("^#+\\s*", ""))).collect(Collectors.toSet());
        String tests = new String(resource("/monitoring/alerts-test.yaml").readAllBytes(), StandardCharsets.UTF_8);
        List<String> broken = new ArrayList<>();
        for (Map<String, Object> alert : alerts()) {
            String name = (String) alert.get("alert");
            require(broken, name, "a severity of " + SEVERITIES, SEVERITIES.contains(Documents.at(alert, "labels", "severity")));
            require(broken, name, "a summary and a description", List.of("summary", "description").stream()
                    .allMatch(text -> Documents.at(alert, "annotations", text) instanceof String value && !value.isBlank()));
            String runbook = String.valueOf(Documents.at(alert, "annotations", "runbook_url"));
            require(broken, name, "a runbook_url at README.md#" + slug(name), runbook.endsWith("README.md#" + slug(name)));
            require(broken, name, "a README section " + name, anchors.contains(slug(name)));
            require(broken, name, "a unit test where it fires", firesInATest(tests, name));
        }
        assertThat(alerts()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(broken).isEmpty();
    }

    /** Whether a test case of alerts-test.yaml expects the alert with at least one instance. */
    @SuppressWarnings("unchecked")
    private static boolean firesInATest(String tests, String alert) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(tests);
        return Documents.list(document, "tests").stream()
                .flatMap(test -> Documents.list(test, "alert_rule_test").stream())
                .anyMatch(expectation -> alert.equals(expectation.get("alertname"))
                        && !((List<Object>) expectation.getOrDefault("exp_alerts", List.of())).isEmpty());
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        return Normalizer.normalize(heading, Normalizer.Form.NFC).strip().toLowerCase()
                .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static List<Map<String, Object>> groups(String overlayName) {
        List<Map<String, Object>> rules = Overlay.render(overlayName).ofKind("PrometheusRule");
        assertThat(rules).as(overlayName).hasSize(1);
        return Documents.list(rules.get(0), "spec", "groups");
    }

    private static List<Map<String, Object>> alerts() {
        return groups("prod").stream().flatMap(group -> Documents.list(group, "rules").stream())
                .filter(rule -> rule.containsKey("alert")).toList();
    }

    private static void writeRules(Path directory, List<Map<String, Object>> groups) throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(directory.resolve("platform-rules.yaml"), new Yaml(options).dump(Map.of("groups", groups)),
                StandardCharsets.UTF_8);
    }

    private static void copyTests(Path directory) throws IOException {
        try (InputStream in = resource("/monitoring/alerts-test.yaml")) {
            Files.write(directory.resolve("alerts-test.yaml"), in.readAllBytes());
        }
    }

    private static InputStream resource(String name) {
        InputStream in = PrometheusRulesTest.class.getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result promtool(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(PROMTOOL.toAbsolutePath().toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool " + String.join(" ", arguments) + " ended").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static void require(List<String> broken, String name, String rule, boolean holds) {
        if (!holds) {
            broken.add(name + ": " + rule);
        }
    }
}
