package vn.secondment.notification.service;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows of one entity, by key, as one transaction's events see them (a subclass is {@code @TransactionScoped}). A
 * batch of events (one transaction, {@code EventProcessing.processBatch}) may read the rows of every key its events
 * will look at in one statement ({@link #preload}); its events then find those rows, or learn that there is none,
 * without asking the database again, and a row an event of the batch adds is found by the later ones
 * ({@link #remember}), so that they see what the earlier ones wrote. A key not preloaded, or whose row is no longer
 * in the persistence context (the batch empties it every so many events), is read alone ({@link #readOne}).
 *
 * @param <K> the key the events look a row up by
 * @param <E> the entity
 */
public abstract class TransactionRows<K, E> implements Serializable {

    @Inject
    protected transient EntityManager em;
    /** The preloaded or remembered rows; null for a key preloaded without a row. */
    private final transient Map<K, E> known = new HashMap<>();

    /** Reads, in one statement, the rows of these keys that this transaction did not read yet. */
    public void preload(Collection<K> keys) {
        Set<K> unknown = new HashSet<>();
        for (K key : keys) {
            if (key != null && !known.containsKey(key)) {
                unknown.add(key);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(key -> known.put(key, null));
        readAll(unknown).forEach(this::remember);
    }

    /** The row of this key; empty for a null key or a key without a row. */
    public Optional<E> find(K key) {
        if (key == null) {
            return Optional.empty();
        }
        if (known.containsKey(key)) {
            E row = known.get(key);
            if (row == null) {
                return Optional.empty();
            }
            if (em.contains(row)) {
                return Optional.of(row);
            }
        }
        Optional<E> row = readOne(key);
        row.ifPresent(this::remember);
        return row;
    }

    /** A row this transaction read, added or changed, for the later events to find. */
    public void remember(E row) {
        known.put(keyOf(row), row);
    }

    /** The rows of these keys, in one statement (it may return rows of other keys too: they are remembered). */
    protected abstract List<E> readAll(Set<K> keys);

    /** The row of this key, read alone. */
    protected abstract Optional<E> readOne(K key);

    protected abstract K keyOf(E row);
}
