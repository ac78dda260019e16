package vn.secondment.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Small file helpers: log tails, rotation, recursive delete. */
final class FileTree {

    private static final int TAIL_BYTES = 64 * 1024;

    private FileTree() {
    }

    /** The last {@code count} lines of a (log) file; empty if it does not exist. Bad UTF-8 is replaced, not fatal. */
    static List<String> lastLines(Path file, int count) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long start = Math.max(0, channel.size() - TAIL_BYTES);
            channel.position(start);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the tail is in
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\r?\n"));
            if (start > 0 && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size()); // the first line is probably cut
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** Keeps the previous run's log as {@code <name>.log.previous} so a fresh start does not hide why the last one failed. */
    static void rotate(Path logFile) {
        try {
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".previous"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not rotate " + logFile, e);
        }
    }

    static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover partial folder is harmless and has a unique name
        }
    }
}
