package vn.secondment.e2e;

import vn.secondment.testing.BenchmarkReport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A closed-loop load for the end-to-end benchmarks: {@code concurrency} callers, each on its own kept-alive HTTP/1.1
 * connection (as a ministry's system holds one), sending the same authenticated GET back to back, the tokens taken
 * in turn; a warm-up, then the measured time.
 */
final class ClosedLoop {

    /** Requests per second, p50 and p99 in milliseconds, and the answers that were not 200 (or failed). */
    record Run(double perSecond, double p50, double p99, long failures) {
    }

    /** A JIT warm-up round per URL ({@code -Dbenchmark.jitWarmUpSeconds=}). */
    static final Duration WARM_UP_ROUND = Duration.ofSeconds(Long.getLong("benchmark.jitWarmUpSeconds", 10));
    /** Settled: every URL's throughput within this fraction of its previous round's. */
    static final double STEADY = 0.05;
    /** At most this many rounds ({@code -Dbenchmark.jitWarmUpRounds=}). */
    static final int MAX_WARM_UP_ROUNDS = Integer.getInteger("benchmark.jitWarmUpRounds", 12);

    private ClosedLoop() {
    }

    /**
     * Rounds of the load on each URL in turn until the JIT compilers behind them have settled: until no URL's
     * throughput moved by more than {@link #STEADY} from its previous round, at most {@link #MAX_WARM_UP_ROUNDS}. On 2
     * shared cores one C2 compiler thread per application was still compiling the request path a minute into a load
     * (JFR, 8 December 2026), so a fixed few seconds of warm-up measured the compilers as much as the application.
     *
     * @return the rounds it took, or empty if the throughput had not settled
     */
    static OptionalInt warmUntilSteady(List<String> urls, List<String> tokens, int concurrency, Consumer<String> log) {
        Duration round = WARM_UP_ROUND;
        double[] last = new double[urls.size()];
        for (int r = 1; r <= MAX_WARM_UP_ROUNDS; r++) {
            boolean settled = r > 1;
            StringBuilder rates = new StringBuilder();
            for (int u = 0; u < urls.size(); u++) {
                double perSecond = run(urls.get(u), tokens, concurrency, Duration.ZERO, round).perSecond();
                settled &= Math.abs(perSecond / last[u] - 1) <= STEADY;
                last[u] = perSecond;
                rates.append(String.format(" %.0f r/s", perSecond));
            }
            log.accept(String.format("JIT warm-up round %d (%d s at concurrency %d):%s%s", r, round.toSeconds(),
                    concurrency, rates, settled ? ", steady" : ""));
            if (settled) {
                return OptionalInt.of(r);
            }
        }
        log.accept("JIT warm-up: not steady after " + MAX_WARM_UP_ROUNDS + " rounds; what follows may include JIT compilation");
        return OptionalInt.empty();
    }

    /** The load for {@code warmUp}, then for {@code measured} timed (zero: a warm-up only, an empty run). */
    static Run run(String url, List<String> tokens, int concurrency, Duration warmUp, Duration measured) {
        long warmUpEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmUpEnd + measured.toNanos();
        AtomicLong failures = new AtomicLong();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int caller = t;
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] mine = new long[1 << 16];
                int n = 0;
                int request = caller;
                try {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        HttpRequest get = HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + tokens.get(request++ % tokens.size()))
                                .GET().build();
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = client.send(get, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                        } catch (IOException e) {
                            status = -1; // counted as a failure; the caller goes on, as a real one would retry
                        }
                        long took = System.nanoTime() - start;
                        if (start < warmUpEnd) {
                            continue;
                        }
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
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
        if (measured.isZero()) {
            return new Run(0, 0, 0, failures.get()); // a warm-up only
        }
        if (total == 0) {
            throw new IllegalStateException("No request to " + url + " was measured in " + measured
                    + " after the warm-up (" + failures.get() + " failed)");
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Run(total / (measured.toNanos() / 1e9), BenchmarkReport.percentile(all, 50) / 1e6,
                BenchmarkReport.percentile(all, 99) / 1e6, failures.get());
    }
}
