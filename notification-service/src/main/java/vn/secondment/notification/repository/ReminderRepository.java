package vn.secondment.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.ReminderDue;
import vn.secondment.notification.ReminderKind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<ReminderDue, UUID> {

    public Optional<ReminderDue> find(ReminderKind kind, String aggregateId) {
        return find("kind = ?1 and aggregateId = ?2", kind, aggregateId).firstResultOptional();
    }

    public List<ReminderDue> ofSubject(ReminderKind kind, String subjectId) {
        return list("kind = ?1 and subjectId = ?2", kind, subjectId);
    }

    /**
     * Locks up to {@code limit} reminders due at {@code now}, not sent, not cancelled, not expired. Rows another
     * transaction holds are skipped, not waited for: two instances sending at once each take different rows, and
     * a row is released only with its sent_at set.
     */
    @SuppressWarnings("unchecked")
    public List<ReminderDue> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM reminder_due
                         WHERE sent_at IS NULL AND NOT cancelled AND due_at <= :now AND expires_at > :now
                         ORDER BY due_at
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED""", ReminderDue.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }
}
