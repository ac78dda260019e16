package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkTableTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void oneTableOfEveryModulesFiguresAndOneFileOfTheRun(@TempDir Path root) throws IOException {
        write(root.resolve("report-service/target/benchmark/figures.json"), """
                {"benchmark": "figures", "module": "report-service", "figures": [
                  {"name": "all 17 ministries, 13 weeks p95", "value": 84.5, "unit": "ms", "target": "≤ 100", "met": true},
                  {"name": "rows", "value": 7514, "unit": "rows", "target": null, "met": null}], "lines": []}""");
        write(root.resolve("libs/events/target/benchmark/batch.json"), """
                {"benchmark": "batch", "module": "events", "figures": [
                  {"name": "ratio", "value": 0.7, "unit": "×", "target": "≥ 0.8", "met": false}], "lines": []}""");
        write(root.resolve("target/benchmark/platform-20261206-090000.json"), "{\"an earlier run\": true}");

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int exitCode = new BenchmarkTable(root, CLOCK).print(new PrintStream(text, true, StandardCharsets.UTF_8));

        String table = text.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as("a figure misses its target").isEqualTo(1);
        assertThat(table).contains("events/batch", "report-service/figures", "all 17 ministries, 13 weeks p95",
                        "84.50", "7,514", "≤ 100", "yes", "NO")
                .contains("1 of 2 targets met").doesNotContain("an earlier run");
        Path run = root.resolve("target/benchmark/platform-20261207-100000.json");
        assertThat(Files.readString(run)).contains("\"recordedAt\" : \"2026-12-07T10:00:00Z\"",
                "all 17 ministries, 13 weeks p95", "\"benchmark\" : \"batch\"");
    }

    @Test
    void noFiguresSaysHowToGetThem(@TempDir Path root) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        assertThat(new BenchmarkTable(root, CLOCK).print(new PrintStream(text, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("run ./platform bench");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
