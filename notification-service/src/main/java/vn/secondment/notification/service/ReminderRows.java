package vn.secondment.notification.service;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;
import vn.secondment.notification.ReminderDue;
import vn.secondment.notification.ReminderKind;
import vn.secondment.notification.repository.ReminderRepository;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reminder rows ({@link ReminderDue}, one per kind and aggregate) as one transaction's events see them, as
 * {@link OfficialsDirectory} keeps the officials: a batch reads the rows its events will look at in one statement
 * ({@link #preload}), its events then find them, or learn that there is none, without asking the database again,
 * and a row an event of the batch adds is found by the later ones ({@link #remember}). Any other row, or one no
 * longer in the persistence context, is read as before.
 */
@TransactionScoped
public class ReminderRows implements Serializable {

    private final transient EntityManager em;
    private final transient ReminderRepository reminders;
    /** The preloaded or remembered rows, by {@link #key}; null for a key preloaded without a row. */
    private final transient Map<String, ReminderDue> known = new HashMap<>();

    public ReminderRows(EntityManager em, ReminderRepository reminders) {
        this.em = em;
        this.reminders = reminders;
    }

    /** Reads, in one statement, the rows of these kinds and aggregates. */
    public void preload(Map<ReminderKind, Set<String>> aggregates) {
        Set<ReminderKind> kinds = new HashSet<>();
        Set<String> ids = new HashSet<>();
        aggregates.forEach((kind, ofKind) -> ofKind.stream().filter(id -> !known.containsKey(key(kind, id)))
                .forEach(id -> {
                    kinds.add(kind);
                    ids.add(id);
                    known.put(key(kind, id), null);
                }));
        if (ids.isEmpty()) {
            return;
        }
        // both columns of the unique (kind, aggregate_id): the rows of other kinds the ids match are kept too
        em.createQuery("select r from ReminderDue r where r.kind in :kinds and r.aggregateId in :ids",
                        ReminderDue.class)
                .setParameter("kinds", kinds)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(this::remember);
    }

    /** The row of this kind and aggregate, if there is one. */
    public Optional<ReminderDue> find(ReminderKind kind, String aggregateId) {
        String key = key(kind, aggregateId);
        if (known.containsKey(key)) {
            ReminderDue row = known.get(key);
            if (row == null) {
                return Optional.empty();
            }
            if (em.contains(row)) {
                return Optional.of(row);
            }
        }
        Optional<ReminderDue> row = reminders.find(kind, aggregateId);
        row.ifPresent(this::remember);
        return row;
    }

    /** A row this transaction added, for the later events to find. */
    public void remember(ReminderDue row) {
        known.put(key(row.kind, row.aggregateId), row);
    }

    private static String key(ReminderKind kind, String aggregateId) {
        return kind + "/" + aggregateId;
    }
}
