package vn.secondment.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One docker-compose project, driven as an operator would: {@code up -d}, wait until every container is healthy,
 * {@code down} (volumes kept). The containers are inspected with the engine's CLI ({@code docker}, or {@code podman}
 * where podman serves the Docker API); the environment (images, passwords, DOCKER_HOST) is this JVM's.
 */
final class ComposeProject {

    private static final Duration POLL = Duration.ofSeconds(2);

    private final String project;
    private final Path file;
    private final String engine;

    ComposeProject(String project, Path file, String engine) {
        this.project = project;
        this.file = file;
        this.engine = engine;
    }

    /** One container as the engine sees it. */
    record Container(String name, String status, String health, int exitCode) {

        /** Running and healthy, or (a one-shot job without a healthcheck) exited successfully. */
        boolean isDone() {
            return health.isEmpty() ? status.equals("exited") && exitCode == 0 : status.equals("running")
                    && health.equals("healthy");
        }

        boolean hasFailed() {
            return health.equals("unhealthy") || (status.equals("exited") && exitCode != 0 && health.isEmpty());
        }
    }

    /** {@code up -d}, then waits until every container is done; returns how long that took. */
    Duration upAndAwaitHealthy(Duration timeout) {
        Instant begin = Instant.now();
        run(timeout, "up", "-d");
        Instant deadline = begin.plus(timeout);
        while (true) {
            List<Container> containers = containers();
            List<Container> failed = containers.stream().filter(Container::hasFailed).toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("Containers failed: " + failed);
            }
            if (!containers.isEmpty() && containers.stream().allMatch(Container::isDone)) {
                return Duration.between(begin, Instant.now());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not healthy after " + timeout.toSeconds() + " s: "
                        + containers.stream().filter(container -> !container.isDone()).toList());
            }
            sleep(POLL);
        }
    }

    /** {@code down}: containers and the network removed, the named volumes kept. */
    void down() {
        run(Duration.ofMinutes(3), "down");
    }

    List<Container> containers() {
        List<Container> containers = new ArrayList<>();
        for (String id : run(Duration.ofMinutes(1), "ps", "-q").strip().split("\\s+")) {
            if (id.isBlank()) {
                continue;
            }
            String[] fields = exec(Duration.ofMinutes(1), List.of(engine, "inspect", "--format",
                    "{{.Name}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.State.ExitCode}}",
                    id)).strip().split("\\|", -1);
            containers.add(new Container(fields[0].replaceFirst("^/", ""), fields[1], fields[2],
                    Integer.parseInt(fields[3].strip())));
        }
        return containers;
    }

    private String run(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--project-name", project, "--file",
                file.toString()));
        command.addAll(List.of(arguments));
        return exec(timeout, command);
    }

    private static String exec(Duration timeout, List<String> command) {
        Path output = null;
        try {
            // the output goes to a file, so a command that hangs cannot block this reader past the timeout
            output = Files.createTempFile("compose-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
