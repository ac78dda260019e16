package vn.secondment.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway's own settings. Every key can be overridden by its environment variable, e.g.
 * {@code gateway.routes.personnel.url} by {@code GATEWAY_ROUTES_PERSONNEL_URL}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * The services behind the gateway, by name. The name also names the service in errors
     * ({@code <name>-service is unavailable}) and its OpenAPI document ({@code /openapi/<name>}).
     */
    Map<String, Route> routes();

    /** Keycloak's base URL as browsers reach it: the OpenAPI console sends users there to log in. */
    @WithDefault("http://localhost:8180")
    URI keycloakUrl();

    /** The platform's Keycloak realm. */
    @WithDefault("secondment")
    String keycloakRealm();

    Timeouts timeouts();

    /**
     * {@code Retry-After} of the 503 answered when a service cannot be connected to (it is restarting, or no pod is
     * ready): long enough for a restart to finish, short enough for a client to come back soon.
     */
    @WithDefault("5s")
    Duration retryAfter();

    RateLimit rateLimit();

    Connections connections();

    TokenCache tokenCache();

    /** One service. */
    interface Route {

        /**
         * The path prefix the service serves its API under, e.g. {@code /api/personnel}. Requests under it are
         * forwarded with their path unchanged.
         */
        String prefix();

        /** The service's base URL, e.g. {@code http://localhost:8081}. */
        URI url();
    }

    /** How long the gateway waits for a service. */
    interface Timeouts {

        /** How long to wait for a connection to a service before answering 503. */
        @WithDefault("5s")
        Duration connect();

        /**
         * How long a service may take to start its answer (status and headers) before the gateway answers 504.
         * Once it has started, the body streams without a time limit: exports and Server-Sent Events are long.
         */
        @WithDefault("60s")
        Duration response();
    }

    /** A token bucket per caller: the token's subject, or the client address for calls without a token. */
    interface RateLimit {

        /** Whether callers are limited at all. */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second allowed to one caller. */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests one caller may make at once on top of the sustained rate (the bucket's size). */
        @WithDefault("100")
        int burst();
    }

    /** The connection pool towards the services. */
    interface Connections {

        /** Maximum open connections to one service; every streaming response (export, event stream) holds one. */
        @WithDefault("200")
        int maxPerService();
    }

    /** The tokens already verified, kept until they expire ({@code VerifiedTokens}). */
    interface TokenCache {

        /**
         * How many tokens are kept at most (one per active caller is enough); 0 verifies every request in full.
         * A kept token costs a few kilobytes.
         */
        @WithDefault("2000")
        int maxSize();
    }
}
