package vn.secondment.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.secondment.embedded.FreePorts;
import vn.secondment.testing.BenchmarkReport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform's JVM settings ({@code jvm.options}) cost and save. For each application, another instance of
 * it is started alone beside the end-to-end stack (same PostgreSQL, Kafka and Keycloak, with 17 ministries' rounds
 * seeded through the API), once with the platform's settings and once with the JVM's defaults (on this machine G1
 * and a quarter of the memory as the maximum heap). For each: the time from the process's start to its readiness
 * ({@code /q/health/ready} 200), its resident memory (VmRSS) once ready, the throughput of a closed-loop GET the
 * application answers every day at concurrency {@value #CONCURRENCY}, and its resident memory after that load.
 * Prints a table and writes {@code target/benchmark/memory.txt} and {@code memory.json}:
 * {@code ./mvnw -B -Pbenchmark -pl e2e-tests -am verify -DskipITs -Dtest=ApplicationMemoryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, on a quiet machine. Figures, not a verdict.
 */
@Tag("benchmark")
@ExtendWith(Platform.Shared.class)
class ApplicationMemoryBenchmark {

    static final int CONCURRENCY = 8;
    /** The bound for each application's resident memory, after start and after the load. */
    static final double RSS_LIMIT_MB = 256;
    /** "Unchanged throughput": the platform's settings within the noise of one run of the JVM's defaults. */
    static final double THROUGHPUT_RATIO_LIMIT = 0.9;
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmUpSeconds", 5));
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** An application and the request its load repeats: what its users ask most, with 17 ministries' data. */
    record Probe(String application, String path) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("personnel-service", "/api/personnel/officials?size=20"),
            new Probe("assignment-service", "/api/assignment/coverage?date=" + SeventeenMinistries.DAY),
            new Probe("report-service", "/api/report/figures?from=2026-W10&to=2026-W18"),
            new Probe("notification-service", "/api/notification/inbox?size=20"),
            new Probe("gateway", "/api/personnel/ministries"));

    /** One instance's figures: seconds to ready, RSS in MB once ready and after the load, the load's run. */
    record Measured(double readySeconds, double rssAfterStart, double rssAfterLoad, ClosedLoop.Run load) {
    }

    private static Platform platform;
    private static List<String> adminTokens;
    private static List<String> callerTokens;

    @BeforeAll
    static void seventeenMinistries() {
        platform = Platform.current();
        String admin = platform.tokens().forUser("platform.admin");
        SeventeenMinistries.seed(platform.gatewayUrl(), admin);
        adminTokens = List.of(admin);
        // through the gateway the load is spread over callers, below each one's rate limit
        callerTokens = BenchmarkCallers.tokens(platform, GatewayBenchmark.CALLERS);
    }

    @Test
    void eachApplicationWithThePlatformsJvmSettingsAndWithTheDefaults() throws Exception {
        BenchmarkReport report = new BenchmarkReport("memory.txt");
        report.line("Each application alone beside the stack: start to ready, RSS once ready and after a closed loop"
                + " of %d callers, %d s measured after %d s of warm-up", CONCURRENCY, MEASURED.toSeconds(),
                WARM_UP.toSeconds());
        report.line("%-21s %-9s %8s %10s %10s %9s %8s %8s", "application", "settings", "ready s", "RSS start",
                "RSS load", "r/s", "p50 ms", "r/s ×");
        for (Probe probe : PROBES) {
            List<String> tokens = probe.application().equals("gateway") ? callerTokens : adminTokens;
            Measured lean = measure(probe, true, tokens);
            Measured defaults = measure(probe, false, tokens);
            double ratio = lean.load().perSecond() / defaults.load().perSecond();
            line(report, probe, "platform", lean, String.format("%.2f", ratio));
            line(report, probe, "defaults", defaults, "");
            String name = probe.application();
            report.figureAtMost(name + " RSS once ready", lean.rssAfterStart(), "MB", RSS_LIMIT_MB);
            report.figureAtMost(name + " RSS after load", lean.rssAfterLoad(), "MB", RSS_LIMIT_MB);
            report.figureAtLeast(name + " throughput, platform ÷ default settings", ratio, "×",
                    THROUGHPUT_RATIO_LIMIT);
            report.figure(name + " start to ready, alone", lean.readySeconds(), "s");
        }
        report.write();
    }

    private static void line(BenchmarkReport report, Probe probe, String settings, Measured measured, String ratio) {
        report.line("%-21s %-9s %8.1f %10.0f %10.0f %9.0f %8.2f %8s", probe.application(), settings,
                measured.readySeconds(), measured.rssAfterStart(), measured.rssAfterLoad(),
                measured.load().perSecond(), measured.load().p50(), ratio);
    }

    private static Measured measure(Probe probe, boolean platformSettings, List<String> tokens) throws Exception {
        int port = FreePorts.find();
        int management = FreePorts.find();
        Path log = Files.createTempFile(probe.application() + "-", ".log");
        long begin = System.nanoTime();
        Process process = platform.anotherInstance(probe.application(), platformSettings, port, management)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady(process, "http://localhost:" + management + "/q/health/ready", log);
            double ready = (System.nanoTime() - begin) / 1e9;
            Thread.sleep(2_000); // what the start left behind settles (Kafka's first fetches, the outbox poller)
            double afterStart = residentMegabytes(process);
            ClosedLoop.Run load = ClosedLoop.run("http://localhost:" + port + probe.path(), tokens, CONCURRENCY,
                    WARM_UP, MEASURED);
            assertThat(load.failures()).as("non-200 answers from %s (log %s)", probe.application(), log).isZero();
            return new Measured(ready, afterStart, residentMegabytes(process), load);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static void awaitReady(Process process, String url, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The instance stopped before it was ready; its log: " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the management port opens with the application
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Not ready within " + READY_TIMEOUT + "; its log: " + log);
    }

    /** The process's resident set (VmRSS of /proc/<pid>/status), in MB. */
    static double residentMegabytes(Process process) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow() / 1024.0;
    }
}
