package vn.secondment.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.DeadLetter;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, UUID> {

    /** Newest first; {@code replayed} null lists all, else only those replayed (true) or not yet (false). */
    public PanacheQuery<DeadLetter> list(Boolean replayed) {
        Sort newestFirst = Sort.descending("receivedAt").and("id");
        if (replayed == null) {
            return findAll(newestFirst);
        }
        return find(replayed ? "replayedAt is not null" : "replayedAt is null", newestFirst);
    }

    /**
     * Stores a dead letter unless one from the same place is stored already (the dead-letter topic is read
     * at least once).
     *
     * @return whether it was new
     */
    public boolean storeOnce(String topic, int partition, long offset, String key, String payload, String error,
                             String traceparent, Instant receivedAt) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO dead_letter (id, source_topic, source_partition, source_offset, record_key,
                                                 payload, error, received_at, traceparent)
                        VALUES (:id, :topic, :partition, :offset, :key, :payload, :error, :receivedAt,
                                CAST(:traceparent AS varchar))
                        ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("topic", topic)
                .setParameter("partition", partition)
                .setParameter("offset", offset)
                .setParameter("key", key)
                .setParameter("payload", payload)
                .setParameter("error", error)
                .setParameter("receivedAt", receivedAt)
                .setParameter("traceparent", traceparent)
                .executeUpdate() == 1;
    }
}
