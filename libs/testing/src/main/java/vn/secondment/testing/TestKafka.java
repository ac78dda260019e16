package vn.secondment.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.ConfigProvider;

/** A client of the test JVM's real Kafka broker, for publishing and reading records in tests. */
public final class TestKafka {

    private TestKafka() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
