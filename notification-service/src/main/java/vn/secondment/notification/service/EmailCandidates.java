package vn.secondment.notification.service;

import jakarta.transaction.TransactionScoped;
import vn.secondment.notification.EmailSubscription;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The e-mail candidates ({@link EmailQueue}'s pre-filter of the subscriptions) found in one transaction, by the
 * recipients and audiences they were looked up for: the events of a batch (one transaction,
 * {@code EventProcessing.processBatch}) that reach the same audiences (a ministry's coordinators, its admins) ask
 * the database once, not once per event. Subscriptions changed meanwhile are seen by the next batch, as a
 * subscription changed while one event is processed is seen by the next event.
 */
@TransactionScoped
public class EmailCandidates implements Serializable {

    private final transient Map<String, List<EmailSubscription>> found = new HashMap<>();

    /** The candidates for {@code key} (what they are looked up by), read by {@code query} the first time. */
    public List<EmailSubscription> forKey(String key, Supplier<List<EmailSubscription>> query) {
        return found.computeIfAbsent(key, k -> query.get());
    }
}
