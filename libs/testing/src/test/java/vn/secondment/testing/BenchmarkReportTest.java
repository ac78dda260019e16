package vn.secondment.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTest {

    @Test
    void theFiguresGoToTheJsonFileWithWhetherTheyMeetTheirTarget(@TempDir Path directory) throws IOException {
        BenchmarkReport report = new BenchmarkReport(directory, "figures.txt");
        report.line("%-10s %6.1f", "p95 ms", 87.25);
        report.figureAtMost("quarter p95", 87.25, "ms", 100);
        report.figureAtLeast("ratio", 0.75, "×", 0.8);
        report.figure("rows", 7514, "rows");
        report.write();

        assertThat(directory.resolve("figures.txt")).hasContent("p95 ms       87.3");
        JsonNode json = new ObjectMapper().readTree(directory.resolve("figures.json").toFile());
        assertThat(json.path("benchmark").asText()).isEqualTo("figures");
        assertThat(json.path("lines").get(0).asText()).isEqualTo("p95 ms       87.3");
        JsonNode figures = json.path("figures");
        assertThat(figures).hasSize(3);
        assertThat(figures.get(0).path("target").asText()).isEqualTo("≤ 100");
        assertThat(figures.get(0).path("met").asBoolean()).isTrue();
        assertThat(figures.get(1).path("target").asText()).isEqualTo("≥ 0.8");
        assertThat(figures.get(1).path("met").asBoolean()).isFalse();
        assertThat(figures.get(2).path("target").isNull()).isTrue();
        assertThat(figures.get(2).path("value").asDouble()).isEqualTo(7514);
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertThat(BenchmarkReport.percentile(sorted, 50)).isEqualTo(50);
        assertThat(BenchmarkReport.percentile(sorted, 95)).isEqualTo(95);
        assertThat(BenchmarkReport.percentile(sorted, 99)).isEqualTo(99);
        assertThat(BenchmarkReport.percentile(new long[] {7}, 99)).isEqualTo(7);
    }
}
