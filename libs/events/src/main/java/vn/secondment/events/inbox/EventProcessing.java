package vn.secondment.events.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.EventsConfig;
import vn.secondment.events.MalformedEventException;
import vn.secondment.events.tracing.EventTracing;
import vn.secondment.rest.database.DatabaseFailure;
import vn.secondment.rest.database.DatabaseOutage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * How every service consumes an event: decode it, process it in a span that continues the trace the event carries
 * (with the event's ids in the MDC), retry a failure that is not the event's fault, and count and log what happened.
 * A record that cannot be read, or that still fails after the retries, is thrown back to the channel, whose
 * failure strategy puts it on the dead-letter topic; the next record is then processed.
 * <p>
 * While the database cannot be reached the event is held, not dead-lettered: it is tried again, with growing pauses,
 * until the database answers, and the records behind it wait (the consumer stalls, which the health group
 * {@code platform} reports). An outage is the database's fault, not the event's, and passes by itself.
 */
@ApplicationScoped
public class EventProcessing {

    private static final Logger LOG = Logger.getLogger(EventProcessing.class);
    /** How many events of a batch share the persistence context before it is flushed and emptied. */
    static final int CLEAR_EVERY = 100;

    private final EventCodec codec;
    private final EventTracing tracing;
    private final EventsConfig config;
    private final Config channels;
    private final MeterRegistry meters;
    private final DatabaseOutage databaseOutage;
    private final EntityManager entityManager;
    /** What each channel's records share (its topic, group and meters), resolved at its first record. */
    private final Map<String, Channel> known = new ConcurrentHashMap<>();

    public EventProcessing(EventCodec codec, EventTracing tracing, EventsConfig config, Config channels,
                           MeterRegistry meters, DatabaseOutage databaseOutage, EntityManager entityManager) {
        this.codec = codec;
        this.entityManager = entityManager;
        this.databaseOutage = databaseOutage;
        this.tracing = tracing;
        this.config = config;
        this.channels = channels;
        this.meters = meters;
    }

    /**
     * Processes one record of {@code channel} with {@code handler}, which applies the event in a transaction of its
     * own (and records it in {@link ProcessedEvents}, so a redelivery is skipped).
     */
    public void process(String name, String record, Consumer<EventEnvelope> handler) {
        Channel channel = known.computeIfAbsent(name, this::resolve);
        EventEnvelope event;
        try {
            event = codec.decode(record);
        } catch (MalformedEventException e) {
            deadLettered(channel, null, e);
            throw e;
        }
        inSpan(channel, event, () -> processWithRetries(channel, event, handler));
    }

    /**
     * Processes the records of one poll of {@code channel} (the channel in batch mode,
     * {@code mp.messaging.incoming.<channel>.batch=true}) with {@code handler}, all in one transaction: one commit
     * and one round of transaction work for the whole batch instead of one per record, which is what bounds a
     * consumer's rate. Each event still runs in its own span, with its ids in the MDC, and is recorded in
     * {@link ProcessedEvents} (the same event twice in one batch, or again in a later one, takes effect once).
     * <p>
     * A record that cannot be read is nacked alone: the channel's failure strategy puts it on the dead-letter topic
     * and the others go on. If the batch's transaction fails, nothing of it is kept and its events are processed one
     * by one as {@link #process} does (each in a transaction of its own, with the retries and the holding through a
     * database outage), so that one bad event reaches the dead-letter topic alone and the others still take effect.
     * The batch is acknowledged once every record took effect or was accepted by the dead-letter topic, so a crash
     * before that redelivers it, and the processed-event log skips what had committed.
     *
     * @return completes when the batch is acknowledged
     */
    public CompletionStage<Void> processBatch(String name, KafkaRecordBatch<String, String> batch,
                                              Consumer<EventEnvelope> handler) {
        return processBatch(name, batch, events -> { }, handler);
    }

    /**
     * As {@link #processBatch(String, KafkaRecordBatch, Consumer)}, with {@code prepare} run first in the batch's
     * transaction on all its readable events: work done once for the batch instead of once per event, such as
     * logging the batch's events as processed in one statement ({@link ProcessedEvents#firstDeliveries}, which
     * {@link ProcessedEvents#firstDelivery} then answers from). Not run when the events are processed one by one.
     */
    public CompletionStage<Void> processBatch(String name, KafkaRecordBatch<String, String> batch,
                                              Consumer<List<EventEnvelope>> prepare,
                                              Consumer<EventEnvelope> handler) {
        Channel channel = known.computeIfAbsent(name, this::resolve);
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        List<KafkaRecord<String, String>> records = new ArrayList<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(codec.decode(record.getPayload()));
                records.add(record);
            } catch (MalformedEventException e) {
                deadLettered(channel, null, e);
                deadLetters.add(record.nack(e).toCompletableFuture());
            }
        }
        if (!events.isEmpty() && !inOneTransaction(channel, events, prepare, handler)) {
            for (int i = 0; i < events.size(); i++) {
                EventEnvelope event = events.get(i);
                try {
                    inSpan(channel, event, () -> processWithRetries(channel, event, handler));
                } catch (RuntimeException e) {
                    // counted and logged as dead-lettered by processWithRetries
                    deadLetters.add(records.get(i).nack(e).toCompletableFuture());
                }
            }
        }
        // the dead-letter topic must have the records before their offsets are committed with the batch's
        CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).join();
        return batch.ack();
    }

    /**
     * Applies the events in one transaction; false (nothing kept) if it failed. The events' writes are sent together
     * (the statements of one kind in one JDBC batch where the service sets {@code jdbc.statement-batch-size}), not
     * flushed after each event; the persistence context is flushed and emptied every {@value #CLEAR_EVERY} events
     * only, so that the later events of a large batch do not dirty-check all the earlier ones' entities at every
     * flush, while the entities the events of a steady stream's small polls share (a directory's rows read for the
     * batch) stay loaded.
     */
    private boolean inOneTransaction(Channel channel, List<EventEnvelope> events,
                                     Consumer<List<EventEnvelope>> prepare, Consumer<EventEnvelope> handler) {
        int[] duplicates = {0};
        int[] handled = {0};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                duplicates[0] = 0;
                handled[0] = 0;
                ProcessedEvents.batch.set(new HashMap<>());
                prepare.accept(events);
                for (EventEnvelope event : events) {
                    ProcessedEvents.duplicateSeen.remove();
                    inSpan(channel, event, () -> handler.accept(event));
                    if (Boolean.TRUE.equals(ProcessedEvents.duplicateSeen.get())) {
                        duplicates[0]++;
                    }
                    if (++handled[0] % CLEAR_EVERY == 0) {
                        entityManager.flush();
                        entityManager.clear();
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.infof("A batch of %d events on %s failed (%s); processing them one by one", events.size(), channel,
                    e.getCause() == null ? e : e.getCause());
            return false;
        } finally {
            ProcessedEvents.duplicateSeen.remove();
            // what the batch's transaction logged means nothing outside it (rolled back, or committed)
            ProcessedEvents.batch.remove();
        }
        channel.duplicates().increment(duplicates[0]);
        channel.processed().increment(events.size() - duplicates[0]);
        return true;
    }

    /** Runs the work on one event in a span continuing the event's trace, with the event's ids in the MDC. */
    private void inSpan(Channel channel, EventEnvelope event, Runnable work) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("messaging.system", "kafka");
        attributes.put("messaging.operation.type", "process");
        attributes.put("messaging.destination.name", channel.topic());
        attributes.put("messaging.consumer.group.name", channel.group());
        attributes.put("messaging.message.id", event.id());
        attributes.put("secondment.event_type", event.type());
        attributes.put("secondment.ministry", event.ministry());
        MDC.put("eventId", event.id());
        MDC.put("eventType", event.type());
        if (event.ministry() != null) {
            MDC.put("ministry", event.ministry());
        }
        try {
            tracing.inSpan(channel.name() + " process", SpanKind.CONSUMER, event.traceparent(), attributes, work);
        } finally {
            MDC.remove("eventId");
            MDC.remove("eventType");
            MDC.remove("ministry");
        }
    }

    private Channel resolve(String name) {
        String prefix = "mp.messaging.incoming." + name;
        return new Channel(name,
                channels.getOptionalValue(prefix + ".topic", String.class).orElse(name),
                channels.getOptionalValue(prefix + ".group.id", String.class).orElse(null),
                consumedCounter(name, "processed"), consumedCounter(name, "duplicate"),
                Counter.builder("secondment.events.dead.lettered")
                        .description("Records given up and sent to the dead-letter topic, by channel")
                        .tag("channel", name).register(meters));
    }

    private Counter consumedCounter(String channel, String outcome) {
        return Counter.builder("secondment.events.consumed").description("Events consumed, by channel and outcome")
                .tag("consumer", channel).tag("outcome", outcome).register(meters);
    }

    private void processWithRetries(Channel channel, EventEnvelope event, Consumer<EventEnvelope> handler) {
        int attempts = config.consumer().retries() + 1;
        Outage outage = null;
        for (int attempt = 1; ; attempt++) {
            ProcessedEvents.duplicateSeen.remove();
            try {
                handler.accept(event);
                (Boolean.TRUE.equals(ProcessedEvents.duplicateSeen.get()) ? channel.duplicates() : channel.processed())
                        .increment();
                if (outage != null) {
                    LOG.infof("The database answers again: event %s on %s processed after %d s held", event.id(),
                            channel, Duration.ofNanos(System.nanoTime() - outage.since()).toSeconds());
                }
                return;
            } catch (MalformedEventException e) {
                deadLettered(channel, event, e);
                throw e;
            } catch (RuntimeException e) {
                if (databaseOutage.noticed(e).filter(DatabaseFailure.UNREACHABLE::equals).isPresent()) {
                    if (outage == null) {
                        // the outage itself is logged once by DatabaseOutage, for the whole service
                        outage = new Outage(System.nanoTime());
                        LOG.infof("Event %s on %s is held until the database answers; the records behind it wait",
                                event.id(), channel);
                    }
                    // not counted as an attempt: the event is not at fault
                    attempt--;
                    awaitDatabase(outage.nextDelay(config.consumer().retryDelay(), config.consumer().outageMaxDelay()));
                    continue;
                }
                if (attempt >= attempts) {
                    deadLettered(channel, event, e);
                    throw e;
                }
                LOG.warnf("Event %s (%s) on %s failed, attempt %d of %d, retrying: %s", event.id(), event.type(),
                        channel, attempt, attempts, e);
                pause(config.consumer().retryDelay());
            } finally {
                ProcessedEvents.duplicateSeen.remove();
            }
        }
    }

    /** Pauses for {@code atMost}, or less once DatabaseOutage's probe has seen the database answer again. */
    private void awaitDatabase(Duration atMost) {
        long until = System.nanoTime() + atMost.toNanos();
        try {
            do {
                Thread.sleep(100);
            } while (databaseOutage.inOutage() && System.nanoTime() < until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }

    private void pause(Duration pause) {
        long delay = pause.toMillis();
        try {
            Thread.sleep(delay + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry an event", e);
        }
    }

    private void deadLettered(Channel channel, EventEnvelope event, RuntimeException cause) {
        channel.deadLettered().increment();
        if (event == null) {
            LOG.errorf("Unreadable record on %s goes to the dead-letter topic: %s", channel, cause.getMessage());
        } else {
            LOG.errorf(cause, "Event %s (%s) on %s goes to the dead-letter topic: %s", event.id(), event.type(),
                    channel, cause.getMessage());
        }
    }

    /** A database outage met while processing one event: its start and the pause before the next try. */
    private static final class Outage {
        private final long since;
        private Duration delay;

        Outage(long since) {
            this.since = since;
        }

        long since() {
            return since;
        }

        /** The retry delay, doubled at each try up to {@code max}. */
        Duration nextDelay(Duration first, Duration max) {
            delay = delay == null ? first : delay.multipliedBy(2);
            if (delay.compareTo(max) > 0) {
                delay = max;
            }
            return delay;
        }
    }

    private record Channel(String name, String topic, String group, Counter processed, Counter duplicates,
                           Counter deadLettered) {

        @Override
        public String toString() {
            return name;
        }
    }
}
