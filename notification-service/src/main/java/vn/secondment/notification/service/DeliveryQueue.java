package vn.secondment.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The send/retry loop of every delivery channel (webhooks, e-mail), so that a slow or dead receiver never holds a
 * Kafka consumer or a database transaction: due rows are claimed in a short transaction ({@code FOR UPDATE SKIP
 * LOCKED}, so instances share the work) and leased, sent with no transaction open, and each outcome is recorded in
 * a transaction of its own. A failed row is tried again after the channel's backoff, doubled per failure
 * ({@link Retry}), until its attempts are used up. A {@link Channel} says what is claimed, how one message is sent
 * and how its outcome is written.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final int ERROR_MAX = 1000;

    private final EntityManager em;

    public DeliveryQueue(EntityManager em) {
        this.em = em;
    }

    /** A claimed row, as its channel reads it to send it. */
    public interface Claimed {
        UUID id();
    }

    /** One channel's part of the loop. */
    public interface Channel<R extends Claimed> {

        /** The delivery table; its {@code next_attempt_at} carries the lease. */
        String table();

        /** The rows due at {@code now}, locked {@code FOR UPDATE ... SKIP LOCKED}, in sending order. */
        List<R> claim(Instant now);

        /** The rows that go out as one message: each alone, unless the channel bundles them (a digest). */
        default List<List<R>> messages(List<R> claimed) {
            return claimed.stream().map(List::of).toList();
        }

        /** How long one message may take before it counts as failed; the lease gives each claimed one that long. */
        Duration sendTimeout();

        /** Sends one message; called with no transaction open. */
        Outcome send(List<R> message, Instant now);

        /** Writes one message's outcome on its rows (any of them may be gone), in a transaction of its own. */
        void record(List<UUID> ids, Outcome outcome, Instant now);
    }

    /** What one attempt got: an HTTP status when there is one, and the error (null: delivered). */
    public record Outcome(Integer responseStatus, String error) {

        public static final Outcome SENT = new Outcome(null, null);

        /** A failure as the delivery record keeps it: the exception's class and message, at most 1000 characters. */
        public static Outcome failed(Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            return new Outcome(null, message.length() > ERROR_MAX ? message.substring(0, ERROR_MAX) : message);
        }

        public boolean succeeded() {
            return error == null;
        }
    }

    /** When a failed row is tried again: {@code backoff · 2^(attempts-1)} later, never after {@code maxAttempts}. */
    public record Retry(Duration backoff, int maxAttempts) {

        /** After the failed attempt number {@code attempts}: when to try again, or null when the row is given up. */
        public Instant next(int attempts, Instant now) {
            return attempts >= maxAttempts ? null : now.plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 30)));
        }
    }

    /**
     * Sends what {@code channel} has due at {@code now}, one claim's worth.
     *
     * @return how many messages were attempted
     */
    public <R extends Claimed> int sendDue(Channel<R> channel, Instant now) {
        List<List<R>> messages = QuarkusTransaction.requiringNew().call(() -> claim(channel, now));
        for (List<R> message : messages) {
            Outcome outcome = channel.send(message, now);
            List<UUID> ids = message.stream().map(Claimed::id).toList();
            QuarkusTransaction.requiringNew().run(() -> channel.record(ids, outcome, now));
        }
        return messages.size();
    }

    private <R extends Claimed> List<List<R>> claim(Channel<R> channel, Instant now) {
        List<R> claimed = channel.claim(now);
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<List<R>> messages = channel.messages(claimed);
        // a lease: another instance's run does not pick these up while this one sends them; if this instance dies
        // mid-send they become due again when the lease ends. Long enough for every message to time out once
        em.createNativeQuery("UPDATE " + channel.table() + " SET next_attempt_at = :lease WHERE id IN (:ids)")
                .setParameter("lease", now.plus(channel.sendTimeout().multipliedBy(messages.size() + 1L)))
                .setParameter("ids", claimed.stream().map(Claimed::id).toList())
                .executeUpdate();
        return messages;
    }
}
