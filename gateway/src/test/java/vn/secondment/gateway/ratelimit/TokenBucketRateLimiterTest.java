package vn.secondment.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(2, 3, now::get);

    @Test
    void allowsTheBurstAtOnceThenRefusesWithTheTimeUntilTheNextToken() {
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();

        TokenBucketRateLimiter.Decision refused = limiter.tryAcquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void earnsTokensBackAtTheSustainedRate() {
        spend("a", 3);
        advance(Duration.ofMillis(499));
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();

        advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void neverSavesUpMoreThanTheBurst() {
        advance(Duration.ofHours(1));
        spend("a", 3);

        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void countsEveryCallerSeparately() {
        spend("a", 3);

        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    }

    @Test
    void forgetsOnlyCallersWhoseBucketHasRefilled() {
        spend("a", 3);
        spend("b", 1);
        advance(Duration.ofMillis(500));

        limiter.forgetIdleCallers();

        assertThat(limiter.trackedCallers()).isEqualTo(1);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void refusesASettingThatWouldBlockEveryone() {
        assertThatThrownBy(() -> new TokenBucketRateLimiter(0, 10, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucketRateLimiter(10, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }

    private void spend(String caller, int requests) {
        for (int i = 0; i < requests; i++) {
            assertThat(limiter.tryAcquire(caller).allowed()).isTrue();
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
