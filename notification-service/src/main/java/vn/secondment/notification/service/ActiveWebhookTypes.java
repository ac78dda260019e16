package vn.secondment.notification.service;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;
import org.hibernate.query.NativeQuery;

import java.io.Serializable;
import java.util.List;

/**
 * The event type prefixes of the active webhooks, read once per transaction: a batch of events (one transaction,
 * {@code EventProcessing.processBatch}) asks the database once, not once per event, whether any webhook could
 * want an event. Only a pre-filter for {@link WebhookSender#enqueue}: an event some prefix matches is still queued
 * by the statement that applies all the filters.
 */
@TransactionScoped
public class ActiveWebhookTypes implements Serializable {

    private final transient EntityManager em;
    private transient List<String> prefixes;

    public ActiveWebhookTypes(EntityManager em) {
        this.em = em;
    }

    /** Whether an active webhook subscribes to a prefix of {@code type}. */
    @SuppressWarnings("unchecked")
    public boolean anyFor(String type) {
        if (prefixes == null) {
            // the table it reads, named: a native query otherwise flushes the whole session first, which in a batch
            // wrote the first event's rows alone, outside the batch's JDBC batches
            prefixes = em.createNativeQuery(
                            "SELECT DISTINCT p FROM webhook_subscription s, unnest(s.event_types) p WHERE s.active")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("webhook_subscription")
                    .getResultList();
        }
        return prefixes.stream().anyMatch(type::startsWith);
    }
}
