package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.tracing.EventTracing;
import vn.secondment.notification.EmailSubscription;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.config.EmailConfig;
import vn.secondment.notification.mapping.InboxReaderMapper;
import vn.secondment.notification.repository.InboxEntryRepository;
import vn.secondment.rest.VietnamTime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides who gets an inbox entry by e-mail, in the consumer's transaction (the inbox's receive): the deliveries
 * commit with the entries or not at all, and the unique (entry, address) keeps anything from being queued twice.
 */
@ApplicationScoped
public class EmailQueue {

    private final EntityManager em;
    private final Clock clock;
    private final EmailConfig config;
    private final InboxReaderMapper readers;
    private final EmailCandidates found;

    public EmailQueue(EntityManager em, Clock clock, EmailConfig config, InboxReaderMapper readers,
                      EmailCandidates found) {
        this.em = em;
        this.found = found;
        this.clock = clock;
        this.config = config;
        this.readers = readers;
    }

    /**
     * Queues the new entries of one event: (a) a person entry to its address unless that person's subscription
     * turned e-mail off (officials hear of their own affairs by e-mail by default), in Vietnamese and at once when
     * they have no subscription; (b) every e-mail-enabled subscriber who would see the entry in their inbox (the
     * inbox's rule, on the reader data stored with the subscription) and whose filters match the event.
     *
     * @return how many deliveries were queued
     */
    public int enqueue(EventEnvelope event, List<InboxEntry> made) {
        if (made.isEmpty()) {
            return 0;
        }
        List<EmailSubscription> subscriptions = candidates(made);
        if (subscriptions.isEmpty() && made.stream().allMatch(entry -> entry.recipientEmail == null)) {
            // nobody to mail: nothing is queued, and the entries need not be written yet
            return 0;
        }
        // the entries were only persisted: the deliveries reference them
        em.flush();
        String province = event.data() != null && event.data().path("provinceCode").isTextual()
                ? event.data().get("provinceCode").asText() : null;
        Instant now = clock.instant();
        int queued = 0;
        for (InboxEntry entry : made) {
            Set<String> addressed = new HashSet<>();
            if (entry.recipientEmail != null) {
                String email = entry.recipientEmail.toLowerCase(Locale.ROOT);
                boolean subscribed = subscriptions.stream().anyMatch(s -> s.email.equalsIgnoreCase(email));
                if (!subscribed) {
                    addressed.add(email);
                    queued += queue(entry, event, email, "vi", false, now);
                }
            }
            for (EmailSubscription s : subscriptions) {
                String email = s.email.toLowerCase(Locale.ROOT);
                if (s.enabled && !addressed.contains(email) && matches(s, event, province)
                        && InboxEntryRepository.isVisibleTo(entry, readers.toReader(s))) {
                    addressed.add(email);
                    queued += queue(entry, event, email, s.language,
                            s.digest == EmailSubscription.Digest.DAILY, now);
                }
            }
        }
        return queued;
    }

    /**
     * The subscriptions that may see one of the entries, read in one statement: the addressed persons' (whose "off"
     * must be honoured too) and the enabled ones whose stored roles, ministry, province and unit fit an entry's
     * audience. Only a pre-filter, so that an event does not load every subscriber; who gets mail is then decided
     * with the inbox's own rule ({@link InboxEntryRepository#isVisibleTo}). Read once per transaction for the same
     * recipients and audiences ({@link EmailCandidates}): a batch's events that reach the same audiences share it.
     */
    private List<EmailSubscription> candidates(List<InboxEntry> made) {
        StringBuilder key = new StringBuilder();
        for (InboxEntry e : made) {
            key.append(e.recipient).append('\u001f').append(e.recipientEmail).append('\u001f').append(e.audienceRole)
                    .append('\u001f').append(e.ministry).append('\u001f').append(e.province).append('\u001f')
                    .append(e.unit).append('\u001e');
        }
        return found.forKey(key.toString(), () -> read(made));
    }

    @SuppressWarnings("unchecked")
    private List<EmailSubscription> read(List<InboxEntry> made) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < made.size(); i++) {
            InboxEntry e = made.get(i);
            if (e.recipient != null) {
                conditions.add("s.subject = :subject" + i);
                parameters.put("subject" + i, e.recipient);
            }
            if (e.recipientEmail != null) {
                conditions.add("lower(s.email) = :email" + i);
                parameters.put("email" + i, e.recipientEmail.toLowerCase(Locale.ROOT));
            }
            if (e.audienceRole != null) {
                StringBuilder audience = new StringBuilder("(s.enabled AND CAST(:role" + i
                        + " AS text) = ANY (s.roles)");
                parameters.put("role" + i, e.audienceRole);
                for (Map.Entry<String, String> scope : Map.of("ministry", nullToEmpty(e.ministry),
                        "province", nullToEmpty(e.province), "unit", nullToEmpty(e.unit)).entrySet()) {
                    if (!scope.getValue().isEmpty()) {
                        audience.append(" AND s.").append(scope.getKey()).append(" = :")
                                .append(scope.getKey()).append(i);
                        parameters.put(scope.getKey() + i, scope.getValue());
                    }
                }
                conditions.add(audience.append(")").toString());
            }
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        Query query = em.createNativeQuery("SELECT s.* FROM email_subscription s WHERE "
                + String.join(" OR ", conditions), EmailSubscription.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static boolean matches(EmailSubscription s, EventEnvelope event, String province) {
        return EventFilters.matches(s.eventTypes, s.ministries, s.provinces, event.type(), event.ministry(), province);
    }

    private int queue(InboxEntry entry, EventEnvelope event, String email, String language, boolean digest,
                      Instant now) {
        return em.createNativeQuery("""
                        INSERT INTO email_delivery (id, entry_id, event_id, event_type, ministry, recipient_email,
                                                    language, digest, status, attempts, next_attempt_at, created_at,
                                                    traceparent)
                        VALUES (:id, :entry, :eventId, :type, :ministry, :email, :language, :digest, 'PENDING', 0,
                                :next, :now, CAST(:traceparent AS varchar))
                        ON CONFLICT (entry_id, recipient_email) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("entry", entry.id)
                .setParameter("eventId", event.id())
                .setParameter("type", event.type())
                .setParameter("ministry", event.ministry())
                .setParameter("email", email)
                .setParameter("language", language)
                .setParameter("digest", digest)
                .setParameter("next", digest ? nextDigest(now) : now)
                .setParameter("now", now)
                // the trace the event is processed in (the consumer's span), for the send to continue
                .setParameter("traceparent", EventTracing.currentTraceparent())
                .executeUpdate();
    }

    /** The first digest time (Vietnam) strictly after {@code now}: every entry of a day goes out together. */
    Instant nextDigest(Instant now) {
        ZonedDateTime local = now.atZone(VietnamTime.ZONE);
        ZonedDateTime at = local.toLocalDate().atTime(config.digestTime()).atZone(VietnamTime.ZONE);
        return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
    }
}
