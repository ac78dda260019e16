package vn.secondment.e2e;

import static io.restassured.RestAssured.given;

/** Tokens from the real Keycloak server, obtained the way a developer does with curl. */
final class KeycloakTokens {

    /** The development password of the realm's sample users (never valid outside a local stack). */
    static final String DEV_PASSWORD = "dev-password";

    private final String tokenEndpoint;

    KeycloakTokens(String keycloakUrl) {
        this.tokenEndpoint = keycloakUrl + "/realms/secondment/protocol/openid-connect/token";
    }

    /** Password grant on the public development client {@code secondment-cli}. */
    String forUser(String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "secondment-cli")
                .formParam("username", username)
                .formParam("password", DEV_PASSWORD)
            .when()
                .post(tokenEndpoint)
            .then()
                .statusCode(200)
                .extract().path("access_token");
    }

    /** Client-credentials grant of another ministry's system. */
    String forClient(String clientId, String secret) {
        return given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
            .when()
                .post(tokenEndpoint)
            .then()
                .statusCode(200)
                .extract().path("access_token");
    }
}
