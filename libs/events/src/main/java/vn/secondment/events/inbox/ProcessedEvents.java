package vn.secondment.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventEnvelope;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The idempotent-consumer log. A consumer calls {@link #firstDelivery} in the transaction that applies the
 * event's effect: the log row and the effect commit together, so a redelivered event is recognised and
 * skipped, and a failed effect leaves no row behind.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** Set when the event being processed on this thread turned out to be a redelivery ({@link EventProcessing}). */
    static final ThreadLocal<Boolean> duplicateSeen = new ThreadLocal<>();
    /**
     * The events of the batch being processed on this thread that {@link #firstDeliveries} logged, by consumer;
     * set and cleared by {@link EventProcessing} around the batch's transaction.
     */
    static final ThreadLocal<Map<String, Batch>> batch = new ThreadLocal<>();

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
        Map<String, Batch> logged = batch.get();
        Batch known = logged == null ? null : logged.get(consumer);
        if (known != null && known.events().contains(event.id())) {
            // logged with its batch: new only the first time the batch's handling meets it
            boolean first = known.firstDeliveries().remove(event.id());
            if (!first) {
                duplicateSeen.set(Boolean.TRUE);
            }
            return first;
        }
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

    /**
     * Records that {@code consumer} handles {@code events} now, in one statement instead of one per event, for a
     * batch processed in one transaction ({@link EventProcessing#processBatch}, which calls this before the batch's
     * handling and forgets it after): {@link #firstDelivery} then answers for these events from what this statement
     * found, the first time true for an event not processed before, and false for a repeat in the batch or an event
     * processed earlier. Outside a batch it does nothing (each event is then logged by {@link #firstDelivery}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void firstDeliveries(String consumer, List<EventEnvelope> events) {
        Map<String, Batch> logged = batch.get();
        if (logged == null || events.isEmpty()) {
            return;
        }
        Map<String, EventEnvelope> distinct = new LinkedHashMap<>();
        events.forEach(event -> distinct.putIfAbsent(event.id(), event));
        StringBuilder rows = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        int i = 0;
        for (EventEnvelope event : distinct.values()) {
            rows.append(i == 0 ? "" : ", ").append("(:consumer, :id").append(i).append(", :type").append(i)
                    .append(", :processedAt)");
            parameters.put("id" + i, event.id());
            parameters.put("type" + i, event.type());
            i++;
        }
        var insert = entityManager.createNativeQuery("INSERT INTO processed_event (consumer, event_id, event_type, "
                        + "processed_at) VALUES " + rows + " ON CONFLICT DO NOTHING RETURNING event_id")
                .setParameter("consumer", consumer)
                .setParameter("processedAt", clock.instant());
        parameters.forEach(insert::setParameter);
        Set<String> first = new HashSet<>();
        for (Object id : insert.getResultList()) {
            first.add(String.valueOf(id));
        }
        logged.put(consumer, new Batch(Set.copyOf(distinct.keySet()), first));
    }

    /** A batch's events ({@code events}) and those of them not yet met by the handling that are new. */
    record Batch(Set<String> events, Set<String> firstDeliveries) {
    }
}
