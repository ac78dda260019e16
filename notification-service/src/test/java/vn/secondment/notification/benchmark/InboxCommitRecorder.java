package vn.secondment.notification.benchmark;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import vn.secondment.notification.service.InboxEntriesAdded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hears {@link InboxEntriesAdded} after the commit (as the live stream does), so the benchmark sees the moment an
 * event's entries became visible without any production code for it. Records nothing unless the benchmark switched
 * it on, so it costs the other tests in the same application nothing but a volatile read.
 */
@ApplicationScoped
public class InboxCommitRecorder {

    private static volatile Map<String, Long> committedAt;

    /** Starts recording System.nanoTime() of the first commit per event id into a fresh map. */
    static Map<String, Long> start() {
        Map<String, Long> map = new ConcurrentHashMap<>();
        committedAt = map;
        return map;
    }

    static void stop() {
        committedAt = null;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboxEntriesAdded added) {
        long now = System.nanoTime();
        Map<String, Long> map = committedAt;
        if (map != null && !added.entries().isEmpty()) {
            // all entries of one call come from one event; a redelivery adds no entries, so the first commit counts
            map.putIfAbsent(added.entries().get(0).eventId, now);
        }
    }
}
