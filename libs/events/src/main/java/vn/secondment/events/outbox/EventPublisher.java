package vn.secondment.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventType;
import vn.secondment.events.tracing.EventTracing;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * How a service publishes an event: it writes the event to the outbox inside the transaction that changes
 * the state, so both commit or neither does. The {@link OutboxRelay} sends it to Kafka after the commit.
 */
@ApplicationScoped
public class EventPublisher {

    /** Marks a transaction that already asked the relay to run after its commit. */
    private static final Object RELAY_REQUESTED = new Object();

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;
    private final TransactionSynchronizationRegistry transaction;
    private final Clock clock;

    public EventPublisher(EntityManager entityManager, ObjectMapper mapper, Event<OutboxWritten> written,
                          TransactionSynchronizationRegistry transaction, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.written = written;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Records an event about one aggregate.
     *
     * @param type        the contract's event type (name, payload version, aggregate kind)
     * @param aggregateId the aggregate's id, also the Kafka key
     * @param ministry    the ministry code the event belongs to, or null for platform-wide events
     * @param data        the payload, a contract record
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, Object aggregateId, String ministry, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.eventType = type.name();
        event.schemaVersion = type.schemaVersion();
        event.aggregateType = type.aggregateType();
        event.aggregateId = String.valueOf(aggregateId);
        event.ministry = ministry;
        event.occurredAt = clock.instant();
        event.payload = toJson(data);
        event.traceparent = EventTracing.currentTraceparent();
        entityManager.persist(event);
        // one wake-up of the relay per transaction, however many events it writes (an import writes thousands)
        if (transaction.getResource(RELAY_REQUESTED) == null) {
            transaction.putResource(RELAY_REQUESTED, Boolean.TRUE);
            written.fire(new OutboxWritten());
        }
        return event.id;
    }

    private String toJson(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialised: " + data.getClass().getName(), e);
        }
    }
}
