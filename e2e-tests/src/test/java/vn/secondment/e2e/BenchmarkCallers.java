package vn.secondment.e2e;

import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realm users made for a benchmark, {@code bench.caller1…n} with no role, so that a load through the gateway is
 * spread over callers and none of them reaches the per-caller rate limit (left on).
 */
final class BenchmarkCallers {

    private BenchmarkCallers() {
    }

    /** The callers' access tokens (the users are made through Keycloak's admin API, or found if they exist). */
    static List<String> tokens(Platform platform, int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String username = "bench.caller" + i;
            // an admin token for each user: the master realm's last a minute, less than 64 users on a busy machine
            int status = given().auth().oauth2(adminToken(platform)).contentType(ContentType.JSON)
                    .body("""
                            {"username": "%s", "enabled": true, "email": "%s@bench.example.vn", "emailVerified": true,
                             "firstName": "Bench", "lastName": "Caller %d",
                             "credentials": [{"type": "password", "value": "%s", "temporary": false}]}"""
                            .formatted(username, username, i, KeycloakTokens.DEV_PASSWORD))
                .when().post(platform.keycloakUrl() + "/admin/realms/secondment/users")
                .then().extract().statusCode();
            assertThat(status).as("creating " + username).isIn(201, 409);
            tokens.add(platform.tokens().forUser(username));
        }
        return tokens;
    }

    private static String adminToken(Platform platform) {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
            .when().post(platform.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
            .then().statusCode(200).extract().path("access_token");
    }
}
