package vn.secondment.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The live inbox stream (Server-Sent Events). */
@ConfigMapping(prefix = "notification.stream")
public interface StreamConfig {

    /**
     * How often an idle stream sends a comment line. Proxies and load balancers close a connection that is silent
     * for a while (often 30 to 60 s); mobile networks drop idle ones too. Keep it under the shortest idle timeout.
     */
    @WithDefault("25s")
    Duration heartbeat();
}
