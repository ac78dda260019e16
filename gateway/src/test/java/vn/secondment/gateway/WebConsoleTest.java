package vn.secondment.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.WithFakeServices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The web console's files and login settings, served by the gateway without a token, with headers that keep its
 * pages to themselves; the OpenAPI console keeps its own (it needs inline scripts).
 */
@QuarkusTest
@WithFakeServices
class WebConsoleTest {

    @Test
    void servesTheConsoleAtTheRootWithItsSecurityHeaders() {
        given()
            .when().get("/")
            .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8180"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("<script type=\"module\" src=\"/console/app.js\"></script>"))
                .body(containsString("<html lang=\"vi\">"));
        given()
            .when().get("/console/app.js")
            .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    @Test
    void tellsTheConsoleWhereToLogIn() {
        given()
            .when().get("/console/config.json")
            .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("keycloakUrl", equalTo("http://localhost:8180"))
                .body("realm", equalTo("secondment"))
                .body("clientId", equalTo("secondment-web"));
    }

    @Test
    void leavesTheOpenApiConsoleAndTheApiWithoutTheConsolesPolicy() {
        given()
            .when().get("/q/swagger-ui/")
            .then()
                .statusCode(200)
                .header("Content-Security-Policy", nullValue());
        given()
            .when().get("/api/personnel/officials")
            .then()
                .statusCode(401)
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void anUnknownConsoleFileIsNotFound() {
        given().when().get("/console/no-such-file.js").then().statusCode(404);
    }
}
