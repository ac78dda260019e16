package vn.secondment.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's benchmark does the same way: time a request (warm-up, then p50 and p99 of the round trip),
 * count the SQL statements of one, and print the lines it reports, to the console ({@code [benchmark] …}) and to
 * {@code target/benchmark/<name>}. The figures the platform's table shows ({@link #figure}) go to
 * {@code target/benchmark/<name without extension>.json} as well, which {@code ./platform bench} gathers from every
 * module. A benchmark reports figures; it does not pass or fail on them, but every timed request must answer 200.
 */
public final class BenchmarkReport {

    private final Path directory;
    private final String fileName;
    private final List<String> lines = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();

    /** A report written to {@code target/benchmark/fileName}. */
    public BenchmarkReport(String fileName) {
        this(Path.of("target", "benchmark"), fileName);
    }

    BenchmarkReport(Path directory, String fileName) {
        this.directory = directory;
        this.fileName = fileName;
    }

    /** One timed request kind: percentiles of the round trip in milliseconds, mean body size, the last answer. */
    public record Latency(double p50, double p95, double p99, long meanBytes, Response last) {
    }

    /**
     * One figure of the platform's benchmark table. {@code target} is the bound for it, if it has one
     * ({@code "≤ 100"}, {@code "≥ 0.8"}), and {@code met} whether the measured value keeps it; both null otherwise.
     */
    public record Figure(String name, double value, String unit, String target, Boolean met) {
    }

    /**
     * RestAssured as a real client: Quarkus turns on its "log request and response if validation fails" before each
     * test, which pretty-prints every response body in case it is needed. For report-service's quarter (3.8 MB of
     * JSON) that cost several times the service's own work; a real client reads the bytes. Call it before timing
     * requests outside {@link #time} (it is in effect until the next test starts).
     */
    public static void clientAsReal() {
        RestAssured.config = RestAssured.config().logConfig(LogConfig.logConfig());
    }

    /** Sends {@code warmUp} requests, then times {@code samples} more; request {@code i} is {@code request.apply(i)}. */
    public Latency time(int warmUp, int samples, IntFunction<Response> request) {
        clientAsReal();
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
            // the body as text only for a failure's message: a quarter of figures is 3.8 MB to decode each time
            Response answered = last;
            assertThat(answered.statusCode()).as(answered::asString).isEqualTo(200);
            bytes += body.length;
        }
        Arrays.sort(nanos);
        return new Latency(percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 99) / 1e6,
                bytes / samples, last);
    }

    /** The nearest-rank percentile of sorted values. */
    public static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(sorted.length * percent / 100.0);
        return sorted[Math.max(0, rank - 1)];
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
            assertThat(response.statusCode()).as(response::asString).isEqualTo(200);
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

    /** A figure for the platform's table, with no target. */
    public void figure(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit, null, null));
    }

    /** A timed request kind's p50 and p95 as two figures, {@code "<label> p50"} and {@code "<label> p95"}, in ms. */
    public void latencyFigures(String label, Latency latency) {
        figure(label + " p50", latency.p50(), "ms");
        figure(label + " p95", latency.p95(), "ms");
    }

    /** A figure the issue bounds from above: {@code value ≤ limit} meets it. */
    public void figureAtMost(String name, double value, String unit, double limit) {
        figures.add(new Figure(name, value, unit, "≤ " + number(limit), value <= limit));
    }

    /** A figure the issue bounds from below: {@code value ≥ limit} meets it. */
    public void figureAtLeast(String name, double value, String unit, double limit) {
        figures.add(new Figure(name, value, unit, "≥ " + number(limit), value >= limit));
    }

    /**
     * Writes the lines printed so far to {@code target/benchmark/<name>} and, with the figures, to
     * {@code target/benchmark/<name without extension>.json}.
     */
    public void write() {
        Path out = directory.resolve(fileName);
        String benchmark = fileName.replaceFirst("\\.[^.]*$", "");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", benchmark);
        json.put("module", Path.of("").toAbsolutePath().getFileName().toString());
        json.put("finishedAt", Instant.now().toString());
        json.put("figures", figures);
        json.put("lines", lines);
        try {
            Files.createDirectories(out.getParent());
            Files.write(out, lines, StandardCharsets.UTF_8);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolveSibling(benchmark + ".json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
