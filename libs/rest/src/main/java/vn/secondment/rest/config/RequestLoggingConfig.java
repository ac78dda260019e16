package vn.secondment.rest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** What every application logs about the requests it serves ({@code RequestLogContext}). */
@ConfigMapping(prefix = "secondment.http.logging")
public interface RequestLoggingConfig {

    /**
     * A request answered in this time or longer is logged at WARN with its method, route template, status and
     * duration. Server-Sent Event streams, which last as long as the client listens, are not.
     */
    @WithDefault("2s")
    Duration slowRequestThreshold();
}
