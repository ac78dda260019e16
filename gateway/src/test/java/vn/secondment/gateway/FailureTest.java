package vn.secondment.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.FakePersonnelService;
import vn.secondment.gateway.support.WithFakeServices;
import vn.secondment.testing.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.BAD_GATEWAY;
import static jakarta.ws.rs.core.Response.Status.GATEWAY_TIMEOUT;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.OK;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithFakeServices
class FailureTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @FakePersonnelService
    WireMockServer personnel;

    private final String token = TestTokens.user("bnv.admin").ministry("BNV").token();

    @BeforeEach
    void answerEverything() {
        personnel.resetAll();
        personnel.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(OK.getStatusCode())));
    }

    @Test
    void answersAnUnknownApiPrefixWithANotFoundProblem() {
        given()
                .auth().oauth2(token)
            .when()
                .get("/api/payroll/salaries")
            .then()
                .statusCode(NOT_FOUND.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/not-found"))
                .body("detail", equalTo("No service serves /api/payroll/salaries"));
    }

    @Test
    void matchesPrefixesOnWholePathSegments() {
        given()
                .auth().oauth2(token)
            .when()
                .get("/api/personnelx/officials")
            .then()
                .statusCode(NOT_FOUND.getStatusCode())
                .contentType(PROBLEM_JSON);

        personnel.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void namesAServiceThatRefusesConnectionsInABadGatewayProblem() {
        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "assign-1")
            .when()
                .post("/api/assignment/assignments")
            .then()
                .statusCode(BAD_GATEWAY.getStatusCode())
                .contentType(PROBLEM_JSON)
                .header("X-Request-Id", "assign-1")
                .body("type", equalTo("https://secondment.gov.vn/problems/service-unavailable"))
                .body("status", equalTo(502))
                .body("detail", equalTo("assignment-service is unavailable"));
    }

    @Test
    void givesUpOnAServiceThatCannotBeReachedWithinTheConnectTimeout() {
        given()
                .auth().oauth2(token)
            .when()
                .get("/api/notification/messages")
            .then()
                .time(lessThan(4_000L))
                .statusCode(BAD_GATEWAY.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("notification-service is unavailable"));
    }

    @Test
    void answersGatewayTimeoutWhenAServiceDoesNotStartAnsweringInTime() {
        personnel.stubFor(get(urlEqualTo("/api/personnel/officials")).willReturn(aResponse()
                .withStatus(OK.getStatusCode())
                .withFixedDelay(4_000)));

        given()
                .auth().oauth2(token)
            .when()
                .get("/api/personnel/officials")
            .then()
                .time(lessThan(3_500L))
                .statusCode(GATEWAY_TIMEOUT.getStatusCode())
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://secondment.gov.vn/problems/service-timeout"))
                .body("detail", equalTo("personnel-service did not answer within 2 s"))
                .body("instance", notNullValue());
    }
}
