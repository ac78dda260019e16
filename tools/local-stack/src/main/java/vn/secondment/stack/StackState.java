package vn.secondment.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running stack writes to {@code <state>/stack.state}, so that {@code down} and {@code status} work from
 * another terminal, and so that {@code down} can still stop the children when the launcher itself was killed.
 *
 * @param launcherPid         the process that runs the stack (the launcher JVM or a test JVM)
 * @param launcherCommandLine its command line, to tell it apart from an unrelated process that reused the pid
 */
record StackState(long launcherPid, String launcherCommandLine, Instant startedAt, boolean infrastructureOnly,
                  List<Component> components) {

    /**
     * One component.
     *
     * @param pid         its process; for Kafka (inside the launcher) the launcher's pid
     * @param commandLine how it was started, for people reading the file
     * @param signature   a path that the live process's command line must contain before {@code down} may signal it
     * @param url         where clients reach it
     * @param healthUrl   {@code http(s)://...} answering 200 when ready, or {@code tcp://host:port} accepting connections
     * @param restarts    how often the launcher has restarted it after it died; {@code pid} is the latest process
     */
    record Component(String name, long pid, String commandLine, String signature, String url, String healthUrl,
                     int restarts) {

        Component(String name, long pid, String commandLine, String signature, String url, String healthUrl) {
            this(name, pid, commandLine, signature, url, healthUrl, 0);
        }

        Optional<ProcessHandle> runningProcess() {
            return ProcessTrees.findRunning(pid, signature);
        }
    }

    StackState {
        components = List.copyOf(components);
    }

    /** Adds a component, or replaces the entry of the same name in its place (a restart keeps the stop order). */
    StackState withComponent(Component component) {
        List<Component> more = new ArrayList<>(components);
        int index = -1;
        for (int i = 0; i < more.size() && index < 0; i++) {
            index = more.get(i).name().equals(component.name()) ? i : -1;
        }
        if (index >= 0) {
            more.set(index, component);
        } else {
            more.add(component);
        }
        return new StackState(launcherPid, launcherCommandLine, startedAt, infrastructureOnly, more);
    }

    Optional<Component> component(String name) {
        return components.stream().filter(component -> component.name().equals(name)).findFirst();
    }

    Optional<ProcessHandle> runningLauncher() {
        return ProcessTrees.findRunning(launcherPid, launcherCommandLine);
    }

    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("launcher.pid", Long.toString(launcherPid));
        properties.setProperty("launcher.commandLine", launcherCommandLine);
        properties.setProperty("startedAt", startedAt.toString());
        properties.setProperty("infrastructureOnly", Boolean.toString(infrastructureOnly));
        properties.setProperty("component.count", Integer.toString(components.size()));
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            String prefix = "component." + i + ".";
            properties.setProperty(prefix + "name", component.name());
            properties.setProperty(prefix + "pid", Long.toString(component.pid()));
            properties.setProperty(prefix + "commandLine", component.commandLine());
            properties.setProperty(prefix + "signature", component.signature());
            properties.setProperty(prefix + "url", component.url());
            properties.setProperty(prefix + "healthUrl", component.healthUrl());
            properties.setProperty(prefix + "restarts", Integer.toString(component.restarts()));
        }
        try {
            Files.createDirectories(file.getParent());
            // write then rename: a reader in another terminal never sees half a file
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, sortedText(properties), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Properties text with the keys in order, so that people can read the file too. */
    private static String sortedText(Properties properties) throws IOException {
        StringWriter text = new StringWriter();
        properties.store(text, null);
        // store() writes one line per key (it escapes line breaks) after a date comment
        List<String> lines = new ArrayList<>(text.toString().lines().filter(line -> !line.startsWith("#")).toList());
        lines.sort(null);
        return "# Local stack state, written by the launcher; read by ./platform down and ./platform status\n"
                + String.join("\n", lines) + "\n";
    }

    static Optional<StackState> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        try {
            List<Component> components = new ArrayList<>();
            int count = Integer.parseInt(properties.getProperty("component.count", "0"));
            for (int i = 0; i < count; i++) {
                String prefix = "component." + i + ".";
                components.add(new Component(
                        required(properties, prefix + "name"),
                        Long.parseLong(required(properties, prefix + "pid")),
                        properties.getProperty(prefix + "commandLine", ""),
                        required(properties, prefix + "signature"),
                        properties.getProperty(prefix + "url", ""),
                        properties.getProperty(prefix + "healthUrl", ""),
                        Integer.parseInt(properties.getProperty(prefix + "restarts", "0"))));
            }
            return Optional.of(new StackState(
                    Long.parseLong(required(properties, "launcher.pid")),
                    required(properties, "launcher.commandLine"),
                    Instant.parse(required(properties, "startedAt")),
                    Boolean.parseBoolean(properties.getProperty("infrastructureOnly", "false")),
                    components));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The state file " + file + " is damaged (" + e.getMessage()
                    + "); stop leftover processes by hand and delete it", e);
        }
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }
}
