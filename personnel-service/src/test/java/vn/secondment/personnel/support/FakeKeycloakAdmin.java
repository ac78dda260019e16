package vn.secondment.personnel.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The few calls of Keycloak's admin API personnel-service makes, answered by an in-test HTTP server with Keycloak's
 * statuses and shapes, keeping users in memory: enough for the endpoint's rules. The real Keycloak is exercised by
 * e2e-tests. {@link #down} makes every answer a 503, as a Keycloak that is restarting gives.
 */
public class FakeKeycloakAdmin implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "fake-admin-secret";
    private static final String USERS = "/admin/realms/secondment/users";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keycloak's users by id. */
    public static final Map<String, ObjectNode> USERS_BY_ID = new ConcurrentHashMap<>();
    /** Realm roles given, by user id. */
    public static final Map<String, List<String>> ROLES = new ConcurrentHashMap<>();
    /** The required actions of every execute-actions e-mail sent, by user id. */
    public static final Map<String, String> EMAILS = new ConcurrentHashMap<>();
    public static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    public static volatile boolean down;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of("personnel.keycloak-admin.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "personnel.keycloak-admin.client-secret", SECRET,
                // the test drives the retries itself
                "personnel.keycloak-admin.retry-interval", "1h");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A user Keycloak already has, made by someone else. */
    public static void existingUser(String username) {
        ObjectNode user = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("username", username)
                .put("enabled", true);
        USERS_BY_ID.put(user.get("id").asText(), user);
    }

    public static ObjectNode userNamed(String username) {
        return USERS_BY_ID.values().stream().filter(user -> user.path("username").asText().equals(username))
                .findFirst().orElseThrow(() -> new AssertionError("no Keycloak user " + username));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(method + " " + path);
        if (down) {
            answer(exchange, 503, "{\"error\": \"unavailable\"}");
            return;
        }
        if (path.equals("/realms/secondment/protocol/openid-connect/token")) {
            boolean valid = body.contains("grant_type=client_credentials")
                    && body.contains("client_id=personnel-service-admin") && body.contains("client_secret=" + SECRET);
            answer(exchange, valid ? 200 : 401, valid ? "{\"access_token\": \"fake-token\", \"expires_in\": 300}"
                    : "{\"error\": \"unauthorized_client\"}");
            return;
        }
        if (!"Bearer fake-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "");
            return;
        }
        if (method.equals("POST") && path.equals(USERS)) {
            ObjectNode user = (ObjectNode) JSON.readTree(body);
            String username = user.path("username").asText();
            boolean taken = USERS_BY_ID.values().stream()
                    .anyMatch(existing -> existing.path("username").asText().equals(username));
            if (taken) {
                answer(exchange, 409, "{\"errorMessage\": \"User exists with same username\"}");
                return;
            }
            String id = UUID.randomUUID().toString();
            user.put("id", id);
            USERS_BY_ID.put(id, user);
            exchange.getResponseHeaders().set("Location", "http://keycloak" + USERS + "/" + id);
            answer(exchange, 201, "");
            return;
        }
        String[] parts = path.substring(Math.min(path.length(), USERS.length())).split("/");
        String id = parts.length > 1 ? parts[1] : "";
        ObjectNode user = USERS_BY_ID.get(id);
        if (!path.startsWith(USERS + "/") || user == null) {
            answer(exchange, 404, "{\"error\": \"User not found\"}");
            return;
        }
        String rest = path.substring(USERS.length() + 1 + id.length());
        switch (method + " " + rest) {
            case "GET /role-mappings/realm/available" -> answer(exchange, 200,
                    "[{\"id\": \"r1\", \"name\": \"officer\"}, {\"id\": \"r2\", \"name\": \"ministry-unit\"}]");
            case "POST /role-mappings/realm" -> {
                JsonNode roles = JSON.readTree(body);
                ROLES.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(roles.get(0).path("name").asText());
                answer(exchange, 204, "");
            }
            case "PUT /execute-actions-email" -> {
                EMAILS.put(id, JSON.readTree(body).toString());
                answer(exchange, 204, "");
            }
            case "GET " -> answer(exchange, 200, user.toString());
            case "PUT " -> {
                USERS_BY_ID.put(id, (ObjectNode) JSON.readTree(body));
                answer(exchange, 204, "");
            }
            case "DELETE " -> {
                USERS_BY_ID.remove(id);
                answer(exchange, 204, "");
            }
            default -> answer(exchange, 404, "{\"error\": \"unknown\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
