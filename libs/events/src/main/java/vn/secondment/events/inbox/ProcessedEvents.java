package vn.secondment.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventEnvelope;

import java.time.Clock;

/**
 * The idempotent-consumer log. A consumer calls {@link #firstDelivery} in the transaction that applies the
 * event's effect: the log row and the effect commit together, so a redelivered event is recognised and
 * skipped, and a failed effect leaves no row behind.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** Set when the event being processed on this thread turned out to be a redelivery ({@link EventProcessing}). */
    static final ThreadLocal<Boolean> duplicateSeen = new ThreadLocal<>();

    private final EntityManager entityManager;
    private final Clock clock;

    public ProcessedEvents(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} handles {@code event} now.
     *
     * @return true the first time; false if this consumer already processed the event (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                        VALUES (:consumer, :eventId, :eventType, :processedAt)
                        ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("eventType", event.type())
                .setParameter("processedAt", clock.instant())
                .executeUpdate();
        if (inserted == 0) {
            duplicateSeen.set(Boolean.TRUE);
        }
        return inserted == 1;
    }
}
