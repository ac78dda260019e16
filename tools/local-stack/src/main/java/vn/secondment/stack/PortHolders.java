package vn.secondment.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which process listens on a TCP port, read from Linux's {@code /proc} (the listening socket's inode in
 * {@code /proc/net/tcp} and {@code tcp6}, then the process holding a descriptor to it). Empty where that cannot be
 * told: another system, or a process of another user that this one may not look into.
 */
final class PortHolders {

    private static final String LISTEN = "0A";
    private static final Path PROC = Path.of("/proc");

    private PortHolders() {
    }

    static Optional<ProcessHandle> listenerOf(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                if (holdsAny(process, inodes)) {
                    return ProcessHandle.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not readable: unknown
        }
        return Optional.empty();
    }

    /** "pid 1234 (java -jar ...)" or "an unknown process", for messages. */
    static String describe(int port) {
        return listenerOf(port)
                .map(process -> "pid " + process.pid() + " (" + abbreviate(ProcessTrees.commandLine(process)) + ")")
                .orElse("a process whose pid could not be found");
    }

    private static String abbreviate(String commandLine) {
        return commandLine.length() <= 120 ? commandLine : commandLine.substring(0, 117) + "...";
    }

    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(table))) {
                    String[] fields = line.trim().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals(LISTEN)) {
                        inodes.add(fields[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table here
            }
        }
        inodes.remove("0");
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> inodes) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")
                            && inodes.contains(target.substring(8, target.length() - 1))) {
                        return true;
                    }
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to look into
        }
        return false;
    }
}
