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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform's JVM settings ({@code jvm.options}) cost and save. For each application, another instance of
 * it is started alone beside the end-to-end stack (same PostgreSQL, Kafka and Keycloak, with 17 ministries' rounds
 * seeded through the API), once with the platform's settings and once with the JVM's defaults (on this machine G1
 * and a quarter of the memory as the maximum heap). For each: the time from the process's start to its readiness
 * ({@code /q/health/ready} 200), its resident memory (VmRSS) once ready, the throughput of a closed-loop GET the
 * application answers every day at concurrency {@value #CONCURRENCY} once its JIT warm-up is steady
 * ({@link ClosedLoop#warmUntilSteady}), and its resident memory after that load.
 * Prints a table and writes {@code target/benchmark/memory.txt} and {@code memory.json}:
 * {@code ./mvnw -B -Pbenchmark -pl e2e-tests -am verify -DskipITs -Dtest=ApplicationMemoryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, on a quiet machine. Figures, not a verdict.
 * <p>
 * To try settings before they go into {@code jvm.options} (the stack starts once for all of them):
 * {@code -Dbenchmark.applications=report-service,gateway} measures only those, {@code -Dbenchmark.defaults=false}
 * skips the JVM's defaults, {@code -Dbenchmark.trials="-Xmn48m|-Xmn48m -XX:TieredStopAtLevel=1"} also runs each
 * application once per trial with those options after the platform's (one more line each), and
 * {@code -Dbenchmark.nativeMemory=true} writes each instance's native memory (NMT summary), heap and thread count
 * after the load to {@code target/benchmark/memory-<application>-<settings>.txt} and prints their main figures.
 */
@Tag("benchmark")
@ExtendWith(Platform.Shared.class)
class ApplicationMemoryBenchmark {

    static final int CONCURRENCY = 8;
    /** The bound for each application's resident memory, after start and after the load. */
    static final double RSS_LIMIT_MB = 256;
    /** "Unchanged throughput": the platform's settings within the noise of one run of the JVM's defaults. */
    static final double THROUGHPUT_RATIO_LIMIT = 0.9;
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> APPLICATIONS = Arrays.stream(System.getProperty("benchmark.applications", "")
            .split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    private static final boolean DEFAULTS = Boolean.parseBoolean(System.getProperty("benchmark.defaults", "true"));
    private static final List<String> TRIALS = Arrays.stream(System.getProperty("benchmark.trials", "").split("\\|"))
            .map(String::trim).filter(trial -> !trial.isEmpty()).toList();
    private static final boolean NATIVE_MEMORY = Boolean.getBoolean("benchmark.nativeMemory");
    /** The NMT categories the summary line shows (committed KB), in the order of {@code VM.native_memory}. */
    private static final List<String> NMT_CATEGORIES = List.of("Java Heap", "Class", "Thread", "Code", "GC",
            "Compiler", "Internal", "Other", "Symbol", "Arena Chunk", "Metaspace");

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

    /**
     * How an instance is started: with the platform's JVM settings or the JVM's defaults, and options added after
     * them (a trial's; NMT's when asked).
     */
    record Settings(String label, boolean platform, List<String> addedOptions) {
    }

    private static Platform platform;

    @BeforeAll
    static void seventeenMinistries() {
        platform = Platform.current();
        String admin = platform.tokens().forUser("platform.admin");
        SeventeenMinistries.seed(platform.gatewayUrl(), admin);
    }

    /**
     * Tokens taken for each instance's load: a whole run lasts longer than a token (15 minutes), and an expired one
     * would be answered 401.
     */
    private static List<String> tokensFor(Probe probe) {
        // through the gateway the load is spread over callers, below each one's rate limit
        return probe.application().equals("gateway") ? BenchmarkCallers.tokens(platform, GatewayBenchmark.CALLERS)
                : List.of(platform.tokens().forUser("platform.admin"));
    }

    @Test
    void eachApplicationWithThePlatformsJvmSettingsAndWithTheDefaults() throws Exception {
        BenchmarkReport report = new BenchmarkReport("memory.txt");
        report.line("Each application alone beside the stack: start to ready, RSS once ready and after a closed loop"
                + " of %d callers, %d s measured once its JIT warm-up is steady", CONCURRENCY, MEASURED.toSeconds());
        report.line("%-21s %-9s %8s %10s %10s %9s %8s %8s", "application", "settings", "ready s", "RSS start",
                "RSS load", "r/s", "p50 ms", "r/s ×");
        for (Probe probe : PROBES) {
            if (!APPLICATIONS.isEmpty() && !APPLICATIONS.contains(probe.application())) {
                continue;
            }
            Measured lean = measure(probe, new Settings("platform", true, List.of()), report);
            Measured defaults = DEFAULTS ? measure(probe, new Settings("defaults", false, List.of()), report) : null;
            String name = probe.application();
            if (defaults != null) {
                double ratio = lean.load().perSecond() / defaults.load().perSecond();
                line(report, probe, "platform", lean, String.format("%.2f", ratio));
                line(report, probe, "defaults", defaults, "");
                report.figureAtLeast(name + " throughput, platform ÷ default settings", ratio, "×",
                        THROUGHPUT_RATIO_LIMIT);
            } else {
                line(report, probe, "platform", lean, "");
            }
            report.figureAtMost(name + " RSS once ready", lean.rssAfterStart(), "MB", RSS_LIMIT_MB);
            report.figureAtMost(name + " RSS after load", lean.rssAfterLoad(), "MB", RSS_LIMIT_MB);
            report.figure(name + " start to ready, alone", lean.readySeconds(), "s");
            for (int t = 0; t < TRIALS.size(); t++) {
                String label = "trial " + (t + 1);
                Measured trial = measure(probe, new Settings(label, true, List.of(TRIALS.get(t).split("\\s+"))),
                        report);
                line(report, probe, label, trial, defaults == null ? ""
                        : String.format("%.2f", trial.load().perSecond() / defaults.load().perSecond()));
            }
        }
        for (int t = 0; t < TRIALS.size(); t++) {
            report.line("trial %d: platform's settings and %s", t + 1, TRIALS.get(t));
        }
        report.write();
    }

    private static void line(BenchmarkReport report, Probe probe, String settings, Measured measured, String ratio) {
        report.line("%-21s %-9s %8.1f %10.0f %10.0f %9.0f %8.2f %8s", probe.application(), settings,
                measured.readySeconds(), measured.rssAfterStart(), measured.rssAfterLoad(),
                measured.load().perSecond(), measured.load().p50(), ratio);
    }

    private static Measured measure(Probe probe, Settings settings, BenchmarkReport report) throws Exception {
        int port = FreePorts.find();
        int management = FreePorts.find();
        Path log = Files.createTempFile(probe.application() + "-", ".log");
        List<String> added = new ArrayList<>(settings.addedOptions());
        if (NATIVE_MEMORY) {
            added.add("-XX:NativeMemoryTracking=summary");
        }
        long begin = System.nanoTime();
        Process process = platform.anotherInstance(probe.application(), settings.platform(), added, port, management)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady(process, "http://localhost:" + management + "/q/health/ready", log);
            double ready = (System.nanoTime() - begin) / 1e9;
            Thread.sleep(2_000); // what the start left behind settles (Kafka's first fetches, the outbox poller)
            double afterStart = residentMegabytes(process);
            List<String> tokens = tokensFor(probe);
            String url = "http://localhost:" + port + probe.path();
            // the JVMs' settings compared at their steady state, not their JIT compilers' pace in the first seconds
            ClosedLoop.warmUntilSteady(List.of(url), tokens, CONCURRENCY,
                    text -> report.line("%s, %s settings: %s", probe.application(), settings.label(), text));
            ClosedLoop.Run load = ClosedLoop.run(url, tokens, CONCURRENCY, Duration.ZERO, MEASURED);
            assertThat(load.failures()).as("non-200 answers from %s (log %s)", probe.application(), log).isZero();
            double afterLoad = residentMegabytes(process);
            if (NATIVE_MEMORY) {
                nativeMemory(process, probe.application(), settings.label(), report);
            }
            return new Measured(ready, afterStart, afterLoad, load);
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

    /**
     * The instance's native memory by NMT category, its heap and its threads after the load: whole into
     * {@code target/benchmark/memory-<application>-<settings>.txt}, the committed MB of the main categories as a line
     * of the report.
     */
    private static void nativeMemory(Process process, String application, String settings, BenchmarkReport report)
            throws Exception {
        String nmt = jcmd(process, "VM.native_memory", "summary");
        String heap = jcmd(process, "GC.heap_info");
        long threads = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("Threads:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
        Path file = Path.of("target", "benchmark", "memory-" + application + "-" + settings.replace(' ', '-') + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "threads " + threads + "\n\n" + heap + "\n" + nmt);
        StringBuilder line = new StringBuilder(String.format("  %s %s NMT committed MB:", application, settings));
        Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(nmt);
        if (total.find()) {
            line.append(String.format(" total %.0f", Long.parseLong(total.group(1)) / 1024.0));
        }
        for (String category : NMT_CATEGORIES) {
            Matcher committed = Pattern.compile("-\\s+" + Pattern.quote(category)
                    + " \\(reserved=\\d+KB, committed=(\\d+)KB").matcher(nmt);
            if (committed.find()) {
                line.append(String.format(", %s %.1f", category, Long.parseLong(committed.group(1)) / 1024.0));
            }
        }
        report.line("%s; %d threads", line, threads);
    }

    private static String jcmd(Process process, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(process.pid())));
        arguments.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    /** The process's resident set (VmRSS of /proc/<pid>/status), in MB. */
    static double residentMegabytes(Process process) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow() / 1024.0;
    }
}
