package vn.secondment.notification.service;

import jakarta.transaction.TransactionScoped;
import vn.secondment.notification.ReminderDue;
import vn.secondment.notification.ReminderKind;
import vn.secondment.notification.repository.ReminderRepository;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reminder rows ({@link ReminderDue}, one per kind and aggregate) as one transaction's events see them: the rows
 * a batch's events key by are read in one statement ({@link ReminderSchedule#preload}), a row an event adds is
 * remembered for the later ones.
 */
@TransactionScoped
public class ReminderRows extends TransactionRows<ReminderRows.Key, ReminderDue> {

    /** What a reminder row is unique by (its kind and aggregate). */
    public record Key(ReminderKind kind, String aggregateId) {
    }

    private final transient ReminderRepository reminders;

    public ReminderRows(ReminderRepository reminders) {
        this.reminders = reminders;
    }

    @Override
    protected List<ReminderDue> readAll(Set<Key> keys) {
        Set<ReminderKind> kinds = new HashSet<>();
        Set<String> ids = new HashSet<>();
        keys.forEach(key -> {
            kinds.add(key.kind());
            ids.add(key.aggregateId());
        });
        // both columns of the unique (kind, aggregate_id): the rows of other kinds the ids match are kept too
        return em.createQuery("select r from ReminderDue r where r.kind in :kinds and r.aggregateId in :ids",
                        ReminderDue.class)
                .setParameter("kinds", kinds)
                .setParameter("ids", ids)
                .getResultList();
    }

    @Override
    protected Optional<ReminderDue> readOne(Key key) {
        return reminders.find(key.kind(), key.aggregateId());
    }

    @Override
    protected Key keyOf(ReminderDue row) {
        return new Key(row.kind, row.aggregateId);
    }
}
