package vn.secondment.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Webhook delivery settings ({@code notification.webhooks.*}). */
@ConfigMapping(prefix = "notification.webhooks")
public interface WebhookConfig {

    /** How often the sender looks for due deliveries (read by {@code @Scheduled} too). */
    @WithDefault("2s")
    String poll();

    /** How long one POST may take, connection included, before it counts as a failed attempt. */
    @WithDefault("5s")
    Duration timeout();

    /** The wait after the first failed attempt; each further failure doubles it. */
    @WithDefault("10s")
    Duration backoff();

    /** Attempts per delivery before it is given up. */
    @WithDefault("8")
    int maxAttempts();

    /** Consecutive failed attempts (any delivery) after which the subscription is disabled. */
    @WithDefault("20")
    int disableAfter();

    /**
     * Hosts (names or IP literals) webhooks may target although they are internal or plain http, e.g.
     * {@code 127.0.0.1} for the local stack's and the tests' receivers. Empty in production.
     */
    Optional<Set<String>> allowedTargets();

    /** Deliveries one run of the sender claims at most. */
    @WithDefault("20")
    int batchSize();

    /**
     * The {@code platform} health check is DOWN while the oldest delivery waiting for an active webhook was queued
     * longer ago than this: the sender is stuck, or a receiver keeps failing.
     */
    @WithDefault("15m")
    Duration maxQueueAge();
}
