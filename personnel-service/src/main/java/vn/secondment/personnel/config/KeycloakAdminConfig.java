package vn.secondment.personnel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Keycloak's admin API, through which officials are given logins ({@code POST /officials/{id}/login}). Without a
 * URL or a client secret the feature is off: giving a login answers 503 saying so, the rest of the service runs.
 */
@ConfigMapping(prefix = "personnel.keycloak-admin")
public interface KeycloakAdminConfig {

    /** Keycloak's base URL as this service reaches it, e.g. {@code http://keycloak:8080}; absent: logins are off. */
    Optional<URI> url();

    /** The realm the platform's users live in. */
    @WithDefault("secondment")
    String realm();

    /** The confidential client whose service account holds realm-management's {@code manage-users}. */
    @WithDefault("personnel-service-admin")
    String clientId();

    /** That client's secret; absent: logins are off. */
    Optional<String> clientSecret();

    /** How long to wait for a connection to Keycloak. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** How long to wait for one answer of Keycloak. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long the link in the "set your password" e-mail stays valid. */
    @WithDefault("72h")
    Duration setPasswordLinkLifespan();

    /**
     * How often logins whose disabling Keycloak did not take (it was unreachable when their official was
     * deactivated) are tried again.
     */
    @WithDefault("1m")
    Duration retryInterval();

    /** Whether the feature is configured. */
    default boolean enabled() {
        return url().isPresent() && clientSecret().filter(secret -> !secret.isBlank()).isPresent();
    }
}
