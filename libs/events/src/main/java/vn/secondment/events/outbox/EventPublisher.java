package vn.secondment.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * How a service publishes an event: it writes the event to the outbox inside the transaction that changes
 * the state, so both commit or neither does. The {@link OutboxRelay} sends it to Kafka after the commit.
 */
@ApplicationScoped
public class EventPublisher {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;

    public EventPublisher(EntityManager entityManager, ObjectMapper mapper, Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.written = written;
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
        event.occurredAt = Instant.now();
        event.payload = toJson(data);
        entityManager.persist(event);
        written.fire(new OutboxWritten());
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
