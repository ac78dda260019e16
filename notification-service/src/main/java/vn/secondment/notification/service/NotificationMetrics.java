package vn.secondment.notification.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's own meters (names shared by the platform's dashboards and alerts; labels bounded, never ids):
 * e-mail sends and webhook deliveries by outcome, webhook disablements, dead letters stored by original topic,
 * and gauges of the queues. The gauges need queries, so a scheduled job refreshes them every 15 s rather than each
 * scrape; until its first run they read 0.
 */
@Startup
@ApplicationScoped
public class NotificationMetrics {

    public static final String EMAIL_SENDS = "secondment.email.sends";
    public static final String EMAIL_QUEUE_DEPTH = "secondment.email.queue.depth";
    public static final String EMAIL_QUEUE_OLDEST_AGE = "secondment.email.queue.oldest.age";
    public static final String WEBHOOK_DELIVERIES = "secondment.webhook.deliveries";
    public static final String WEBHOOK_QUEUE_DEPTH = "secondment.webhook.queue.depth";
    public static final String WEBHOOK_QUEUE_OLDEST_AGE = "secondment.webhook.queue.oldest.age";
    public static final String WEBHOOK_ENDPOINTS_DISABLED = "secondment.webhook.endpoints.disabled";
    public static final String WEBHOOK_ENDPOINT_DISABLEMENTS = "secondment.webhook.endpoint.disablements";
    public static final String DEAD_LETTERS_STORED = "secondment.dead.letters.stored";
    public static final String DEAD_LETTERS_UNREPLAYED = "secondment.dead.letters.unreplayed";

    private final MeterRegistry registry;
    private final QueueMonitor monitor;
    private final Clock clock;
    // gauges hold their values weakly: these fields keep them
    private final AtomicLong emailDepth = new AtomicLong();
    private final AtomicLong emailOldestSeconds = new AtomicLong();
    private final AtomicLong webhookDepth = new AtomicLong();
    private final AtomicLong webhookOldestSeconds = new AtomicLong();
    private final AtomicLong endpointsDisabled = new AtomicLong();
    private final AtomicLong deadLettersUnreplayed = new AtomicLong();
    private final List<Meter> gauges = new ArrayList<>();

    public NotificationMetrics(MeterRegistry registry, QueueMonitor monitor, Clock clock) {
        this.registry = registry;
        this.monitor = monitor;
        this.clock = clock;
        gauge(EMAIL_QUEUE_DEPTH, "E-mail deliveries waiting to be sent (digests included)", emailDepth, null);
        gauge(EMAIL_QUEUE_OLDEST_AGE, "How long the oldest waiting e-mail has been due", emailOldestSeconds,
                "seconds");
        gauge(WEBHOOK_QUEUE_DEPTH, "Webhook deliveries waiting for an active webhook", webhookDepth, null);
        gauge(WEBHOOK_QUEUE_OLDEST_AGE, "How long the oldest waiting webhook delivery has been queued",
                webhookOldestSeconds, "seconds");
        gauge(WEBHOOK_ENDPOINTS_DISABLED, "Webhooks disabled now", endpointsDisabled, null);
        gauge(DEAD_LETTERS_UNREPLAYED, "Dead letters stored and not replayed", deadLettersUnreplayed, null);
        // every outcome from the start, so that a rate over the first failure is not a missing series
        List.of("sent", "failed", "gave_up").forEach(o -> registry.counter(EMAIL_SENDS, "outcome", o));
        List.of("delivered", "failed", "gave_up").forEach(o -> registry.counter(WEBHOOK_DELIVERIES, "outcome", o));
        registry.counter(WEBHOOK_ENDPOINT_DISABLEMENTS);
    }

    private void gauge(String name, String description, AtomicLong value, String unit) {
        gauges.add(Gauge.builder(name, value, AtomicLong::doubleValue).description(description).baseUnit(unit)
                .register(registry));
    }

    /**
     * The registry may outlive this application (the global one, when tests restart the application in one JVM):
     * a gauge left there would keep reading this instance's values and the next instance's registration would be
     * ignored, so the gauges leave with the instance.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        QueueMonitor.State state = monitor.measure(clock.instant());
        emailDepth.set(state.emailDepth());
        emailOldestSeconds.set(state.emailOldest().toSeconds());
        webhookDepth.set(state.webhookDepth());
        webhookOldestSeconds.set(state.webhookOldest().toSeconds());
        endpointsDisabled.set(state.endpointsDisabled());
        deadLettersUnreplayed.set(state.deadLettersUnreplayed());
    }

    /** One e-mail message recorded: {@code sent}, {@code failed} (to be retried) or {@code gave_up}. */
    public void emailSend(String outcome) {
        registry.counter(EMAIL_SENDS, "outcome", outcome).increment();
    }

    /** One webhook delivery attempt recorded: {@code delivered}, {@code failed} or {@code gave_up}. */
    public void webhookDelivery(String outcome) {
        registry.counter(WEBHOOK_DELIVERIES, "outcome", outcome).increment();
    }

    public void endpointDisabled() {
        registry.counter(WEBHOOK_ENDPOINT_DISABLEMENTS).increment();
    }

    /** A dead letter stored, by the topic its record was first read from (the service's few topics). */
    public void deadLetterStored(String topic) {
        registry.counter(DEAD_LETTERS_STORED, "topic", topic).increment();
    }
}
