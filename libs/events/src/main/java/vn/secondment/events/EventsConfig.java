package vn.secondment.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "platform.events")
public interface EventsConfig {

    /** CloudEvents {@code source} of the events this service publishes, e.g. {@code /personnel-service}. */
    String source();

    /**
     * The public address of the gateway, which serves the JSON Schema of every event's payload: each event's
     * {@code dataschema} is this followed by {@code /dataschema/<type>/v<schemaversion>.json}. The default is the
     * local stack's gateway; docker-compose.yml and k8s set their public URL.
     */
    @WithDefault("http://localhost:8080")
    String dataschemaBase();

    Outbox outbox();

    Consumer consumer();

    Monitoring monitoring();

    interface Consumer {

        /**
         * How often a consumer tries an event again after a failure that is not the event's fault (a lock or
         * connection problem), each time in a new transaction, before it goes to the dead-letter topic.
         */
        @WithDefault("5")
        int retries();

        /** The pause before each retry; a random part of up to half of it is added, so retries spread out. */
        @WithDefault("500ms")
        Duration retryDelay();

        /**
         * While the database does not answer, an event is held and tried again (not counted as a retry, never
         * dead-lettered for it), the pause doubling from {@link #retryDelay()} up to this.
         */
        @WithDefault("5s")
        Duration outageMaxDelay();
    }

    interface Monitoring {

        /** How often the outbox's pending events and the consumer groups' lag are measured for the metrics. */
        @WithDefault("15s")
        String interval();

        /**
         * When the outbox's oldest pending event is older than this, the health group {@code platform} reports the
         * relay as stuck (readiness is not affected: the service still serves).
         */
        @WithDefault("5m")
        Duration outboxStuckAfter();

        /** When Kafka has not answered this long, the health group {@code platform} reports the broker unreachable. */
        @WithDefault("1m")
        Duration brokerUnreachableAfter();

        /**
         * When a consumer group has records waiting and its committed offsets have not moved this long, the health
         * group {@code platform} reports it stalled.
         */
        @WithDefault("2m")
        Duration consumerStalledAfter();

        /**
         * Incoming channels whose lag is not measured: those with a consumer group of their own per instance, whose
         * name would make the metric's labels grow without bound.
         */
        Optional<java.util.List<String>> lagExcludedChannels();
    }

    interface Outbox {

        /**
         * The topic this service's outbox is relayed to (one topic per producing service); none for a service that
         * publishes no events (notification-service), whose relay then never connects.
         */
        Optional<String> topic();

        /** How often the relay looks for events that were not relayed right after their commit. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Events sent per relay transaction. */
        @WithDefault("200")
        int batchSize();

        /**
         * How long the producer keeps trying to deliver an event (resending it under the same idempotent sequence
         * number, which the broker deduplicates) before it gives up. The relay waits for that outcome and never sends
         * an event again while its first send may still arrive: a broker away for less than this leaves no duplicate.
         */
        @WithDefault("5m")
        Duration deliveryTimeout();

        /**
         * How long one produce request may go unanswered before the producer drops the connection and sends the
         * same batch again; also the longest a send may block waiting for the topic's metadata.
         */
        @WithDefault("10s")
        Duration requestTimeout();

        /** How long relayed events are kept in the outbox table (for audit and replay) before deletion. */
        @WithDefault("P7D")
        Duration retention();
    }
}
