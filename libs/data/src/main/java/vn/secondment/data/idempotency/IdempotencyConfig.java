package vn.secondment.data.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "platform.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered: a retry after that is a new request. */
    @WithDefault("P1D")
    Duration retention();
}
