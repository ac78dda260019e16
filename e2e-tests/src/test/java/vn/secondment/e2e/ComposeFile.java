package vn.secondment.e2e;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as the tests read it: its services (YAML anchors and merge keys resolved) and its variables,
 * each {@code ${NAME:-default}} replaced by its default, as on a machine whose {@code .env} sets only what is required.
 */
final class ComposeFile {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?message}}, {@code ${NAME?message}}. */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?:(:?[-?])([^}]*))?}");

    private final String text;
    private final Map<String, Map<String, Object>> services;

    private ComposeFile(String text, Map<String, Map<String, Object>> services) {
        this.text = text;
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    static ComposeFile read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            Map<String, Map<String, Object>> services = new LinkedHashMap<>();
            ((Map<String, Object>) document.get("services"))
                    .forEach((name, definition) -> services.put(name, (Map<String, Object>) definition));
            return new ComposeFile(text, services);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    Set<String> serviceNames() {
        return services.keySet();
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The service's environment as written (values still with their {@code ${...}}); the map form only. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String serviceName) {
        Object environment = service(serviceName).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> variables.put(name.toString(), value == null ? "" : value.toString()));
        } else if (environment != null) {
            throw new IllegalStateException(serviceName + ": environment must be a map (NAME: value), not a list");
        }
        return variables;
    }

    /** depends_on as target → condition; the short list form (no condition) gives an empty condition. */
    @SuppressWarnings("unchecked")
    Map<String, String> dependencies(String serviceName) {
        Object dependsOn = service(serviceName).get("depends_on");
        Map<String, String> dependencies = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((target, options) -> dependencies.put(target.toString(),
                    options instanceof Map<?, ?> o && o.get("condition") != null ? o.get("condition").toString() : ""));
        } else if (dependsOn instanceof List<?> list) {
            list.forEach(target -> dependencies.put(target.toString(), ""));
        }
        return dependencies;
    }

    boolean hasHealthcheck(String serviceName) {
        return service(serviceName).get("healthcheck") instanceof Map<?, ?> healthcheck
                && healthcheck.get("test") != null && !Boolean.TRUE.equals(healthcheck.get("disable"));
    }

    Optional<String> string(String serviceName, String key) {
        return Optional.ofNullable(service(serviceName).get(key)).map(Object::toString);
    }

    /** The published ports of a service, each with the variables replaced by their defaults ("8080:8080"). */
    List<String> publishedPorts(String serviceName) {
        Object ports = service(serviceName).get("ports");
        return ports instanceof List<?> list ? list.stream().map(port -> withDefaults(port.toString())).toList() : List.of();
    }

    /** Every variable the file reads. */
    Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The variables that stop {@code up} when missing ({@code ${NAME:?message}}). */
    Set<String> requiredVariables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            if (matcher.group(2) != null && matcher.group(2).endsWith("?")) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** True when the value is exactly one required variable, e.g. {@code ${REPORT_DB_PASSWORD:?set it in .env}}. */
    static boolean isRequiredVariable(String value) {
        Matcher matcher = VARIABLE.matcher(value.strip());
        return matcher.matches() && matcher.group(2) != null && matcher.group(2).endsWith("?");
    }

    /** The value with every variable replaced by its default ("" when it has none). */
    static String withDefaults(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String operator = matcher.group(2);
            String fallback = operator != null && operator.endsWith("-") ? matcher.group(3) : "";
            matcher.appendReplacement(result, Matcher.quoteReplacement(fallback));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
