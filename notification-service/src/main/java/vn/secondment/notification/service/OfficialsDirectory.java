package vn.secondment.notification.service;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;
import vn.secondment.events.EventEnvelope;
import vn.secondment.notification.readmodel.KnownOfficial;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The officials directory ({@link KnownOfficial}) as one transaction's events see it. A batch of events (one
 * transaction, {@code EventProcessing.processBatch}) reads the rows of every official its events name in one
 * statement ({@link #preload}); its events then find those officials, or learn that there is no row, without asking
 * the database again, and an official an event of the batch adds is found by the later ones ({@link #remember}).
 * An official not preloaded, or no longer in the persistence context (emptied every so many events), is read by id.
 */
@TransactionScoped
public class OfficialsDirectory implements Serializable {

    private final transient EntityManager em;
    /** The preloaded or remembered officials, by id; null for an id preloaded without a row. */
    private final transient Map<UUID, KnownOfficial> known = new HashMap<>();

    public OfficialsDirectory(EntityManager em) {
        this.em = em;
    }

    /** Reads, in one statement, the officials the events name (an official event's, or a payload's officialId). */
    public void preload(List<EventEnvelope> events) {
        Set<UUID> ids = new HashSet<>();
        for (EventEnvelope event : events) {
            officialIdOf(event).filter(id -> !known.containsKey(id)).ifPresent(ids::add);
        }
        if (ids.isEmpty()) {
            return;
        }
        ids.forEach(id -> known.put(id, null));
        em.createQuery("select k from KnownOfficial k where k.id in :ids", KnownOfficial.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(official -> known.put(official.id, official));
    }

    /** The official with this id; empty for a null id or an official personnel-service never announced. */
    public Optional<KnownOfficial> find(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        if (known.containsKey(id)) {
            KnownOfficial official = known.get(id);
            if (official == null) {
                return Optional.empty();
            }
            if (em.contains(official)) {
                return Optional.of(official);
            }
        }
        KnownOfficial official = em.find(KnownOfficial.class, id);
        if (official != null) {
            known.put(id, official);
        }
        return Optional.ofNullable(official);
    }

    /** An official this transaction added or changed, for the later events to find. */
    public void remember(KnownOfficial official) {
        known.put(official.id, official);
    }

    /** The official an event is about or names: {@code officialId} in its payload, when it is a UUID. */
    private static Optional<UUID> officialIdOf(EventEnvelope event) {
        if (event.data() == null || !event.data().path("officialId").isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(event.data().get("officialId").asText()));
        } catch (IllegalArgumentException e) {
            // not an id: the event's own handling rejects it as malformed
            return Optional.empty();
        }
    }
}
