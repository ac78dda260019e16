package vn.secondment.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.secondment.testing.BenchmarkReport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
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
    /**
     * Both paths at concurrency 16 before anything is measured: the first run, at concurrency 1, would otherwise
     * measure the gateway and personnel-service while their JIT compilers are still at work (through the gateway
     * first, then directly at an already warm service), a cost of several milliseconds per request that is not the
     * gateway's.
     */
    private static final Duration JIT_WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.jitWarmUpSeconds", 10));

    private static Platform platform;
    private static List<String> tokens;

    @BeforeAll
    static void callers() {
        platform = Platform.current();
        tokens = new ArrayList<>();
        for (int i = 1; i <= CALLERS; i++) {
            String username = "bench.caller" + i;
            // a token of its own for each user: the master realm's last a minute, less than 64 users on a busy machine
            int status = given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                    .body("""
                            {"username": "%s", "enabled": true, "email": "%s@bench.example.vn", "emailVerified": true,
                             "firstName": "Bench", "lastName": "Caller %d",
                             "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
                            .formatted(username, username, i, KeycloakTokens.DEV_PASSWORD))
                .when().post(platform.keycloakUrl() + "/admin/realms/secondment/users")
                .then().extract().statusCode();
            assertThat(status).as("creating " + username).isIn(201, 409);
            tokens.add(platform.tokens().forUser(username));
        }
    }

    private static String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
            .when().post(platform.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
            .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void theGatewaysCostOnOneAuthenticatedGet() {
        BenchmarkReport report = new BenchmarkReport("gateway.txt");
        String gateway = platform.gatewayUrl() + PATH;
        String direct = platform.serviceUrl("personnel-service") + PATH;
        report.line("GET %s, closed loop, %d s per run after %d s of warm-up, %d callers' tokens in turn; both paths "
                        + "warmed %d s each at concurrency 16 first", PATH, MEASURED.toSeconds(), WARM_UP.toSeconds(),
                CALLERS, JIT_WARM_UP.toSeconds());
        run(gateway, 16, JIT_WARM_UP, Duration.ZERO);
        run(direct, 16, JIT_WARM_UP, Duration.ZERO);
        report.line("%-11s %6s %12s %9s %9s %12s %9s %9s %8s %10s", "concurrency", "", "gateway r/s", "p50 ms",
                "p99 ms", "direct r/s", "p50 ms", "p99 ms", "ratio", "p50 +ms");
        for (int concurrency : new int[] {1, 16, 64}) {
            Run through = run(gateway, concurrency, WARM_UP, MEASURED);
            Run straight = run(direct, concurrency, WARM_UP, MEASURED);
            report.line("%-11d %6s %12.0f %9.2f %9.2f %12.0f %9.2f %9.2f %8.2f %10.2f", concurrency, "",
                    through.perSecond(), through.p50(), through.p99(), straight.perSecond(), straight.p50(),
                    straight.p99(), through.perSecond() / straight.perSecond(), through.p50() - straight.p50());
            assertThat(through.failures()).as("non-200 answers through the gateway (a 429 would skew it)").isZero();
            assertThat(straight.failures()).as("non-200 answers from personnel-service").isZero();
        }
        report.write();
    }

    /** Requests per second, p50 and p99 in milliseconds, and the answers that were not 200. */
    record Run(double perSecond, double p50, double p99, long failures) {
    }

    /** {@code concurrency} callers in a closed loop: a warm-up, then the measured time (none: a warm-up only). */
    private static Run run(String url, int concurrency, Duration warmUp, Duration measured) {
        long warmUpEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmUpEnd + measured.toNanos();
        AtomicLong failures = new AtomicLong();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int caller = t;
            Thread thread = new Thread(() -> {
                // one connection per caller, kept alive, as a ministry's system would hold
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] mine = new long[1 << 16];
                int n = 0;
                int request = caller;
                try {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        HttpRequest get = HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + tokens.get(request++ % CALLERS)).GET().build();
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - start;
                        if (start < warmUpEnd) {
                            continue;
                        }
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    latencies[caller] = mine;
                    counts[caller] = n;
                    done.countDown();
                }
            }, "bench-caller-" + t);
            thread.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        if (measured.isZero()) {
            return null;
        }
        assertThat(total).as("requests measured at " + url).isPositive();
        return new Run(total / (measured.toNanos() / 1e9), all[total / 2] / 1e6,
                all[(int) Math.ceil(total * 0.99) - 1] / 1e6, failures.get());
    }
}
