package vn.secondment.stack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's policy, on a clock the test moves: backoff that doubles up to a cap, a limit within a window. */
class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-06T20:00:00Z");

    private final RestartPolicy policy =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 5, Duration.ofMinutes(10));

    @Test
    void theBackoffDoublesWithEachRestartInsideTheWindowUpToTheCap() {
        RestartPolicy generous =
                new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 10, Duration.ofMinutes(10));
        Instant now = T0;
        StringBuilder backoffs = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            Duration backoff = generous.onExit(now).orElseThrow();
            backoffs.append(backoff.toSeconds()).append(' ');
            now = now.plus(backoff).plusSeconds(5); // restarted, then died again five seconds later
        }
        assertThat(backoffs.toString().trim()).isEqualTo("1 2 4 8 8 8");
    }

    @Test
    void givesUpWhenTheLimitOfRestartsFallsInsideTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(policy.onExit(T0.plusSeconds(20L * i))).as("exit %d", i + 1).isPresent();
        }
        assertThat(policy.restartsWithin(T0.plusSeconds(80))).isEqualTo(5);

        assertThat(policy.onExit(T0.plusSeconds(100))).as("sixth exit within 10 minutes").isEmpty();
        assertThat(policy.onExit(T0.plusSeconds(101))).as("and it stays given up while the window is full").isEmpty();
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCountNorLengthenTheBackoff() {
        for (int i = 0; i < 5; i++) {
            policy.onExit(T0.plusSeconds(i));
        }
        // ten minutes after the first restarts, a new exit is a first one again
        Optional<Duration> later = policy.onExit(T0.plus(Duration.ofMinutes(10)).plusSeconds(5));
        assertThat(later).contains(Duration.ofSeconds(1));
        assertThat(policy.restartsWithin(T0.plus(Duration.ofMinutes(10)).plusSeconds(5))).isEqualTo(1);
    }

    @Test
    void eachApplicationGetsItsOwnHistory() {
        RestartPolicy first = RestartPolicy.DEFAULT_SETTINGS.copy();
        RestartPolicy second = RestartPolicy.DEFAULT_SETTINGS.copy();
        first.onExit(T0);
        first.onExit(T0.plusSeconds(2));

        assertThat(second.onExit(T0.plusSeconds(3))).contains(Duration.ofSeconds(1));
        assertThat(first.onExit(T0.plusSeconds(4))).contains(Duration.ofSeconds(4));
    }
}
