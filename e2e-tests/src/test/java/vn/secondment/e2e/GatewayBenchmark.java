package vn.secondment.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.secondment.testing.BenchmarkReport;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway costs (issue 22): the same authenticated {@code GET /api/personnel/ministries}, closed loop, through
 * the gateway and directly at personnel-service, at concurrency 1, 16 and 64, one after the other in one run on the
 * packaged platform (the local stack), so that the ratios compare like with like. The callers are {@value #CALLERS}
 * users of the realm made for the run, each request taking the next one's token, so that no caller reaches the
 * gateway's rate limit (which stays on, as do the token check and the request id). Prints requests per second, p50
 * and p99 per path and the ratios; writes them to {@code target/benchmark/gateway.txt}. Figures, not a verdict:
 * {@code ./mvnw -B -Pbenchmark -pl e2e-tests -am verify -DskipITs -Dtest=GatewayBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, on a quiet machine.
 */
@Tag("benchmark")
@ExtendWith(Platform.Shared.class)
class GatewayBenchmark {

    static final int CALLERS = 64;
    private static final String PATH = "/api/personnel/ministries";
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmUpSeconds", 5));
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));
    private static Platform platform;
    private static List<String> tokens;

    @BeforeAll
    static void callers() {
        platform = Platform.current();
        tokens = BenchmarkCallers.tokens(platform, CALLERS);
    }

    @Test
    void theGatewaysCostOnOneAuthenticatedGet() {
        BenchmarkReport report = new BenchmarkReport("gateway.txt");
        String gateway = platform.gatewayUrl() + PATH;
        String direct = platform.serviceUrl("personnel-service") + PATH;
        report.line("GET %s, closed loop, %d s per run after %d s of warm-up, %d callers' tokens in turn", PATH,
                MEASURED.toSeconds(), WARM_UP.toSeconds(), CALLERS);
        // both paths in turn at concurrency 16 until the JIT compilers have settled: with a fixed 10 s each,
        // concurrency 1, the first run, measured 3 to 4 ms added by the gateway while they were still compiling
        ClosedLoop.warmUntilSteady(List.of(gateway, direct), tokens, 16, text -> report.line("%s", text))
                .ifPresent(rounds -> report.figure("JIT warm-up rounds until steady", rounds, "rounds"));
        report.line("%-11s %6s %12s %9s %9s %12s %9s %9s %8s %10s", "concurrency", "", "gateway r/s", "p50 ms",
                "p99 ms", "direct r/s", "p50 ms", "p99 ms", "ratio", "p50 +ms");
        for (int concurrency : new int[] {1, 16, 64}) {
            ClosedLoop.Run through = ClosedLoop.run(gateway, tokens, concurrency, WARM_UP, MEASURED);
            ClosedLoop.Run straight = ClosedLoop.run(direct, tokens, concurrency, WARM_UP, MEASURED);
            double ratio = through.perSecond() / straight.perSecond();
            double added = through.p50() - straight.p50();
            report.line("%-11d %6s %12.0f %9.2f %9.2f %12.0f %9.2f %9.2f %8.2f %10.2f", concurrency, "",
                    through.perSecond(), through.p50(), through.p99(), straight.perSecond(), straight.p50(),
                    straight.p99(), ratio, added);
            if (concurrency == 1) {
                report.figureAtMost("p50 added by the gateway at concurrency 1", added, "ms", 1);
            } else {
                report.figureAtLeast("throughput at concurrency " + concurrency + ", gateway ÷ direct", ratio, "×",
                        0.8);
            }
            report.figure("gateway r/s at concurrency " + concurrency, through.perSecond(), "r/s");
            assertThat(through.failures()).as("non-200 answers through the gateway (a 429 would skew it)").isZero();
            assertThat(straight.failures()).as("non-200 answers from personnel-service").isZero();
        }
        report.write();
    }
}
