package vn.secondment.gateway.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web console's two needs from the gateway besides its static files (META-INF/resources): where to log in
 * ({@code GET /console/config.json}: Keycloak's browser-facing URL, the realm and the {@code secondment-web} public
 * client) and the headers that keep its pages to themselves: scripts and styles only from the gateway, calls only to
 * the gateway and Keycloak, never framed, no referrer (the login code is in the URL on return from Keycloak).
 */
@ApplicationScoped
public class WebConsole {

    public static final String CONFIG_PATH = "/console/config.json";
    public static final String CLIENT_ID = "secondment-web";
    /** The console's paths (its page, its files): not the API, the OpenAPI console or the contracts. */
    public static final List<String> PATHS = List.of("/", "/index.html", "/console/*");

    private final String config;
    private final String contentSecurityPolicy;

    public WebConsole(GatewayConfig gateway, ObjectMapper json) throws Exception {
        String keycloak = gateway.keycloakUrl().toString().replaceAll("/+$", "");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("keycloakUrl", keycloak);
        values.put("realm", gateway.keycloakRealm());
        values.put("clientId", CLIENT_ID);
        this.config = json.writeValueAsString(values);
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + origin(gateway.keycloakUrl()) + "; frame-ancestors 'none'; "
                + "base-uri 'self'; form-action 'self'; object-src 'none'";
    }

    /** {@code GET /console/config.json}: public, as the login page it points to is. */
    public void config(RoutingContext context) {
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(config);
    }

    /** The console's pages and files: the security headers, then Quarkus' static handler. */
    public void secure(RoutingContext context) {
        context.response()
                .putHeader("Content-Security-Policy", contentSecurityPolicy)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                // always revalidated: a new release's files are picked up at the next load
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        context.next();
    }


    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getAuthority();
    }
}
