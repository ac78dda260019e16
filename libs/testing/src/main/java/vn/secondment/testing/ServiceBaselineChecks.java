package vn.secondment.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service guarantees whatever its domain: it is ready on a migrated database, it checks tokens
 * itself, it answers unknown paths with problem+json, and it publishes its OpenAPI contract. A service's
 * test extends this class with {@code @QuarkusTest @WithRealInfrastructure} and names its API prefix.
 */
public abstract class ServiceBaselineChecks {

    /** The service's name, also its OpenAPI title, e.g. {@code personnel-service}. */
    protected abstract String serviceName();

    /** The path its API lives under, e.g. {@code /api/personnel}. */
    protected abstract String apiPrefix();

    @Test
    void isReadyWithItsDatabaseMigrated() {
        given()
            .when().get(ManagementInterface.url("/q/health/ready"))
            .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesNeitherMetricsNorHealthOnItsPublicPortWithOrWithoutAToken() {
        given().when().get(ManagementInterface.url("/q/metrics")).then().statusCode(200);
        String token = TestTokens.user("platform.admin").roles("platform-admin").token();
        for (String path : java.util.List.of("/q/metrics", "/q/health", "/q/health/ready")) {
            given().when().get(path).then().statusCode(404);
            given().auth().oauth2(token).when().get(path).then().statusCode(404);
        }
    }

    @Test
    void refusesApiRequestsWithoutAValidToken() {
        given()
            .when().get(apiPrefix() + "/no-such-resource")
            .then().statusCode(401);
        given().auth().oauth2(TestTokens.user("viewer").roles("viewer").audience("another-api").token())
            .when().get(apiPrefix() + "/no-such-resource")
            .then().statusCode(401);
    }

    @Test
    void answersUnknownPathsWithProblemJson() {
        given().auth().oauth2(TestTokens.user("viewer").roles("viewer").token())
            .when().get(apiPrefix() + "/no-such-resource")
            .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void answersWithSecurityHeadersProblemsIncluded() {
        given().auth().oauth2(TestTokens.user("viewer").roles("viewer").token())
            .when().get(apiPrefix() + "/no-such-resource")
            .then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
        given()
            .when().get(apiPrefix() + "/no-such-resource")
            .then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void servesItsOpenApiDocument() {
        given().queryParam("format", "json")
            .when().get("/q/openapi")
            .then().statusCode(200)
            .body("info.title", equalTo(serviceName()))
            .body("components.securitySchemes.keySet()", hasItem("bearer"));
    }
}
