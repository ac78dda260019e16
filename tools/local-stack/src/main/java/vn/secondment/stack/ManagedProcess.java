package vn.secondment.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A child process of the stack (Keycloak or an application) whose stdout and stderr go to one log file. */
final class ManagedProcess {

    private static final Path SETSID = findSetsid();

    private final String name;
    private final Process process;
    private final List<String> command;
    private final Path logFile;

    private ManagedProcess(String name, Process process, List<String> command, Path logFile) {
        this.name = name;
        this.process = process;
        this.command = command;
        this.logFile = logFile;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                Path workingDirectory, Path logFile) {
        List<String> fullCommand = new ArrayList<>();
        // own session: a Ctrl-C in the launcher's terminal then reaches only the launcher, which stops the children
        // in order, instead of every process at once
        if (SETSID != null) {
            fullCommand.add(SETSID.toString());
        }
        fullCommand.addAll(command);
        try {
            Files.createDirectories(logFile.getParent());
            FileTree.rotate(logFile);
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), List.copyOf(command), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    private static Path findSetsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** The command as the stack built it (without the setsid prefix). */
    String commandLine() {
        return String.join(" ", command);
    }

    Path logFile() {
        return logFile;
    }

    /** SIGTERM, then a forced kill of the process and its descendants after {@code grace}. */
    boolean stop(Duration grace) {
        return ProcessTrees.stop(process.toHandle(), grace);
    }
}
