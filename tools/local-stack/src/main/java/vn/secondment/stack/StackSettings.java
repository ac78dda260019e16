package vn.secondment.stack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a local stack finds the applications, keeps its data and listens.
 *
 * @param projectRoot    the repository root; each application is started from {@code <root>/<name>/target/quarkus-app}
 * @param stateDirectory data, logs and the running stack's pid/state files:
 *                       {@code postgres/}, {@code kafka/}, {@code logs/}, {@code traces/}, {@code stack.pid},
 *                       {@code stack.state}
 * @param keycloakHome   the unpacked Keycloak distribution; Keycloak keeps its own data in PostgreSQL, so one install
 *                       can be shared by all stacks (see {@link #sharedKeycloakHome()})
 * @param ports          the ports of every component
 */
public record StackSettings(Path projectRoot, Path stateDirectory, Path keycloakHome, Ports ports) {

    public StackSettings {
        Objects.requireNonNull(ports, "ports");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        stateDirectory = stateDirectory.toAbsolutePath().normalize();
        keycloakHome = keycloakHome.toAbsolutePath().normalize();
    }

    /** The developer stack: state in {@code <root>/.platform}, the fixed {@link Ports#defaults() default ports}. */
    public static StackSettings defaults(Path projectRoot) {
        return new StackSettings(projectRoot, projectRoot.resolve(".platform"), sharedKeycloakHome(), Ports.defaults());
    }

    /** A stack for tests: its own state directory and free ports, so it can run next to a developer stack. */
    public static StackSettings ephemeral(Path projectRoot, Path stateDirectory) {
        return new StackSettings(projectRoot, stateDirectory, sharedKeycloakHome(), Ports.free());
    }

    /** {@code ${SECONDMENT_CACHE:-~/.cache/secondment-platform}/keycloak-<version>}. */
    public static Path sharedKeycloakHome() {
        String cache = System.getenv("SECONDMENT_CACHE");
        Path cacheDirectory = cache == null || cache.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "secondment-platform")
                : Path.of(cache);
        return cacheDirectory.resolve("keycloak-" + KeycloakDistribution.version());
    }

    public StackSettings withPorts(Ports newPorts) {
        return new StackSettings(projectRoot, stateDirectory, keycloakHome, newPorts);
    }

    public Path logsDirectory() {
        return stateDirectory.resolve("logs");
    }

    public Path postgresDataDirectory() {
        return stateDirectory.resolve("postgres");
    }

    public Path kafkaLogDirectory() {
        return stateDirectory.resolve("kafka");
    }

    /**
     * The spans the launcher's OTLP receiver got, one JSON object a line ({@code ./platform trace} reads them, also
     * after the stack stopped); the older part, once the file reached its cap, is {@code spans.jsonl.1}.
     */
    public Path spansFile() {
        return stateDirectory.resolve("traces").resolve("spans.jsonl");
    }

    /** Holds the pid of the process that runs the stack (the launcher, or a test JVM). */
    public Path pidFile() {
        return stateDirectory.resolve("stack.pid");
    }

    /** The components of the running stack with their pids and command lines, for {@code down} and {@code status}. */
    public Path stateFile() {
        return stateDirectory.resolve("stack.state");
    }
}
