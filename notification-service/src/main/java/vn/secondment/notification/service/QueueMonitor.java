package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * How the delivery queues and dead letters stand at one moment: read by the metrics' scheduled refresh
 * ({@link NotificationMetrics}) and by the {@code platform} health check, a handful of counts on indexed columns.
 */
@ApplicationScoped
public class QueueMonitor {

    private final EntityManager em;
    private final EmailQueue emails;

    public QueueMonitor(EntityManager em, EmailQueue emails) {
        this.em = em;
        this.emails = emails;
    }

    /**
     * The queues at {@code now}.
     *
     * @param emailDepth            e-mail deliveries waiting (pending or failed and to be retried), digests included
     * @param emailOldest           how long the oldest waiting e-mail has been due: a single message is due when
     *                              queued, a digest row at its digest time (before that it waits by design)
     * @param webhookDepth          deliveries waiting for an active webhook (a disabled one's wait for its enable)
     * @param webhookOldest         how long the oldest of those has been waiting since it was queued
     * @param endpointsDisabled     webhooks disabled now
     * @param deadLettersUnreplayed dead letters stored and not replayed yet
     */
    public record State(long emailDepth, Duration emailOldest, long webhookDepth, Duration webhookOldest,
                        long endpointsDisabled, long deadLettersUnreplayed) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public State measure(Instant now) {
        Object[] email = (Object[]) em.createNativeQuery("""
                        SELECT count(*), min(created_at) FILTER (WHERE NOT digest), min(created_at) FILTER (WHERE digest)
                          FROM email_delivery WHERE status IN ('PENDING', 'FAILED')""")
                .getSingleResult();
        Instant oldestSingle = instant(email[1]);
        Instant oldestDigest = instant(email[2]);
        // digest rows are due at the next digest time after they were queued; the earliest queued is due first
        Instant emailDue = earliest(oldestSingle, oldestDigest == null ? null : emails.nextDigest(oldestDigest));
        Object[] webhook = (Object[]) em.createNativeQuery("""
                        SELECT count(*), min(d.created_at)
                          FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                         WHERE d.status IN ('PENDING', 'FAILED') AND s.active""")
                .getSingleResult();
        long disabled = count("SELECT count(*) FROM webhook_subscription WHERE NOT active");
        long unreplayed = count("SELECT count(*) FROM dead_letter WHERE replayed_at IS NULL");
        return new State(((Number) email[0]).longValue(), age(emailDue, now), ((Number) webhook[0]).longValue(),
                age(instant(webhook[1]), now), disabled, unreplayed);
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** Zero for an empty queue, and for one whose oldest row is not due yet. */
    private static Duration age(Instant since, Instant now) {
        return since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    }
}
