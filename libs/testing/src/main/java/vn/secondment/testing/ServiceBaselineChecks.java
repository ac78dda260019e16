package vn.secondment.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every service guarantees whatever its domain: it is ready on a migrated database, it checks tokens
 * itself, it answers every error with problem+json and an {@code X-Request-Id} (the HTTP layer's own refusals
 * included: no token, a URI or headers too long), and it publishes its OpenAPI contract. A service's
 * test extends this class with {@code @QuarkusTest @WithRealInfrastructure} and names its API prefix.
 */
public abstract class ServiceBaselineChecks {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String REQUEST_ID = "X-Request-Id";

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
    void answersWithoutAValidTokenWithAProblemAndARequestId() {
        given()
            .when().get(apiPrefix() + "/no-such-resource")
            .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header(REQUEST_ID, notNullValue())
                .body("status", equalTo(401))
                .body("type", equalTo("https://secondment.gov.vn/problems/unauthenticated"));
        given().auth().oauth2("abc.def.ghi")
            .when().get(apiPrefix() + "/no-such-resource")
            .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header(REQUEST_ID, notNullValue())
                .body("status", equalTo(401));
    }

    @Test
    void echoesTheCallersRequestIdOrGivesOne() {
        given().auth().oauth2(TestTokens.user("viewer").roles("viewer").token()).header(REQUEST_ID, "call-42")
            .when().get(apiPrefix() + "/no-such-resource")
            .then().statusCode(404).header(REQUEST_ID, "call-42");
        given().header(REQUEST_ID, "x\" level=ERROR msg=\"forged")
            .when().get(apiPrefix() + "/no-such-resource")
            .then().statusCode(401).header(REQUEST_ID, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void answersAUriTooLongWithAProblem() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET " + apiPrefix() + "/no-such-resource?q="
                + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close");
        assertProblem(answer, 414);
    }

    @Test
    void answersHeadersTooLargeWithAProblem() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET " + apiPrefix() + "/no-such-resource HTTP/1.1"
                + "\r\nHost: localhost\r\nX-Padding: " + "a".repeat(30_000) + "\r\nConnection: close");
        assertProblem(answer, 431);
    }

    @Test
    void answersABodyOverTheLimitSentInChunksWithAProblem() {
        // more than the largest limit of any service (16 MiB); nothing announces the size
        for (int attempt = 0; attempt < 2; attempt++) {
            RawHttp.Answer answer = RawHttp.sendChunked(RestAssured.port, "POST " + apiPrefix() + "/no-such-resource"
                    + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                    + TestTokens.user("viewer").roles("viewer").token(), 17L * 1024 * 1024);
            assertProblem(answer, 413);
        }
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).isEqualTo(PROBLEM_JSON);
        assertThat(answer.header(REQUEST_ID)).as(answer.toString()).isNotBlank();
        assertThat(answer.body()).contains("\"status\":" + status);
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
