package vn.secondment.personnel.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.util.List;

/**
 * The imports' meters, named as the platform's dashboards read them: {@code secondment.import.rows{kind, outcome}}
 * and {@code secondment.import.duration{kind}}. {@code kind} is what is imported ({@link #OFFICIALS}: a decision
 * annex of officials), a fixed word, never a file or ministry.
 */
@ApplicationScoped
public class ImportMetrics {

    public static final String ROWS = "secondment.import.rows";
    public static final String DURATION = "secondment.import.duration";
    /** The decision annex: officials. */
    public static final String OFFICIALS = "officials";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public ImportMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
        // every outcome from the start, so that a rate over the first import is not a missing series
        List.of("created", "updated", "unchanged", "rejected").forEach(outcome -> rows(OFFICIALS, outcome));
    }

    /**
     * The rows an import wrote, counted when its transaction commits: a dry run (rolled back) or an import that
     * fails later imported nothing.
     */
    public void written(String kind, int created, int updated, int unchanged) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    rows(kind, "created").increment(created);
                    rows(kind, "updated").increment(updated);
                    rows(kind, "unchanged").increment(unchanged);
                }
            }
        });
    }

    /** The invalid rows of a refused file (not of a dry run: nothing was asked to be imported). */
    public void rejected(String kind, long rows) {
        rows(kind, "rejected").increment(rows);
    }

    /** How long one import took, dry runs and refused files included: the same reading and checking. */
    public void took(String kind, Duration duration) {
        Timer.builder(DURATION).tag("kind", kind).description("Time to read, check and write one import")
                .register(registry).record(duration);
    }

    private io.micrometer.core.instrument.Counter rows(String kind, String outcome) {
        return registry.counter(ROWS, "kind", kind, "outcome", outcome);
    }
}
