package vn.secondment.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When the launcher restarts an application that died: after a backoff that doubles with each restart still inside
 * the window (1 s, 2 s, 4 s ... up to a cap), and not at all once {@code maxRestarts} restarts fall inside the
 * window, so that an application that cannot start does not flap for ever. Pure bookkeeping: the caller gives the
 * time, so the policy is tested without waiting.
 */
final class RestartPolicy {

    /** The launcher's policy: 1 s doubling to 30 s, at most 5 restarts in 10 minutes. */
    static final RestartPolicy DEFAULT_SETTINGS =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(10));

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxRestarts;
    private final Duration window;
    /** When each restart within the window was decided, oldest first. */
    private final Deque<Instant> restarts = new ArrayDeque<>();

    RestartPolicy(Duration initialBackoff, Duration maxBackoff, int maxRestarts, Duration window) {
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRestarts < 0
                || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("Invalid restart policy");
        }
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxRestarts = maxRestarts;
        this.window = window;
    }

    /** A fresh policy with the same settings, one per application: each keeps its own history. */
    RestartPolicy copy() {
        return new RestartPolicy(initialBackoff, maxBackoff, maxRestarts, window);
    }

    /**
     * The process died at {@code exitedAt}: how long to wait before starting it again, or empty to give up. A restart
     * it grants counts against the limit from then on.
     */
    synchronized Optional<Duration> onExit(Instant exitedAt) {
        while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(exitedAt.minus(window))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= maxRestarts) {
            return Optional.empty();
        }
        Duration backoff = initialBackoff;
        for (int i = 0; i < restarts.size() && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        restarts.addLast(exitedAt);
        return Optional.of(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
    }

    /** Restarts granted within the window ending at {@code now}, the one just granted included. */
    synchronized int restartsWithin(Instant now) {
        return (int) restarts.stream().filter(at -> at.isAfter(now.minus(window))).count();
    }

    int maxRestarts() {
        return maxRestarts;
    }

    Duration window() {
        return window;
    }
}
