package vn.secondment.events.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.HealthGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;
import vn.secondment.events.EventsConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Measures what the relay has not sent yet: the outbox's pending events and the age of the oldest. Operators see it
 * as metrics (and alerts on them) and in the health group {@code platform}, which reports a stuck relay; readiness
 * is left alone, since a service whose relay is stuck still serves (its events wait in the outbox).
 * <p>
 * The figures are measured on a schedule, not when Prometheus scrapes, so a slow database never slows a scrape.
 */
@ApplicationScoped
@HealthGroup("platform")
public class OutboxMonitor implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(OutboxMonitor.class);

    private final EntityManager entityManager;
    private final EventsConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final java.util.List<Gauge> gauges;
    private volatile Measure measure = Measure.NONE;

    public OutboxMonitor(EntityManager entityManager, EventsConfig config, Clock clock, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        this.gauges = java.util.List.of(
                Gauge.builder("secondment.outbox.pending", this, monitor -> monitor.measure.pending)
                        .description("Outbox events not yet acknowledged by Kafka").register(meters),
                Gauge.builder("secondment.outbox.oldest.pending.age", this, OutboxMonitor::oldestAgeSeconds)
                        .description("Age of the oldest outbox event not yet acknowledged by Kafka (0 when none)")
                        .baseUnit("seconds").register(meters));
    }

    /**
     * The registry may outlive this application (tests restart it in one JVM), and a gauge registered again under
     * the same name would silently keep reading this instance.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(meters::remove);
    }

    @Scheduled(every = "${platform.events.monitoring.interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        if (config.outbox().topic().isEmpty()) {
            return;
        }
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                            SELECT count(*), min(occurred_at), (SELECT last_error FROM outbox_event
                                WHERE published_at IS NULL AND last_error IS NOT NULL ORDER BY seq DESC LIMIT 1)
                            FROM outbox_event WHERE published_at IS NULL""")
                    .getSingleResult());
            measure = new Measure(((Number) row[0]).longValue(), toInstant(row[1]), (String) row[2], clock.instant());
        } catch (RuntimeException e) {
            // the database is away: keep the last measure, whose time says how old it is
            LOG.debugf("Outbox not measured: %s", e.getMessage());
        }
    }

    private double oldestAgeSeconds() {
        Instant oldest = measure.oldestPending;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    @Override
    public HealthCheckResponse call() {
        Measure current = measure;
        boolean stuck = oldestAgeSeconds() > config.monitoring().outboxStuckAfter().toSeconds();
        var response = HealthCheckResponse.named("outbox relay")
                .status(!stuck)
                .withData("pending", current.pending)
                .withData("oldestPendingAgeSeconds", (long) oldestAgeSeconds());
        if (current.measuredAt != null) {
            response.withData("measuredAt", current.measuredAt.toString());
        }
        if (current.lastError != null) {
            response.withData("lastError", current.lastError);
        }
        return response.build();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        return null;
    }

    private record Measure(long pending, Instant oldestPending, String lastError, Instant measuredAt) {
        static final Measure NONE = new Measure(0, null, null, null);
    }
}
