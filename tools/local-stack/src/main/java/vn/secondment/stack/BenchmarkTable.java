package vn.secondment.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./platform bench}'s last step: the figures every benchmark wrote ({@code <module>/target/benchmark/*.json},
 * from {@code BenchmarkReport}) as one table, and all of them in one file,
 * {@code target/benchmark/platform-<UTC time>.json}, so that two runs can be compared.
 */
final class BenchmarkTable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path projectRoot;
    private final Clock clock;

    BenchmarkTable(Path projectRoot, Clock clock) {
        this.projectRoot = projectRoot;
        this.clock = clock;
    }

    /** Prints the table and writes the run's file; 0 when every bounded figure meets its target, 1 otherwise. */
    int print(PrintStream out) {
        List<Path> files = reports();
        if (files.isEmpty()) {
            out.println("No benchmark figures under " + projectRoot + "/*/target/benchmark: run ./platform bench.");
            return 1;
        }
        ObjectNode run = JSON.createObjectNode();
        run.put("recordedAt", clock.instant().toString());
        run.put("processors", Runtime.getRuntime().availableProcessors());
        run.put("loadAverage", loadAverage());
        ArrayNode benchmarks = run.putArray("benchmarks");
        int bounded = 0;
        int met = 0;
        List<String[]> rows = new ArrayList<>();
        for (Path file : files) {
            JsonNode report = read(file);
            benchmarks.add(report);
            String benchmark = report.path("module").asText() + "/" + report.path("benchmark").asText();
            for (JsonNode figure : report.path("figures")) {
                boolean hasTarget = figure.hasNonNull("target");
                if (hasTarget) {
                    bounded++;
                    met += figure.path("met").asBoolean() ? 1 : 0;
                }
                rows.add(new String[] {benchmark, figure.path("name").asText(), value(figure.path("value").asDouble()),
                        figure.path("unit").asText(), hasTarget ? figure.path("target").asText() : "",
                        hasTarget ? (figure.path("met").asBoolean() ? "yes" : "NO") : ""});
            }
        }
        int benchmarkWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(9);
        int nameWidth = rows.stream().mapToInt(row -> row[1].length()).max().orElse(6);
        String format = "%-" + benchmarkWidth + "s  %-" + nameWidth + "s  %10s %-6s %-7s %s%n";
        out.printf(Locale.ROOT, format, "benchmark", "figure", "value", "unit", "target", "met");
        rows.forEach(row -> out.printf(Locale.ROOT, format, (Object[]) row));
        Path written = projectRoot.resolve("target/benchmark/platform-" + FILE_TIME.format(clock.instant()) + ".json");
        try {
            Files.createDirectories(written.getParent());
            JSON.writeValue(written.toFile(), run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf(Locale.ROOT, "%d of %d targets met; every figure in %s%n", met, bounded,
                projectRoot.relativize(written));
        return met == bounded ? 0 : 1;
    }

    /** Each module's reports: {@code <module>/target/benchmark/*.json}, modules one or two folders deep. */
    private List<Path> reports() {
        try (Stream<Path> paths = Files.find(projectRoot, 5, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().endsWith(".json")
                && path.getParent().getFileName().toString().equals("benchmark")
                && path.getParent().getParent().getFileName().toString().equals("target")
                && !path.getParent().getParent().getParent().equals(projectRoot))) {
            return paths.sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static String value(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }
}
