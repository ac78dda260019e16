package vn.secondment.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller, in memory: a caller may spend {@code burst} requests at once, and earns them back
 * at {@code requestsPerSecond}. Each gateway instance counts on its own; behind N instances a caller gets up to N
 * times the rate, which is fine for a guard against runaway clients.
 */
public final class TokenBucketRateLimiter {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double tokensPerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param requestsPerSecond sustained rate per caller
     * @param burst             the bucket's size: requests allowed at once
     * @param nanoClock         a monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass their own)
     */
    public TokenBucketRateLimiter(double requestsPerSecond, int burst, LongSupplier nanoClock) {
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("gateway.rate-limit needs requests-per-second > 0 and burst >= 1");
        }
        this.tokensPerNano = requestsPerSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes one token from the caller's bucket, or says how long until one is available. */
    public Decision tryAcquire(String caller) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(caller, ignored -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, tokensPerNano, capacity);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.ALLOWED;
            }
            long nanosUntilOneToken = (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
            return new Decision(false, Duration.ofNanos(nanosUntilOneToken));
        }
    }

    /**
     * Drops the buckets that have refilled completely: such a caller starts afresh anyway, and the map stays as
     * small as the set of recently active callers.
     */
    public void forgetIdleCallers() {
        long now = nanoClock.getAsLong();
        // a request racing with the removal may spend a token of the dropped bucket: at most one free request
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                bucket.refill(now, tokensPerNano, capacity);
                return bucket.tokens >= capacity;
            }
        });
    }

    int trackedCallers() {
        return buckets.size();
    }

    /**
     * @param allowed    whether the request may go on
     * @param retryAfter for a refused request, how long until the caller has a token again
     */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** For the {@code Retry-After} header: whole seconds, rounded up, at least 1. */
        public long retryAfterSeconds() {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            return Math.max(1, seconds);
        }
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        private Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        private void refill(long now, double tokensPerNano, double capacity) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                refilledAt = now;
            }
        }
    }
}
