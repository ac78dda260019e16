package vn.secondment.notification.service;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.MDC;
import vn.secondment.events.tracing.EventTracing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The send/retry loop of every delivery channel (webhooks, e-mail), so that a slow or dead receiver never holds a
 * Kafka consumer or a database transaction: due rows are claimed in a short transaction ({@code FOR UPDATE SKIP
 * LOCKED}, so instances share the work) and leased, sent with no transaction open, and each outcome is recorded in
 * a transaction of its own. A failed row is tried again after the channel's backoff, doubled per failure
 * ({@link Retry}), until its attempts are used up. A {@link Channel} says what is claimed, how one message is sent
 * and how its outcome is written.
 * <p>
 * Each message is sent and recorded in a span of its channel ({@code email send}, {@code webhook deliver}) that
 * continues the trace stored on its row when it was queued, so that the send, however much later, belongs to the
 * trace of the request or event that caused it; its logs carry that trace id and the event's id and type.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final int ERROR_MAX = 1000;

    private static final String MDC_EVENT_ID = "eventId";
    private static final String MDC_EVENT_TYPE = "eventType";

    private final EntityManager em;
    private final EventTracing tracing;

    public DeliveryQueue(EntityManager em, EventTracing tracing) {
        this.em = em;
        this.tracing = tracing;
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

        /**
         * Writes one message's outcome on its rows (any of them may be gone), in a transaction of its own.
         *
         * @return the outcome as counted ({@code sent}/{@code delivered}, {@code failed} or {@code gave_up}), or
         *         null when the rows were gone
         */
        String record(List<UUID> ids, Outcome outcome, Instant now);

        /** The name of the span one message is sent in, e.g. {@code webhook deliver}. */
        String spanName();

        /** Where one message's span starts: the trace it continues, its attributes, the event it is about. */
        Trace trace(List<R> message);

        /** Counts one recorded outcome (after its transaction committed). */
        void count(String outcome);
    }

    /**
     * The span of one message: the stored {@code traceparent} it continues (null: a trace of its own), bounded
     * attributes that name no person (ids, types, attempt numbers), and the event's id and type for the log lines
     * (null when the message is not about one event).
     */
    public record Trace(String traceparent, Map<String, String> attributes, String eventId, String eventType) {
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

        /**
         * What went wrong, for a log line: the HTTP status, or the error's kind (the exception's class, "target
         * refused") without its message, which may quote an address or a server's reply about a person.
         */
        public String kind() {
            if (error == null) {
                return null;
            }
            if (responseStatus != null) {
                return "HTTP " + responseStatus;
            }
            int colon = error.indexOf(':');
            return colon < 0 ? error : error.substring(0, colon);
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
            Trace trace = channel.trace(message);
            String counted = inEvent(trace, () -> tracing.inSpan(channel.spanName(), SpanKind.CLIENT,
                    trace.traceparent(), trace.attributes(), () -> {
                        Outcome outcome = channel.send(message, now);
                        List<UUID> ids = message.stream().map(Claimed::id).toList();
                        String recorded = QuarkusTransaction.requiringNew()
                                .call(() -> channel.record(ids, outcome, now));
                        if (recorded != null) {
                            Span.current().setAttribute("delivery.outcome", recorded);
                        }
                        return recorded;
                    }));
            if (counted != null) {
                channel.count(counted);
            }
        }
        return messages.size();
    }

    /** Runs {@code work} with the event's id and type in the MDC, so that its log lines name the event. */
    private static <T> T inEvent(Trace trace, Supplier<T> work) {
        if (trace.eventId() == null) {
            return work.get();
        }
        MDC.put(MDC_EVENT_ID, trace.eventId());
        MDC.put(MDC_EVENT_TYPE, trace.eventType());
        try {
            return work.get();
        } finally {
            MDC.remove(MDC_EVENT_ID);
            MDC.remove(MDC_EVENT_TYPE);
        }
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
