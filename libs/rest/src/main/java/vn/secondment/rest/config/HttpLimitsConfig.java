package vn.secondment.rest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The request limits every application answers with a problem+json ({@code HttpLayerProblems}). The HTTP decoder's
 * own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set above these by
 * secondment-rest, since what the decoder refuses gets an empty answer that nothing can give a body.
 */
@ConfigMapping(prefix = "secondment.http.limits")
public interface HttpLimitsConfig {

    /** The longest request URI (path and query, as sent) accepted; longer ones get 414. */
    @WithDefault("4096")
    int maxUriLength();

    /** The most bytes of request headers (names and values) accepted; more get 431. */
    @WithDefault("20480")
    int maxHeaderBytes();

    /**
     * Whether a body sent in chunks (no {@code Content-Length}) is read before the resource, within
     * {@code quarkus.http.limits.max-body-size}, so that going over it is a 413 problem. Off in the gateway, which
     * streams bodies through and counts them itself.
     */
    @WithDefault("true")
    boolean readChunkedBodies();
}
