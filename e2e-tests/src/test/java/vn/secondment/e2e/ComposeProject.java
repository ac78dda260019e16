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
    /** A container restarted this often is crashing, not starting slowly. */
    private static final int MAX_RESTARTS = 3;

    private final String project;
    private final Path file;
    private final String engine;

    ComposeProject(String project, Path file, String engine) {
        this.project = project;
        this.file = file;
        this.engine = engine;
    }

    /** One container as the engine sees it. */
    record Container(String name, String status, String health, int exitCode, int restarts) {

        /** Running and healthy, or (a one-shot job without a healthcheck) exited successfully. */
        boolean isDone() {
            return health.isEmpty() ? isStopped() && exitCode == 0 : status.equals("running")
                    && health.equals("healthy");
        }

        /** Unhealthy, or restarted over and over (a crash at start, or a one-shot job that keeps failing). */
        boolean hasFailed() {
            return health.equals("unhealthy") || restarts >= MAX_RESTARTS;
        }

        private boolean isStopped() {
            return status.equals("exited") || status.equals("stopped");
        }
    }

    /**
     * {@code up -d}, watching the containers while it runs (it waits for each dependency to be healthy, and would
     * wait for ever on one that keeps crashing), then until every container is done; returns how long that took.
     */
    Duration upAndAwaitHealthy(Duration timeout) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout);
        Started up = start(command("up", "-d"));
        try {
            while (true) {
                List<Container> containers = containers();
                List<Container> failed = containers.stream().filter(Container::hasFailed).toList();
                if (!failed.isEmpty()) {
                    throw new IllegalStateException("Containers failed: " + failed);
                }
                if (!up.process().isAlive()) {
                    if (up.process().exitValue() != 0) {
                        throw new IllegalStateException("docker-compose up exited with " + up.process().exitValue()
                                + ":\n" + up.text());
                    }
                    if (!containers.isEmpty() && containers.stream().allMatch(Container::isDone)) {
                        return Duration.between(begin, Instant.now());
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Not healthy after " + timeout.toSeconds() + " s: "
                            + containers.stream().filter(container -> !container.isDone()).toList());
                }
                sleep(POLL);
            }
        } finally {
            up.close();
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
                    "{{.Name}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.State.ExitCode}}"
                            + "|{{.RestartCount}}", id)).strip().split("\\|", -1);
            containers.add(new Container(fields[0].replaceFirst("^/", ""), fields[1], fields[2],
                    Integer.parseInt(fields[3].strip()), Integer.parseInt(fields[4].strip())));
        }
        return containers;
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--project-name", project, "--file",
                file.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private String run(Duration timeout, String... arguments) {
        return exec(timeout, command(arguments));
    }

    /** A command running in the background, its output going to a file (a full pipe would block it). */
    private record Started(Process process, Path output) implements AutoCloseable {

        String text() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
            output.toFile().delete();
        }
    }

    private static Started start(List<String> command) {
        try {
            Path output = Files.createTempFile("compose-", ".log");
            return new Started(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        }
    }

    private static String exec(Duration timeout, List<String> command) {
        try (Started started = start(command)) {
            if (!started.process().waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
            }
            if (started.process().exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with "
                        + started.process().exitValue() + ":\n" + started.text());
            }
            return started.text();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
