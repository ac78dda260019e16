package vn.secondment.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml read against the applications it runs: every setting an application would otherwise take from
 * its local-stack default (localhost) or its development password is set, every dependency is waited for until it is
 * healthy, published ports do not collide, images and passwords are variables, and every topic is declared.
 * The file itself is run by ./platform compose-smoke (ComposeSmokeIT).
 */
class ComposeFileTest {

    static final List<String> APPLICATIONS =
            List.of("personnel-service", "assignment-service", "report-service", "notification-service", "gateway");
    private static final Set<String> PUBLISHED = Set.of("gateway", "keycloak", "mail");
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("localhost|127\\.0\\.0\\.1");
    /** MicroProfile Config expressions: {@code ${name}} or {@code ${name:default}}. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path FILE = ROOT.resolve("docker-compose.yml");
    private static final ComposeFile COMPOSE = ComposeFile.read(FILE);

    @Test
    void everyApplicationSettingWithALocalDefaultOrADevelopmentPasswordIsSetByTheFile() throws IOException {
        List<String> unset = new ArrayList<>();
        for (String application : APPLICATIONS) {
            Map<String, String> environment = COMPOSE.environment(application);
            for (Map.Entry<String, Setting> required : settingsToSet(application).entrySet()) {
                String variable = required.getKey();
                String value = environment.get(variable);
                if (value == null || value.isBlank()) {
                    unset.add(application + ": " + variable + " (" + required.getValue() + ")");
                } else if (required.getValue().secret() && !ComposeFile.isRequiredVariable(value)) {
                    unset.add(application + ": " + variable + " must be ${SOME_VARIABLE:?message}, not " + value);
                }
            }
        }
        assertThat(unset).as("settings docker-compose.yml leaves at a development value").isEmpty();
    }

    @Test
    void everyDependencyIsWaitedForUntilHealthyOrUntilItsOneShotJobSucceeded() {
        List<String> problems = new ArrayList<>();
        for (String service : COMPOSE.serviceNames()) {
            COMPOSE.dependencies(service).forEach((target, condition) -> {
                if (!COMPOSE.serviceNames().contains(target)) {
                    problems.add(service + " depends on " + target + ", which is not a service");
                } else if (condition.equals("service_healthy")) {
                    if (!COMPOSE.hasHealthcheck(target)) {
                        problems.add(service + " waits for " + target + " to be healthy, but it has no healthcheck");
                    }
                } else if (condition.equals("service_completed_successfully")) {
                    if (COMPOSE.hasHealthcheck(target) || !isOneShot(target)) {
                        problems.add(service + " waits for " + target + " to complete, but it is not a one-shot job");
                    }
                } else {
                    problems.add(service + " depends on " + target + " without a condition: give service_healthy");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyLongRunningContainerHasAHealthcheckARestartPolicyAndAMemoryLimit() {
        for (String service : COMPOSE.serviceNames()) {
            if (isOneShot(service)) {
                continue;
            }
            assertThat(COMPOSE.hasHealthcheck(service)).as(service + " healthcheck").isTrue();
            assertThat(COMPOSE.string(service, "restart")).as(service + " restart").contains("unless-stopped");
            assertThat(COMPOSE.string(service, "mem_limit")).as(service + " mem_limit").isPresent();
        }
        assertThat(COMPOSE.serviceNames()).containsAll(APPLICATIONS);
    }

    @Test
    void onlyTheGatewayKeycloakAndTheMailReaderArePublishedEachOnAPortOfItsOwn() {
        Map<String, String> hostPorts = new HashMap<>();
        for (String service : COMPOSE.serviceNames()) {
            List<String> ports = COMPOSE.publishedPorts(service);
            assertThat(ports.isEmpty()).as(service + " is published").isEqualTo(!PUBLISHED.contains(service));
            for (String port : ports) {
                String[] parts = port.split(":");
                assertThat(parts).as(service + " " + port + ": host port and container port").hasSizeGreaterThan(1);
                String hostPort = parts[parts.length - 2];
                String earlier = hostPorts.put(hostPort, service);
                assertThat(earlier).as("host port " + hostPort + " published by " + service + " and " + earlier).isNull();
            }
        }
        assertThat(hostPorts).containsOnlyKeys("8080", "8180", "3143");
    }

    @Test
    void everyImageIsAVariableWhoseDefaultIsThePublicImage() {
        for (String service : COMPOSE.serviceNames()) {
            String image = COMPOSE.string(service, "image").orElseThrow();
            assertThat(image).as(service).matches("\\$\\{[A-Z_]+_IMAGE:-[a-z0-9./-]+:[A-Za-z0-9._-]+}");
        }
    }

    @Test
    void everyVariableIsDocumentedInEnvExampleAndTheRequiredOnesAreLeftEmptyThere() throws IOException {
        String example = Files.readString(ROOT.resolve(".env.example"), StandardCharsets.UTF_8);
        for (String variable : COMPOSE.variables()) {
            assertThat(example).as(".env.example documents " + variable).containsPattern("(?m)^#?" + variable + "=");
        }
        assertThat(COMPOSE.requiredVariables()).isNotEmpty().allSatisfy(variable ->
                assertThat(example).as(variable + " required, with no value in the example")
                        .containsPattern("(?m)^" + variable + "=$"));
    }

    @Test
    void everyTopicTheApplicationsReadOrWriteIsInTheListTheFileCreates() throws IOException {
        Path list = ROOT.resolve("libs/events/src/main/resources/vn/secondment/events/topics.txt");
        Set<String> declared = Files.readAllLines(list, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        for (String application : APPLICATIONS) {
            properties(application).forEach((key, value) -> {
                if (key.toString().endsWith(".topic")) {
                    used.add(value.toString());
                }
            });
        }
        assertThat(used).isNotEmpty();
        assertThat(declared).containsAll(used);
        assertThat(Files.readString(FILE)).contains("./" + ROOT.relativize(list) + ":");
    }

    @Test
    void dockerComposeAcceptsTheFileAndStopsWithTheNameOfAMissingPassword(@TempDir Path emptyEnvFile) throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        Map<String, String> variables = new LinkedHashMap<>();
        COMPOSE.requiredVariables().forEach(variable -> variables.put(variable, "sample-" + variable.toLowerCase()));
        assertThat(dockerComposeConfig(variables, emptyEnvFile).exitCode()).isZero();

        variables.remove("KEYCLOAK_ADMIN_PASSWORD");
        Result missing = dockerComposeConfig(variables, emptyEnvFile);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.output()).contains("KEYCLOAK_ADMIN_PASSWORD");
    }

    private record Setting(String property, String value, boolean secret) {
        @Override
        public String toString() {
            return property + "=" + value;
        }
    }

    private record Result(int exitCode, String output) {
    }

    /**
     * What the file must set for an application, as environment variables: settings whose default points at the local
     * stack, development passwords (which must come from a required variable), and expressions without a default.
     */
    private static Map<String, Setting> settingsToSet(String application) throws IOException {
        Properties properties = properties(application);
        Map<String, Setting> required = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue; // another profile's (test, dev)
            }
            String value = properties.getProperty(key);
            boolean secret = key.endsWith(".password") || key.contains("secret");
            if (secret || LOCAL_ADDRESS.matcher(value).find()) {
                required.put(environmentName(key), new Setting(key, value, secret));
            }
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                String name = expression.group(1);
                boolean provided = properties.containsKey(name) || name.startsWith("quarkus.");
                if (expression.group(2) == null && !provided) {
                    required.put(environmentName(name), new Setting(name, "(no default, read by " + key + ")", false));
                }
            }
        }
        return required;
    }

    private static Properties properties(String application) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve(application).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** MicroProfile Config's environment name of a property: upper case, every other character an underscore. */
    private static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** A job that runs once and exits (restart: on-failure), such as creating the topics. */
    private static boolean isOneShot(String service) {
        return COMPOSE.string(service, "restart").filter(policy -> policy.startsWith("on-failure")).isPresent();
    }

    private static Result dockerComposeConfig(Map<String, String> variables, Path emptyDirectory) throws Exception {
        Path envFile = Files.createFile(emptyDirectory.resolve("empty-" + System.nanoTime() + ".env"));
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "--env-file", envFile.toString(),
                "--file", FILE.toString(), "config", "--quiet").redirectErrorStream(true);
        // nothing from this machine's environment: only what a ministry's .env would give
        String path = System.getenv("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path);
        builder.environment().putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
