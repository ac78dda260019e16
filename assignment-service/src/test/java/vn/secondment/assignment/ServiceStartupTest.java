package vn.secondment.assignment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.OK;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The skeleton runs on real PostgreSQL (migrated), checks tokens itself and publishes its contract. */
@QuarkusTest
@WithRealInfrastructure
class ServiceStartupTest {

    @Test
    void isReadyWithItsDatabaseMigrated() {
        given()
            .when().get("/q/health/ready")
            .then().statusCode(OK.getStatusCode()).body("status", equalTo("UP"));
    }

    @Test
    void refusesApiRequestsWithoutAValidToken() {
        given()
            .when().get("/api/assignment/anything")
            .then().statusCode(UNAUTHORIZED.getStatusCode());
    }

    @Test
    void answersUnknownPathsWithProblemJson() {
        String token = TestTokens.user("viewer").roles(Roles.VIEWER).token();
        given().auth().oauth2(token)
            .when().get("/api/assignment/anything")
            .then().statusCode(NOT_FOUND.getStatusCode()).contentType("application/problem+json");
    }

    @Test
    void servesItsOpenApiDocument() {
        given().queryParam("format", "json")
            .when().get("/q/openapi")
            .then().statusCode(OK.getStatusCode()).body("info.title", equalTo("assignment-service"))
            .body("components.securitySchemes.keySet()", hasItem("bearer"));
    }
}
