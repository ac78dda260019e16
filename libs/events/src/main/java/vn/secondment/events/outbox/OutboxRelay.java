package vn.secondment.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.EventType;
import vn.secondment.events.EventsConfig;
import vn.secondment.events.tracing.EventTracing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends outbox events to Kafka in commit order with an idempotent producer, then marks them published.
 * <p>
 * It runs right after each commit that wrote events and, as a safety net, on a schedule (events survive a
 * broker outage and a crash between commit and send). A PostgreSQL advisory lock lets only one instance of
 * a service relay at a time, which keeps each aggregate's events in order.
 * <p>
 * An event is published once in the ordinary failures (a broker slow, restarting or unreachable for minutes): the
 * relay waits for the producer's own outcome of each send, which retries under the same idempotent sequence number
 * until {@code platform.events.outbox.delivery-timeout}, and sends an event again only after that outcome was a
 * failure. Delivery stays at least once (a crash, or an outage longer than the delivery timeout, may still repeat an
 * event): consumers are idempotent by the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant key of the advisory lock that serialises relays of one service's database. */
    private static final long RELAY_LOCK = 0x5ec0_0e7L;

    private final EntityManager entityManager;
    private final EventsConfig config;
    private final EventCodec codec;
    private final ManagedExecutor executor;
    private final Map<String, Object> kafkaConfig;
    private final Clock clock;
    private final EventTracing tracing;
    private final Counter published;
    private final Counter publishFailures;
    private final ReentrantLock draining = new ReentrantLock();
    private volatile boolean wokenWhileDraining;
    private volatile boolean shuttingDown;
    /** When the current run of failed relay attempts began (null while relaying works); guarded by draining. */
    private Instant failingSince;
    private boolean failedThisDrain;
    private Producer<String, String> producer;

    public OutboxRelay(EntityManager entityManager, EventsConfig config, EventCodec codec, ManagedExecutor executor,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Clock clock,
                       EventTracing tracing, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.config = config;
        this.codec = codec;
        this.executor = executor;
        this.kafkaConfig = kafkaConfig;
        this.clock = clock;
        this.tracing = tracing;
        this.published = Counter.builder("secondment.outbox.published")
                .description("Outbox events Kafka acknowledged").register(meters);
        this.publishFailures = Counter.builder("secondment.outbox.publish.failures")
                .description("Relay attempts that left events pending (Kafka refused, timed out or was unreachable)")
                .register(meters);
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        executor.execute(this::drain);
    }

    @Scheduled(every = "${platform.events.outbox.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
    }

    /**
     * Connects the producer and reads the topic's metadata in the background at start, so the first event does
     * not pay for it; if Kafka is down the relay simply retries later.
     */
    void onStart(@Observes StartupEvent startup) {
        config.outbox().topic().ifPresent(topic -> executor.execute(() -> {
            try {
                producer().partitionsFor(topic);
            } catch (RuntimeException e) {
                LOG.infof("Kafka not reachable yet for topic %s: %s", topic, e.getMessage());
            }
        }));
    }

    /** Stops relaying before the database goes away; what is pending is relayed by the next start. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
        closeProducer();
    }

    /** Relays everything pending; returns at once if another thread is already relaying. */
    public void drain() {
        if (shuttingDown || config.outbox().topic().isEmpty()) {
            return;
        }
        if (!draining.tryLock()) {
            wokenWhileDraining = true;
            return;
        }
        try {
            failedThisDrain = false;
            do {
                wokenWhileDraining = false;
                while (!shuttingDown && relayBatch() == config.outbox().batchSize()) {
                    // a full batch: there may be more
                }
            } while (wokenWhileDraining);
            if (!failedThisDrain && failingSince != null) {
                LOG.infof("Outbox relay works again, after %d s of failed attempts",
                        Duration.between(failingSince, clock.instant()).toSeconds());
                failingSince = null;
            }
        } catch (RuntimeException e) {
            publishFailures.increment();
            failed("Outbox relay paused (" + e.getMessage() + ")");
        } finally {
            draining.unlock();
        }
    }

    /**
     * One WARN per run of failures (an outage of Kafka or the database), not one per attempt every poll interval;
     * the rest at DEBUG, the metrics and the health group tell how it goes on, and recovery is logged once.
     */
    private void failed(String what) {
        failedThisDrain = true;
        if (failingSince == null) {
            failingSince = clock.instant();
            LOG.warnf("%s; relaying again every %s, further failures logged at DEBUG until it works", what,
                    config.outbox().pollInterval());
        } else {
            LOG.debug(what);
        }
    }

    @Scheduled(every = "1h", delayed = "1m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldPublishedEvents() {
        if (shuttingDown) {
            return;
        }
        Instant cutoff = clock.instant().minus(config.outbox().retention());
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("delete from OutboxEvent e where e.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
        if (deleted > 0) {
            LOG.debugf("Deleted %d relayed outbox events older than %s", deleted, cutoff);
        }
    }

    private int relayBatch() {
        // the transaction (and its advisory lock) lasts as long as the wait for the producer's outcome
        int timeout = Math.toIntExact(config.outbox().deliveryTimeout().toSeconds() + 60);
        return QuarkusTransaction.requiringNew().timeout(timeout).call(() -> {
            Boolean locked = (Boolean) entityManager
                    .createNativeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> pending = entityManager
                    .createQuery("from OutboxEvent e where e.publishedAt is null order by e.seq", OutboxEvent.class)
                    .setMaxResults(config.outbox().batchSize())
                    .getResultList();
            boolean allTaken = pending.isEmpty() || send(pending);
            // after a failure, the next attempt waits for the poll rather than retrying at once
            return allTaken ? pending.size() : 0;
        });
    }

    /**
     * Sends a batch, each event in a span of its own that continues the trace of the request or event that wrote it;
     * the span's context travels in the record (header and envelope), so consumers continue the same trace.
     *
     * @return whether Kafka took every event
     */
    private boolean send(List<OutboxEvent> pending) {
        String topic = config.outbox().topic().orElseThrow();
        List<Span> spans = new ArrayList<>(pending.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
        RuntimeException refused = null;
        try {
            for (OutboxEvent event : pending) {
                Span span = tracing.startSpan(topic + " publish", SpanKind.PRODUCER, event.traceparent, Map.of(
                        "messaging.system", "kafka",
                        "messaging.operation.type", "send",
                        "messaging.destination.name", topic,
                        "messaging.message.id", event.id.toString(),
                        "secondment.event_type", event.eventType));
                spans.add(span);
                try {
                    acks.add(producer().send(toRecord(event, topic, config.source(), config.dataschemaBase(),
                            EventTracing.traceparentOf(span), codec)));
                } catch (RuntimeException e) {
                    // not handed to the producer (no metadata within the request timeout, or stopping): this and
                    // later events stay pending, after the outcome of those already handed over is known
                    refused = e;
                    EventTracing.failed(span, e);
                    break;
                }
            }
            boolean allTaken = awaitOutcomes(pending.subList(0, acks.size()), acks, spans);
            if (refused != null) {
                for (OutboxEvent event : pending.subList(acks.size(), pending.size())) {
                    event.attempts++;
                    event.lastError = refused.toString();
                }
                publishFailures.increment();
                failed("Kafka did not take events from " + pending.get(acks.size()).id + " on (" + refused
                        + "); " + (pending.size() - acks.size()) + " events stay pending");
            }
            return allTaken && refused == null;
        } finally {
            // spans of events not acknowledged end here
            spans.forEach(Span::end);
        }
    }

    /**
     * Waits for the producer's final word on every event sent (it has one within the delivery timeout), so none is
     * sent again while it may still arrive. Acknowledged events are marked published, even after a failed one: they
     * are on the topic, and sending them again would repeat them. A refused event stays pending with its error.
     */
    private boolean awaitOutcomes(List<OutboxEvent> pending, List<Future<RecordMetadata>> acks, List<Span> spans) {
        long waitMillis = config.outbox().deliveryTimeout().toMillis() + 5_000;
        Instant now = clock.instant();
        int failures = 0;
        String firstFailure = null;
        for (int i = 0; i < pending.size(); i++) {
            OutboxEvent event = pending.get(i);
            try {
                acks.get(i).get(waitMillis, TimeUnit.MILLISECONDS);
                event.publishedAt = now;
                published.increment();
                spans.get(i).end();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka", e);
            } catch (Exception e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                event.attempts++;
                event.lastError = cause.toString();
                publishFailures.increment();
                EventTracing.failed(spans.get(i), cause);
                if (failures++ == 0) {
                    firstFailure = "event " + event.id + " (" + event.lastError + ", attempt " + event.attempts + ")";
                }
            }
        }
        if (failures > 0) {
            failed("Kafka did not take " + failures + " of " + pending.size() + " events, first " + firstFailure
                    + "; they stay pending");
        }
        return failures == 0;
    }

    /**
     * The Kafka record of an outbox event, exactly as the relay sends it (public so the contract tests of libs/events
     * put the same records on a broker).
     *
     * @param dataschemaBase the gateway's public address, which serves the payload's schema
     * @param traceparent    the W3C trace context of the publish (null if not traced): the envelope's
     *                       {@code traceparent} attribute and the record's {@code traceparent} header
     */
    public static ProducerRecord<String, String> toRecord(OutboxEvent event, String topic, String source,
                                                          String dataschemaBase, String traceparent,
                                                          EventCodec codec) {
        EventEnvelope envelope;
        try {
            envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, event.id.toString(), source,
                    event.eventType, event.aggregateId, event.occurredAt, EventEnvelope.JSON,
                    dataschema(dataschemaBase, event), event.ministry, event.schemaVersion,
                    traceparent, codec.readTree(event.payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox event " + event.id + " has an unreadable payload", e);
        }
        // no record timestamp of ours: the producer stamps the time of sending. The event's own time (which the
        // service's clock gives, and may lie far from the broker's) is in the envelope; Kafka measures retention and
        // its timestamp bounds against the record's
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId,
                codec.encode(envelope));
        // structured mode of the CloudEvents Kafka binding: the value is the whole event, as webhooks send it
        record.headers().add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        // two attributes as headers too, so routers can filter without parsing the value
        record.headers().add("ce_id", event.id.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", event.eventType.getBytes(StandardCharsets.UTF_8));
        // W3C trace context, as any Kafka instrumentation reads it; the envelope carries the same for replays
        if (traceparent != null) {
            record.headers().add(EventTracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static String dataschema(String base, OutboxEvent event) {
        String prefix = base.endsWith("/") ? base : base + "/";
        return prefix + EventType.schemaPath(event.eventType, event.schemaVersion);
    }

    private synchronized Producer<String, String> producer() {
        if (shuttingDown) {
            throw new IllegalStateException("The relay is stopping");
        }
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            int requestTimeout = Math.toIntExact(config.outbox().requestTimeout().toMillis());
            // Kafka requires delivery.timeout >= linger + request.timeout
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(Math.max(
                    config.outbox().deliveryTimeout().toMillis(), requestTimeout)));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeout);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().replace("/", "") + "-outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /**
     * Gives sends in flight a few seconds, then fails them: a relay waiting out a broker outage must not hold the
     * shutdown for the delivery timeout. Their events stay pending for the next start.
     */
    @PreDestroy
    synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
