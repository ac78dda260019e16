package vn.secondment.events.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.MalformedEventException;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Keeps read models (copies of other services' records, {@code Known*} entities) from the snapshots their events
 * carry, by one rule: the newest snapshot wins. Each event carries the record's whole state, so applying it is
 * idempotent: a redelivered event writes the same state again, and an event older than the copy (a late or replayed
 * one) changes nothing. A snapshot lacking a field the copy needs is malformed: it goes to the dead-letter topic
 * instead of failing on a database constraint, and retrying.
 */
@ApplicationScoped
public class ReadModels {

    private final EntityManager entityManager;

    public ReadModels(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Applies {@code snapshot}, carried by {@code event}, to the copy of its record in the caller's transaction.
     *
     * @param type   the read-model entity
     * @param create a new, empty copy of the record with the given id
     * @param copy   writes the snapshot's fields into the copy
     * @return the copy as it now is; empty when the event was older than the copy
     * @throws MalformedEventException when the snapshot lacks a field the copy needs
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <S extends Snapshot, R extends KnownState> Optional<R> newestWins(EventEnvelope event, S snapshot,
                                                                             Class<R> type, Function<UUID, R> create,
                                                                             BiConsumer<S, R> copy) {
        return newestWins(event, snapshot, id -> Optional.ofNullable(entityManager.find(type, id)), create, copy);
    }

    /**
     * As {@link #newestWins(EventEnvelope, Snapshot, Class, Function, BiConsumer)}, with the copy found by
     * {@code current} instead of read by id: for a consumer that read the copies of a whole batch of events in one
     * statement beforehand.
     *
     * @param current the copy of the record with the given id, managed by the caller's persistence context; empty
     *                when there is none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <S extends Snapshot, R extends KnownState> Optional<R> newestWins(EventEnvelope event, S snapshot,
                                                                             Function<UUID, Optional<R>> current,
                                                                             Function<UUID, R> create,
                                                                             BiConsumer<S, R> copy) {
        var missing = snapshot.missingFields();
        if (!missing.isEmpty()) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") lacks "
                    + String.join(", ", missing));
        }
        R known = current.apply(snapshot.recordId()).orElse(null);
        if (known != null && known.eventTime.isAfter(event.time())) {
            return Optional.empty();
        }
        boolean first = known == null;
        if (first) {
            known = create.apply(snapshot.recordId());
        }
        copy.accept(snapshot, known);
        known.eventTime = event.time();
        if (first) {
            // persisted once complete: the insert is built from the state at persist time
            entityManager.persist(known);
        }
        return Optional.of(known);
    }
}
