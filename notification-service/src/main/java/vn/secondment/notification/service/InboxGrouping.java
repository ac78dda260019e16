package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.config.GroupingConfig;
import vn.secondment.notification.repository.InboxEntryRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the entries of one kind that reach one audience at once one entry: "34 báo cáo tuần quá hạn — Bộ Nội vụ,
 * tuần 2025-W39", with a link to the filtered list. An entry the routing marked groupable ({@code groupKey}) joins
 * the open entry of its key (its count and texts change, its id stays) or opens one that takes the key's entries for
 * {@code notification.grouping.window} from now. A group somebody already read is closed: the next entry opens a
 * new one, so nothing read turns unread. Its e-mail waits for the window's end, and then tells the whole group (the
 * sender reads the entry's text when it sends).
 */
@ApplicationScoped
public class InboxGrouping {

    private final InboxEntryRepository entries;
    private final EntityManager em;
    private final GroupingConfig config;
    private final Clock clock;

    public InboxGrouping(InboxEntryRepository entries, EntityManager em, GroupingConfig config, Clock clock) {
        this.entries = entries;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Persists an event's new entries, each either as itself or into the open group of its key; returns the entries
     * to announce (new ones and changed groups, each once), in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<InboxEntry> place(List<InboxEntry> made) {
        List<InboxEntry> placed = new ArrayList<>(made.size());
        Instant now = clock.instant();
        for (InboxEntry entry : made) {
            if (entry.groupKey == null || config.window().isZero() || config.window().isNegative()) {
                entry.groupKey = null;
                entry.link = null;
                entries.persist(entry);
                placed.add(entry);
                continue;
            }
            // two consumers (partitions) may bring entries of one key at once: one opens the group, the other joins
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 19))")
                    .setParameter("key", entry.groupKey).getSingleResult();
            InboxEntry open = openGroup(entry.groupKey, now);
            if (open == null) {
                entry.groupClosesAt = now.plus(config.window());
                entries.persist(entry);
                placed.add(entry);
            } else {
                join(open, entry);
                if (!placed.contains(open)) {
                    placed.add(open);
                }
            }
        }
        return placed;
    }

    /**
     * Holds the group entries' e-mail (not the digests, which wait for the morning anyway) until their window
     * closes: the sender claims a row only once {@code next_attempt_at} has come, and then mails the group's text.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int holdMail(List<InboxEntry> placed) {
        int held = 0;
        for (InboxEntry entry : placed) {
            if (entry.groupClosesAt != null) {
                held += em.createNativeQuery("""
                                UPDATE email_delivery SET next_attempt_at = :closes
                                 WHERE entry_id = :entry AND status = 'PENDING' AND NOT digest
                                   AND attempts = 0 AND next_attempt_at < :closes""")
                        .setParameter("closes", entry.groupClosesAt)
                        .setParameter("entry", entry.id)
                        .executeUpdate();
            }
        }
        return held;
    }

    /** The newest open group of {@code key}: still in its window, and read by nobody. */
    private InboxEntry openGroup(String key, Instant now) {
        return em.createQuery("""
                        select e from InboxEntry e
                         where e.groupKey = :key and e.groupClosesAt > :now
                           and not exists (select r from InboxReceipt r where r.entryId = e.id)
                         order by e.createdAt desc""", InboxEntry.class)
                .setParameter("key", key)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /** One more event in the group: the count and the group's texts (from the joining entry's routing). */
    private static void join(InboxEntry group, InboxEntry joining) {
        group.groupCount++;
        InboxEntry.GroupText text = joining.groupText;
        if (text != null) {
            group.title = truncate(String.format(Locale.ROOT, text.title(), group.groupCount));
            group.body = String.format(Locale.ROOT, text.body(), group.groupCount);
            group.titleEn = text.titleEn() == null ? null
                    : truncate(String.format(Locale.ROOT, text.titleEn(), group.groupCount));
            group.bodyEn = text.bodyEn() == null ? null : String.format(Locale.ROOT, text.bodyEn(), group.groupCount);
        }
        group.link = joining.link;
        // the entry tells of several things now: none of them is its subject alone
        group.subjectId = null;
    }

    private static String truncate(String title) {
        return title.length() > 300 ? title.substring(0, 299) + "…" : title;
    }
}
