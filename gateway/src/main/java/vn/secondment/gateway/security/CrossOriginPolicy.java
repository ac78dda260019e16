package vn.secondment.gateway.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Refuses to start with CORS open to every origin. Quarkus' own CORS filter does the work
 * ({@code quarkus.http.cors.*}, off by default); this only makes sure nobody configures {@code *}: the API
 * accepts bearer tokens, and any web page could then call it with a token it obtained.
 */
@ApplicationScoped
public class CrossOriginPolicy {

    void checkAtStartup(@Observes StartupEvent started,
                        @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
                        @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        requireNamedOrigins(enabled, origins.orElse(List.of()));
    }

    static void requireNamedOrigins(boolean enabled, List<String> origins) {
        if (enabled && origins.stream().map(String::strip).anyMatch("*"::equals)) {
            throw new IllegalStateException(
                    "quarkus.http.cors.origins must name the allowed origins; '*' is not accepted by the gateway");
        }
    }
}
