package vn.secondment.events.inbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * Readiness that includes the event consumers: a service is ready only once each of its consumer channels has
 * joined its consumer group (its first rebalance completed), so an event published right after the service
 * reports ready is not left waiting for the group to form. A channel takes part with
 * {@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name=platform-consumer-readiness}.
 */
@Readiness
@ApplicationScoped
@Identifier(ConsumerReadiness.LISTENER)
public class ConsumerReadiness implements KafkaConsumerRebalanceListener, HealthCheck {

    public static final String LISTENER = "platform-consumer-readiness";
    private static final String SUFFIX = ".consumer-rebalance-listener.name";

    private final long expectedConsumers;
    private final Set<String> joinedMembers = ConcurrentHashMap.newKeySet();

    public ConsumerReadiness(Config config) {
        this.expectedConsumers = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.incoming.") && name.endsWith(SUFFIX))
                .filter(name -> LISTENER.equals(config.getOptionalValue(name, String.class).orElse("")))
                .count();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // each position resolved now (committed offset, or the reset policy), so that a record published once the
        // service reports ready is read, also by a channel that starts from the latest offset
        partitions.forEach(consumer::position);
        // an empty assignment also counts: with more instances than partitions some members get none
        joinedMembers.add(consumer.groupMetadata().memberId());
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event consumers joined their groups")
                .status(joinedMembers.size() >= expectedConsumers)
                .withData("expected", expectedConsumers)
                .withData("joined", joinedMembers.size())
                .build();
    }
}
