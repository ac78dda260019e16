package vn.secondment.testing;

import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's benchmark does the same way: time a request (warm-up, then p50 and p99 of the round trip),
 * count the SQL statements of one, and print the lines it reports, to the console ({@code [benchmark] …}) and to
 * {@code target/benchmark/<name>}. A benchmark reports figures; it does not pass or fail on them, but every timed
 * request must answer 200.
 */
public final class BenchmarkReport {

    private final String fileName;
    private final List<String> lines = new ArrayList<>();

    /** A report written to {@code target/benchmark/fileName}. */
    public BenchmarkReport(String fileName) {
        this.fileName = fileName;
    }

    /** One timed request kind: median and 99th percentile in milliseconds, mean body size, the last answer. */
    public record Latency(double p50, double p99, long meanBytes, Response last) {
    }

    /** Sends {@code warmUp} requests, then times {@code samples} more; request {@code i} is {@code request.apply(i)}. */
    public Latency time(int warmUp, int samples, IntFunction<Response> request) {
        for (int i = 0; i < warmUp; i++) {
            request.apply(i);
        }
        long[] nanos = new long[samples];
        long bytes = 0;
        Response last = null;
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            last = request.apply(i);
            byte[] body = last.asByteArray();
            nanos[i] = System.nanoTime() - start;
            assertThat(last.statusCode()).as(last.asString()).isEqualTo(200);
            bytes += body.length;
        }
        Arrays.sort(nanos);
        return new Latency(nanos[samples / 2] / 1e6, nanos[(int) Math.ceil(samples * 0.99) - 1] / 1e6,
                bytes / samples, last);
    }

    /**
     * The fewest statements of 20 requests ({@code count} after {@code reset}, e.g. Hibernate's statistics): the
     * fewest, because background work such as the outbox relay's polling shares the counters.
     */
    public long fewestStatements(Runnable reset, LongSupplier count, IntFunction<Response> request) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            reset.run();
            Response response = request.apply(i);
            long statements = count.getAsLong();
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            fewest = Math.min(fewest, statements);
        }
        return fewest;
    }

    /** Prints one line of the report (format as {@link String#format}, root locale). */
    public void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        lines.add(text);
        System.out.println("[benchmark] " + text);
    }

    /** Writes the lines printed so far to {@code target/benchmark/<name>}. */
    public void write() {
        Path out = Path.of("target", "benchmark", fileName);
        try {
            Files.createDirectories(out.getParent());
            Files.write(out, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
