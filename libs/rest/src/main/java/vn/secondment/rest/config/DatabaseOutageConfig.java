package vn.secondment.rest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How a service answers while its database is unreachable, too slow or locked ({@code DatabaseOutage}): 503 with
 * {@code Retry-After}. The bounds of the waits themselves are the datasource's settings (README "Database
 * timeouts").
 */
@ConfigMapping(prefix = "secondment.database")
public interface DatabaseOutageConfig {

    /** {@code Retry-After} of a 503 while the database is unreachable or a statement ran past its timeout. */
    @WithDefault("5s")
    Duration retryAfter();

    /** {@code Retry-After} of a 503 for a lock held too long by another change (lock timeout, deadlock). */
    @WithDefault("1s")
    Duration lockedRetryAfter();

    /** During an outage, how often the database is tried again, so that its return is noticed (and logged) at once. */
    @WithDefault("2s")
    Duration probeInterval();

    /** How long one such probe waits for the database's answer. */
    @WithDefault("2s")
    Duration probeTimeout();
}
