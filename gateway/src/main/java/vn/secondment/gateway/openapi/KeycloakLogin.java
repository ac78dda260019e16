package vn.secondment.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds "log in with Keycloak" to a service's OpenAPI document, so the console's Authorize button offers the
 * OAuth2 authorization-code flow (public client, PKCE) next to pasting a token.
 * <p>
 * Every API call through the gateway needs a token, so the login is offered as an alternative wherever the
 * document asks for one, and globally. The document's {@code servers} are dropped: "Try it out" must call the
 * gateway, where the console was loaded from, not a service directly.
 */
final class KeycloakLogin {

    static final String SCHEME = "keycloak";

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String authorizationUrl;
    private final String tokenUrl;

    KeycloakLogin(URI keycloakUrl, String realm) {
        String realmUrl = keycloakUrl.toString().replaceAll("/+$", "") + "/realms/" + realm + "/protocol/openid-connect";
        this.authorizationUrl = realmUrl + "/auth";
        this.tokenUrl = realmUrl + "/token";
    }

    ObjectNode addTo(ObjectNode document) {
        ObjectNode schemes = document.withObject("/components/securitySchemes");
        List<String> bearerSchemes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> scheme : schemes.properties()) {
            if ("http".equals(scheme.getValue().path("type").asText())
                    && "bearer".equalsIgnoreCase(scheme.getValue().path("scheme").asText())) {
                bearerSchemes.add(scheme.getKey());
            }
        }
        schemes.set(SCHEME, loginScheme());

        for (JsonNode pathItem : document.path("paths")) {
            for (Map.Entry<String, JsonNode> operation : pathItem.properties()) {
                if (OPERATIONS.contains(operation.getKey()) && operation.getValue().path("security") instanceof ArrayNode own
                        && !own.isEmpty()) {
                    offer(own, SCHEME);
                }
            }
        }

        ArrayNode global = document.withArray("/security");
        offer(global, SCHEME);
        bearerSchemes.forEach(name -> offer(global, name));

        document.remove("servers");
        return document;
    }

    private ObjectNode loginScheme() {
        ObjectNode code = NODES.objectNode()
                .put("authorizationUrl", authorizationUrl)
                .put("tokenUrl", tokenUrl);
        code.putObject("scopes").put("openid", "Sign in with your platform account");
        ObjectNode scheme = NODES.objectNode()
                .put("type", "oauth2")
                .put("description", "Log in with the platform's Keycloak (authorization code with PKCE)");
        scheme.putObject("flows").set("authorizationCode", code);
        return scheme;
    }

    /** Adds "or use {@code scheme}" to a list of alternative security requirements, once. */
    private static void offer(ArrayNode requirements, String scheme) {
        for (JsonNode requirement : requirements) {
            if (requirement.has(scheme)) {
                return;
            }
        }
        requirements.addObject().putArray(scheme);
    }
}
