package vn.secondment.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The file of received spans, one JSON object a line, bounded: when the next batch would take it past its cap, the
 * file becomes {@code <name>.1} (replacing the one before) and a new file begins, so at most twice the cap is kept.
 * Reading takes both, older part first, so a lookup still works after the stack stopped.
 */
public final class SpanLog {

    /** The cap of each part: some 50,000 spans, a few thousand requests of the platform. */
    static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final long maxBytes;

    SpanLog(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** Appends one batch, as received, rotating first when it would not fit under the cap. */
    synchronized void append(List<StoredSpan> spans) {
        if (spans.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        try {
            for (StoredSpan span : spans) {
                lines.append(MAPPER.writeValueAsString(span.toJson(MAPPER))).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) + bytes.length > maxBytes) {
                Files.move(file, previousPart(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the received spans to " + file, e);
        }
    }

    /** Every stored span of one trace, earliest first; empty when the trace is unknown. */
    public static List<StoredSpan> trace(Path file, String traceId) {
        String id = traceId.toLowerCase(Locale.ROOT);
        List<StoredSpan> spans = read(file, line -> line.contains(id), span -> span.traceId().equals(id));
        spans.sort(Comparator.comparing(StoredSpan::start));
        return spans;
    }

    /** The traces (their ids, oldest first) whose spans carry this request id ({@code X-Request-Id}). */
    public static Set<String> traceIdsOfRequest(Path file, String requestId) {
        Set<String> traceIds = new LinkedHashSet<>();
        read(file, line -> line.contains(requestId), span -> span.requestId().filter(requestId::equals).isPresent())
                .forEach(span -> traceIds.add(span.traceId()));
        return traceIds;
    }

    /** Every stored span, in the order received. */
    public static List<StoredSpan> all(Path file) {
        return read(file, line -> true, span -> true);
    }

    /**
     * The spans of both parts that pass {@code wanted}; {@code lineFilter} is a cheap test on the raw line first,
     * so that a lookup does not parse tens of thousands of spans. A line cut short (a crash while writing) is skipped.
     */
    private static List<StoredSpan> read(Path file, Predicate<String> lineFilter, Predicate<StoredSpan> wanted) {
        List<StoredSpan> spans = new ArrayList<>();
        for (Path part : List.of(previousPart(file), file)) {
            try (BufferedReader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || !lineFilter.test(line)) {
                        continue;
                    }
                    StoredSpan span;
                    try {
                        span = StoredSpan.fromJson(MAPPER.readTree(line), MAPPER);
                    } catch (IOException | RuntimeException e) {
                        continue;
                    }
                    if (wanted.test(span)) {
                        spans.add(span);
                    }
                }
            } catch (NoSuchFileException e) {
                // no spans yet, or never rotated
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + part, e);
            }
        }
        return spans;
    }

    static Path previousPart(Path file) {
        return file.resolveSibling(file.getFileName() + ".1");
    }
}
