package vn.secondment.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;

/** E-mail settings ({@code notification.email.*}); the SMTP server itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "notification.email")
public interface EmailConfig {

    /** How often the sender looks for due mail (read by {@code @Scheduled} too). */
    @WithDefault("5s")
    String poll();

    /** The wait after the first failed attempt; each further failure doubles it. */
    @WithDefault("1m")
    Duration backoff();

    /** Attempts per message before it is given up. */
    @WithDefault("6")
    int maxAttempts();

    /** How long one message may take over SMTP before it counts as failed (and is tried again later). */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Messages one run of the sender claims at most. */
    @WithDefault("20")
    int batchSize();

    /** Where the mail's link points: the web inbox. */
    @WithDefault("http://localhost:8080/inbox")
    String inboxUrl();

    /** When the daily digest goes out, Vietnam time. */
    @WithDefault("07:00")
    LocalTime digestTime();

    /**
     * The {@code platform} health check is DOWN while the oldest waiting e-mail has been due longer than this (a
     * digest counts from its digest time): the SMTP server or the sender is stuck.
     */
    @WithDefault("15m")
    Duration maxQueueAge();
}
