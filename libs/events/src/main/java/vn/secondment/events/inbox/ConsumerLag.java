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
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import vn.secondment.events.EventsConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The lag of each of this service's consumer groups on each topic it reads: the records published and not yet
 * committed by the group, measured from the broker (end offsets minus committed offsets), so it is right also when the
 * consumer itself is stuck or gone. Measured on a schedule; NaN until the first measure, or while Kafka cannot be
 * asked.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final String PREFIX = "mp.messaging.incoming.";

    private final Map<String, Object> kafkaConfig;
    private final Map<Subscription, Double> lag = new ConcurrentHashMap<>();
    private final String clientId;
    private final List<Subscription> subscriptions;
    private final MeterRegistry meters;
    private final List<Gauge> gauges = new java.util.ArrayList<>();
    private Admin admin;

    public ConsumerLag(Config config, EventsConfig events, MeterRegistry meters,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
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
    }

    @Scheduled(every = "${platform.events.monitoring.interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        if (subscriptions.isEmpty()) {
            return;
        }
        Set<String> topics = subscriptions.stream().map(Subscription::topic).collect(Collectors.toSet());
        try {
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
                for (var end : ends.entrySet()) {
                    if (end.getKey().topic().equals(subscription.topic())) {
                        OffsetAndMetadata position = committed.get(end.getKey());
                        // nothing committed yet: everything on the partition is still to be read
                        total += Math.max(0, end.getValue().offset() - (position == null ? 0 : position.offset()));
                    }
                }
                lag.put(subscription, (double) total);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lag.replaceAll((subscription, value) -> Double.NaN);
            LOG.debugf("Consumer lag not measured: %s", e.toString());
        }
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
}
