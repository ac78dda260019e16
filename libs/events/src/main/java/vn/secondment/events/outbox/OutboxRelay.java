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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends outbox events to Kafka in commit order with an idempotent producer, then marks them published.
 * <p>
 * It runs right after each commit that wrote events and, as a safety net, on a schedule (events survive a
 * broker outage and a crash between commit and send). A PostgreSQL advisory lock lets only one instance of
 * a service relay at a time, which keeps each aggregate's events in order. Delivery is at least once:
 * consumers are idempotent.
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
            do {
                wokenWhileDraining = false;
                while (!shuttingDown && relayBatch() == config.outbox().batchSize()) {
                    // a full batch: there may be more
                }
            } while (wokenWhileDraining);
        } catch (RuntimeException e) {
            publishFailures.increment();
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        } finally {
            draining.unlock();
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
        return QuarkusTransaction.requiringNew().call(() -> {
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
            if (!pending.isEmpty()) {
                send(pending);
            }
            return pending.size();
        });
    }

    /**
     * Sends a batch, each event in a span of its own that continues the trace of the request or event that wrote it;
     * the span's context travels in the record (header and envelope), so consumers continue the same trace.
     */
    private void send(List<OutboxEvent> pending) {
        String topic = config.outbox().topic().orElseThrow();
        List<Span> spans = new ArrayList<>(pending.size());
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
            for (OutboxEvent event : pending) {
                Span span = tracing.startSpan(topic + " publish", SpanKind.PRODUCER, event.traceparent, Map.of(
                        "messaging.system", "kafka",
                        "messaging.operation.type", "send",
                        "messaging.destination.name", topic,
                        "messaging.message.id", event.id.toString(),
                        "secondment.event_type", event.eventType));
                spans.add(span);
                acks.add(producer().send(toRecord(event, topic, config.source(), config.dataschemaBase(),
                        EventTracing.traceparentOf(span), codec)));
            }
            producer().flush();
            Instant now = clock.instant();
            for (int i = 0; i < pending.size(); i++) {
                OutboxEvent event = pending.get(i);
                try {
                    acks.get(i).get(config.outbox().sendTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
                    event.publishedAt = now;
                    published.increment();
                    spans.get(i).end();
                } catch (Exception e) {
                    // later events stay pending too, so the order is kept when the broker is back
                    String reason = e.getCause() != null ? e.getCause().toString() : e.toString();
                    pending.subList(i, pending.size()).forEach(p -> {
                        p.attempts++;
                        p.lastError = reason;
                    });
                    publishFailures.increment();
                    EventTracing.failed(spans.get(i), e.getCause() != null ? e.getCause() : e);
                    LOG.warnf("Kafka did not acknowledge event %s (%s, attempt %d); it and %d later events stay "
                            + "pending, relaying again later", event.id, reason, event.attempts, pending.size() - i - 1);
                    return;
                }
            }
        } finally {
            // spans of events not acknowledged (a failure above, or the producer refused to send) end here
            spans.forEach(Span::end);
        }
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
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            int sendTimeout = (int) config.outbox().sendTimeout().toMillis();
            // Kafka requires delivery.timeout >= linger + request.timeout; a request gets 40 % of the budget
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, sendTimeout * 2 / 5);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout * 2 / 5);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().replace("/", "") + "-outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
