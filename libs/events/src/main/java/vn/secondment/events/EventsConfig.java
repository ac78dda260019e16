package vn.secondment.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "platform.events")
public interface EventsConfig {

    /** CloudEvents {@code source} of the events this service publishes, e.g. {@code /personnel-service}. */
    String source();

    Outbox outbox();

    interface Outbox {

        /** The topic this service's outbox is relayed to (one topic per producing service). */
        String topic();

        /** How often the relay looks for events that were not relayed right after their commit. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Events sent per relay transaction. */
        @WithDefault("200")
        int batchSize();

        /**
         * How long the relay waits for Kafka to acknowledge an event before leaving it pending for the next
         * attempt (the producer retries within this time).
         */
        @WithDefault("25s")
        Duration sendTimeout();

        /** How long relayed events are kept in the outbox table (for audit and replay) before deletion. */
        @WithDefault("P7D")
        Duration retention();
    }
}
