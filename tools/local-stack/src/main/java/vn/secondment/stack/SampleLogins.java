package vn.secondment.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The realm file's sample users, read from the file itself so the launcher's table never disagrees with it. */
final class SampleLogins {

    /** The development password of every sample user (development only, never deploy the realm file as is). */
    static final String DEVELOPMENT_PASSWORD = "dev-password";

    record SampleLogin(String username, List<String> roles, Optional<String> ministry, Optional<String> province,
                       String fullName) {
    }

    private SampleLogins() {
    }

    static JsonNode realm() {
        try (InputStream in = SampleLogins.class.getResourceAsStream(KeycloakDistribution.REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(KeycloakDistribution.REALM_RESOURCE + " is missing");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The people who can log in (service-account users of clients are left out). */
    static List<SampleLogin> all() {
        List<SampleLogin> logins = new ArrayList<>();
        for (JsonNode user : realm().path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            user.path("realmRoles").forEach(role -> roles.add(role.asText()));
            // Vietnamese order: family name first
            String fullName = (user.path("lastName").asText() + " " + user.path("firstName").asText()).trim();
            logins.add(new SampleLogin(user.path("username").asText(), List.copyOf(roles),
                    firstAttribute(user, "ministry"), firstAttribute(user, "province"), fullName));
        }
        return logins;
    }

    private static Optional<String> firstAttribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? Optional.of(values.get(0).asText()) : Optional.empty();
    }
}
