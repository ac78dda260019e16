package vn.secondment.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.secondment.stack.LocalStack;
import vn.secondment.stack.LocalStackCommand;
import vn.secondment.stack.PlatformApplication;
import vn.secondment.stack.StackSettings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged platform on the local stack, started once for all end-to-end classes of a run (a start costs about a
 * minute) and stopped when the run ends. A class declares {@code @ExtendWith(Platform.Shared.class)} and then reads
 * {@link #current()}.
 */
final class Platform implements ExtensionContext.Store.CloseableResource {

    private static final Path STATE = Path.of("target", "e2e-stack").toAbsolutePath();
    private static Platform current;

    private final StackSettings settings;
    private LocalStack stack;
    private KeycloakTokens tokens;

    private Platform(StackSettings settings) {
        this.settings = settings;
        start();
    }

    /** The running platform; only inside a class extended with {@link Shared}. */
    static Platform current() {
        if (current == null) {
            throw new IllegalStateException("Extend the test class with Platform.Shared");
        }
        return current;
    }

    String gatewayUrl() {
        return stack.gatewayUrl();
    }

    /** An application's own URL, past the gateway (benchmarks compare the two). */
    String serviceUrl(String application) {
        return "http://localhost:" + stack.settings().ports().application(application);
    }

    /**
     * The command and environment of another instance of an application beside the stack's own, on the given
     * ports; with the platform's JVM settings ({@code jvm.options} and {@code MALLOC_ARENA_MAX}) or, without them,
     * the JVM's defaults; {@code addedOptions} come after them (a benchmark's trial of a setting).
     */
    ProcessBuilder anotherInstance(String application, boolean platformJvmSettings, List<String> addedOptions,
                                   int httpPort, int managementPort) {
        PlatformApplication app = PlatformApplication.named(application);
        Path root = stack.settings().projectRoot();
        List<String> command = new ArrayList<>(app.command(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), root));
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.runnableJar(root).getParent().toFile());
        builder.environment().putAll(stack.applicationEnvironment(application));
        if (!platformJvmSettings) {
            command.removeIf(argument -> argument.startsWith("@"));
            builder.environment().remove("MALLOC_ARENA_MAX");
        }
        command.addAll(command.indexOf("-jar"), addedOptions);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        return builder;
    }

    /** Keycloak's base URL, for its admin API (the stack's bootstrap admin is admin/admin). */
    String keycloakUrl() {
        return stack.keycloakUrl();
    }

    String imapUrl() {
        return stack.imapUrl();
    }

    String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    /** The spans the applications exported to the stack's OTLP receiver (read with {@code SpanLog}). */
    Path spansFile() {
        return stack.spansFile();
    }

    KeycloakTokens tokens() {
        return tokens;
    }

    /** An application's process as the launcher's state file names it now (the latest one after a restart). */
    long applicationPid(String application) {
        return stack.recordedPid(application)
                .orElseThrow(() -> new IllegalStateException(application + " is not in the stack's state"));
    }

    /** {@code ./platform status} of this stack: its exit code (0 = every component running and UP) and its text. */
    Status status() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exitCode = LocalStackCommand.status(stack.settings(), new PrintStream(text, true, StandardCharsets.UTF_8));
        return new Status(exitCode, text.toString(StandardCharsets.UTF_8));
    }

    record Status(int exitCode, String text) {

        /** The status line of one component, e.g. {@code notification-service  running  4242  http://... UP}. */
        String line(String component) {
            return text.lines().map(String::trim).filter(line -> line.startsWith(component + " ")).findFirst()
                    .orElse("");
        }
    }

    /** Stops every process of the stack and starts it again on the same state. */
    void restart() {
        stack.stop();
        start();
    }

    @Override
    public void close() {
        stack.stop();
        current = null;
    }

    private void start() {
        stack = LocalStack.start(settings, false);
        tokens = new KeycloakTokens(stack.keycloakUrl());
    }

    private static Platform startFresh() {
        try {
            deleteRecursively(STATE);
        } catch (Exception e) {
            throw new IllegalStateException("Could not clear " + STATE, e);
        }
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        current = new Platform(StackSettings.ephemeral(root, STATE));
        return current;
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Starts the platform for the first class that needs it; JUnit closes it after the last one. */
    static final class Shared implements BeforeAllCallback {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Platform.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(Platform.class, key -> startFresh(), Platform.class);
        }
    }
}
