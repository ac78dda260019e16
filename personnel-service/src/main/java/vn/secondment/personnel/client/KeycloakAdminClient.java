package vn.secondment.personnel.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.secondment.personnel.config.KeycloakAdminConfig;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's admin REST API as personnel-service uses it: create an official's user, give it a realm role, send
 * Keycloak's own "set your password" e-mail, enable or disable it. Plain {@link HttpClient} and Jackson, no admin
 * client library: five calls do not justify one. Logs name Keycloak's user ids, never usernames, e-mails or tokens.
 */
@ApplicationScoped
public class KeycloakAdminClient {

    private static final Logger LOG = Logger.getLogger(KeycloakAdminClient.class);
    private static final String JSON = "application/json";
    /** A token is renewed this long before Keycloak says it expires, so that no call carries an expired one. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(20);

    private final KeycloakAdminConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    private String token;
    private Instant tokenExpiry = Instant.MIN;

    public KeycloakAdminClient(KeycloakAdminConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean configured() {
        return config.enabled();
    }

    /** A new user for an official. */
    public record NewUser(String username, String email, String firstName, String lastName,
                          Map<String, List<String>> attributes) {
    }

    /** Creates the user (enabled, e-mail verified) and answers Keycloak's id of it. */
    public String createUser(NewUser user) {
        ObjectNode body = json.createObjectNode();
        body.put("username", user.username());
        body.put("email", user.email());
        body.put("emailVerified", true);
        body.put("enabled", true);
        body.put("firstName", user.firstName());
        body.put("lastName", user.lastName());
        body.set("attributes", json.valueToTree(user.attributes()));
        HttpResponse<String> response = send(admin("/users").POST(body(body)).header("Content-Type", JSON));
        if (response.statusCode() == 409) {
            throw new KeycloakUserExists(user.username());
        }
        if (response.statusCode() == 400) {
            // Keycloak's own validation (user profile): its message names the field, never a secret
            throw new KeycloakRefusedUser(read(response).path("errorMessage").asText("invalid user data"));
        }
        expect(response, 201, "create a user");
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new KeycloakUnavailable("Keycloak created a user but did not say where"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        LOG.infof("Created Keycloak user %s", id);
        return id;
    }

    /**
     * Gives the user a realm role. The role is looked up among the roles the user may be given, which
     * {@code manage-users} may read (the realm's own role list needs {@code view-realm}, which is not granted).
     */
    public void grantRealmRole(String userId, String role) {
        HttpResponse<String> available = send(admin("/users/" + userId + "/role-mappings/realm/available").GET());
        expect(available, 200, "list the realm roles a user may be given");
        JsonNode match = null;
        for (JsonNode candidate : read(available)) {
            if (role.equals(candidate.path("name").asText())) {
                match = candidate;
            }
        }
        if (match == null) {
            throw new KeycloakUnavailable("Keycloak's realm " + config.realm() + " has no realm role " + role
                    + " that personnel-service may give");
        }
        ObjectNode mapping = json.createObjectNode();
        mapping.put("id", match.path("id").asText());
        mapping.put("name", role);
        HttpResponse<String> response = send(admin("/users/" + userId + "/role-mappings/realm")
                .POST(body(json.createArrayNode().add(mapping))).header("Content-Type", JSON));
        expect(response, 204, "give a realm role");
    }

    /** Sends Keycloak's own e-mail asking the user to set their password. */
    public void sendSetPasswordEmail(String userId) {
        HttpResponse<String> response = send(admin("/users/" + userId + "/execute-actions-email?lifespan="
                + config.setPasswordLinkLifespan().toSeconds())
                .PUT(body(json.createArrayNode().add("UPDATE_PASSWORD"))).header("Content-Type", JSON));
        expect(response, 204, "send the set-password e-mail");
    }

    /**
     * Enables or disables the user. The whole user is read and written back: an update that leaves out the
     * attributes would drop them under Keycloak's user profile.
     */
    public void setEnabled(String userId, boolean enabled) {
        HttpResponse<String> current = send(admin("/users/" + userId).GET());
        if (current.statusCode() == 404 && !enabled) {
            LOG.infof("Keycloak user %s no longer exists: nothing to disable", userId);
            return;
        }
        expect(current, 200, "read a user");
        ObjectNode user = (ObjectNode) read(current);
        user.put("enabled", enabled);
        HttpResponse<String> response = send(admin("/users/" + userId).PUT(body(user))
                .header("Content-Type", JSON));
        expect(response, 204, enabled ? "enable a user" : "disable a user");
        LOG.infof("%s Keycloak user %s", enabled ? "Enabled" : "Disabled", userId);
    }

    /** Removes a user this service has just created and could not finish setting up. */
    public void deleteUser(String userId) {
        HttpResponse<String> response = send(admin("/users/" + userId).DELETE());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new KeycloakUnavailable("Keycloak did not delete user " + userId + " (HTTP "
                    + response.statusCode() + ")");
        }
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(at("/admin/realms/" + config.realm() + path))
                .timeout(config.requestTimeout())
                .header("Authorization", "Bearer " + token())
                .header("Accept", JSON);
    }

    private synchronized String token() {
        if (token != null && clock.instant().isBefore(tokenExpiry)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId()) + "&client_secret="
                + encode(config.clientSecret().orElse(""));
        HttpRequest request = HttpRequest.newBuilder(
                        at("/realms/" + config.realm() + "/protocol/openid-connect/token"))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != 200) {
            throw new KeycloakUnavailable("Keycloak refused a token to personnel-service's admin client "
                    + config.clientId() + " (HTTP " + response.statusCode() + "): check its secret");
        }
        JsonNode answer = read(response);
        token = answer.path("access_token").asText();
        tokenExpiry = clock.instant().plusSeconds(answer.path("expires_in").asLong(60)).minus(TOKEN_MARGIN);
        return token;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request.build());
        if (response.statusCode() == 401) {
            // a token Keycloak no longer accepts (restarted, keys rotated): one more try with a new one
            synchronized (this) {
                token = null;
            }
            HttpRequest first = request.build();
            response = exchange(HttpRequest.newBuilder(first, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                    .header("Authorization", "Bearer " + token()).build());
        }
        return response;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeycloakUnavailable("Keycloak at " + base() + " did not answer (" + e.getClass().getSimpleName()
                    + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakUnavailable("Interrupted while waiting for Keycloak", e);
        }
    }

    private void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() == status) {
            return;
        }
        if (response.statusCode() == 403) {
            throw new KeycloakUnavailable("Keycloak does not let personnel-service's admin client " + what
                    + " (HTTP 403): its service account needs realm-management's manage-users");
        }
        throw new KeycloakUnavailable("Keycloak could not " + what + " (HTTP " + response.statusCode() + ")");
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new KeycloakUnavailable("Keycloak's answer is not JSON", e);
        }
    }

    private HttpRequest.BodyPublisher body(JsonNode node) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(node), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        String url = config.url().orElseThrow(() -> new KeycloakUnavailable("Keycloak's admin API is not configured"))
                .toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A path below Keycloak's base URL, which may itself have a path (a Keycloak behind {@code /auth}). */
    private URI at(String path) {
        return URI.create(base() + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
