package vn.secondment.events.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import io.smallrye.health.api.HealthGroup;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;
import vn.secondment.events.EventsConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Watches Kafka from this service: whether the broker answers, and the lag of each of this service's consumer groups
 * on each topic it reads (the records published and not yet committed by the group, measured from the broker as end
 * offsets minus committed offsets, so it is right also when the consumer itself is stuck or gone). Measured on a
 * schedule, never when asked: the lag gauges (NaN until the first measure, or while Kafka cannot be asked) and the
 * health group {@code platform}, which reports an unreachable broker and a stalled consumer (records waiting and the
 * group's committed offsets not moving). Readiness is left alone: the service still serves its API.
 */
@ApplicationScoped
@HealthGroup("platform")
public class KafkaMonitor implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(KafkaMonitor.class);
    private static final String PREFIX = "mp.messaging.incoming.";

    private final Map<String, Object> kafkaConfig;
    private final EventsConfig.Monitoring settings;
    private final Clock clock;
    private final Map<Subscription, Double> lag = new ConcurrentHashMap<>();
    private final Map<Subscription, Progress> progress = new ConcurrentHashMap<>();
    private volatile Instant brokerAnsweredAt;
    private volatile Instant brokerFailingSince;
    private volatile String brokerError;
    private final String clientId;
    private final List<Subscription> subscriptions;
    private final MeterRegistry meters;
    private final List<Gauge> gauges = new java.util.ArrayList<>();
    private Admin admin;

    public KafkaMonitor(Config config, EventsConfig events, MeterRegistry meters, Clock clock,
                        @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
        this.settings = events.monitoring();
        this.clock = clock;
        this.meters = meters;
        this.clientId = config.getOptionalValue("quarkus.application.name", String.class).orElse("platform")
                + "-lag-monitor";
        Set<String> excluded = Set.copyOf(events.monitoring().lagExcludedChannels().orElse(List.of()));
        this.subscriptions = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(PREFIX) && name.endsWith(".connector"))
                .filter(name -> "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse("")))
                .map(name -> name.substring(PREFIX.length(), name.length() - ".connector".length()))
                .filter(channel -> !excluded.contains(channel))
                .map(channel -> new Subscription(
                        config.getOptionalValue(PREFIX + channel + ".group.id", String.class)
                                .orElse(config.getOptionalValue("quarkus.application.name", String.class).orElse("")),
                        config.getOptionalValue(PREFIX + channel + ".topic", String.class).orElse(channel)))
                .distinct()
                .toList();
        for (Subscription subscription : subscriptions) {
            lag.put(subscription, Double.NaN);
            gauges.add(Gauge.builder("secondment.kafka.consumer.lag", lag,
                            values -> values.getOrDefault(subscription, Double.NaN))
                    .description("Records on the topic not yet processed (committed) by the consumer group")
                    .tag("group", subscription.group()).tag("topic", subscription.topic())
                    .register(meters));
        }
        gauges.add(Gauge.builder("secondment.kafka.broker.reachable", this, monitor -> monitor.brokerReachable() ? 1 : 0)
                .description("1 while the broker answered the last measure, 0 while it does not")
                .register(meters));
    }

    @Scheduled(every = "${platform.events.monitoring.interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        Instant now = clock.instant();
        try {
            admin().describeCluster().nodes().get(5, TimeUnit.SECONDS);
            if (!subscriptions.isEmpty()) {
                measureLag(now);
            }
            if (brokerFailingSince != null) {
                LOG.infof("Kafka answers again, after %d s", Duration.between(brokerFailingSince, now).toSeconds());
            }
            brokerAnsweredAt = now;
            brokerFailingSince = null;
            brokerError = null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lag.replaceAll((subscription, value) -> Double.NaN);
            if (brokerFailingSince == null) {
                brokerFailingSince = now;
                // once per outage; the health group and the gauge tell the rest
                LOG.warnf("Kafka does not answer (%s); measuring again every %s", e.toString(),
                        settings.interval());
            }
            brokerError = e.toString();
        }
    }

    private void measureLag(Instant now) throws Exception {
        Set<String> topics = subscriptions.stream().map(Subscription::topic).collect(Collectors.toSet());
        Map<String, TopicDescription> described = admin().describeTopics(topics).allTopicNames()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(topic -> topic.partitions().forEach(partition ->
                latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                .get(5, TimeUnit.SECONDS);
        for (Subscription subscription : subscriptions) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin()
                    .listConsumerGroupOffsets(subscription.group()).partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            long total = 0;
            long position = 0;
            for (var end : ends.entrySet()) {
                if (end.getKey().topic().equals(subscription.topic())) {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    long at = offset == null ? 0 : offset.offset();
                    // nothing committed yet: everything on the partition is still to be read
                    total += Math.max(0, end.getValue().offset() - at);
                    position += at;
                }
            }
            lag.put(subscription, (double) total);
            long committedPosition = position;
            boolean caughtUp = total == 0;
            progress.compute(subscription, (key, last) -> last == null || last.position() != committedPosition
                    || caughtUp ? new Progress(committedPosition, now) : last);
        }
    }

    /** Whether the broker answered the last measure (true before the first). */
    private boolean brokerReachable() {
        return brokerFailingSince == null;
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        var response = HealthCheckResponse.named("kafka");
        boolean up = true;
        if (brokerFailingSince != null) {
            long seconds = Duration.between(brokerFailingSince, now).toSeconds();
            up = seconds < settings.brokerUnreachableAfter().toSeconds();
            response.withData("brokerUnreachableForSeconds", seconds).withData("lastError", brokerError);
        }
        if (brokerAnsweredAt != null) {
            response.withData("brokerAnsweredAt", brokerAnsweredAt.toString());
        }
        for (Subscription subscription : subscriptions) {
            Progress last = progress.get(subscription);
            double waiting = lag.getOrDefault(subscription, Double.NaN);
            String key = subscription.group() + " on " + subscription.topic();
            if (last != null && !Double.isNaN(waiting) && waiting > 0) {
                long stalledFor = Duration.between(last.since(), now).toSeconds();
                if (stalledFor >= settings.consumerStalledAfter().toSeconds()) {
                    up = false;
                    response.withData(key, "stalled for " + stalledFor + " s with " + (long) waiting
                            + " records waiting");
                    continue;
                }
            }
            response.withData(key, Double.isNaN(waiting) ? "lag not measured" : "lag " + (long) waiting);
        }
        return response.status(up).build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> props = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                // the broker's address and security settings; consumer-only settings mean nothing to an admin client
                if (AdminClientConfig.configNames().contains(key)) {
                    props.put(key, value);
                }
            });
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
            admin = Admin.create(props);
        }
        return admin;
    }

    /** Also the gauges: the registry may outlive this application (tests restart it in one JVM). */
    @PreDestroy
    synchronized void close() {
        gauges.forEach(meters::remove);
        if (admin != null) {
            admin.close();
        }
    }

    /** A consumer group reading a topic. */
    record Subscription(String group, String topic) {
    }

    /** A group's committed position on a topic (summed over partitions) and since when it has not moved. */
    private record Progress(long position, Instant since) {
    }
}
