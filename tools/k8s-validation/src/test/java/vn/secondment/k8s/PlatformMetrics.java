package vn.secondment.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The metrics the platform defines (src/test/resources/monitoring/platform-metrics.txt), by the names Prometheus shows
 * them under, each with the labels it carries; and the labels every scraped series carries besides.
 */
final class PlatformMetrics {

    /** The labels Prometheus gives every series of a ServiceMonitor's target. */
    static final Set<String> TARGET_LABELS =
            Set.of("job", "namespace", "pod", "instance", "service", "endpoint", "container");

    private PlatformMetrics() {
    }

    /** Every series name (e.g. secondment_outbox_published_total) with its own labels. */
    static Map<String, Set<String>> series() {
        Map<String, Set<String>> series = new TreeMap<>();
        for (String line : lines()) {
            String[] columns = line.split("\\s+");
            if (columns.length != 4) {
                throw new IllegalStateException("platform-metrics.txt: 4 columns expected in: " + line);
            }
            String base = columns[0].replace('.', '_');
            String unit = columns[2];
            Set<String> labels = columns[3].equals("-") ? Set.of() : Set.of(columns[3].split(","));
            switch (columns[1]) {
                case "counter" -> series.put(base + "_total", labels);
                case "gauge" -> series.put(unit.equals("-") ? base : base + "_" + unit, labels);
                case "timer" -> {
                    for (String suffix : List.of("_count", "_sum", "_max")) {
                        series.put(base + "_seconds" + suffix, labels);
                    }
                    Set<String> bucket = new TreeSet<>(labels);
                    bucket.add("le");
                    series.put(base + "_seconds_bucket", bucket);
                }
                case "scrape" -> series.put(base, labels);
                default -> throw new IllegalStateException("platform-metrics.txt: unknown type in: " + line);
            }
        }
        return series;
    }

    private static List<String> lines() {
        try (InputStream in = PlatformMetrics.class.getResourceAsStream("/monitoring/platform-metrics.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
