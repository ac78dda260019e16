package vn.secondment.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.FakePersonnelService;
import vn.secondment.gateway.support.ReportServiceProxy;
import vn.secondment.gateway.support.WithFakeServices;
import vn.secondment.testing.FaultProxy;
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
import static jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithFakeServices
class FailureTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @FakePersonnelService
    WireMockServer personnel;

    @ReportServiceProxy
    FaultProxy report;

    private final String token = TestTokens.user("bnv.admin").ministry("BNV").token();

    @AfterEach
    void healReportService() {
        report.pass();
        report.cut();
    }

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
    void answersServiceUnavailableWithRetryAfterForAServiceThatRefusesConnections() {
        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "assign-1")
            .when()
                .post("/api/assignment/assignments")
            .then()
                .statusCode(SERVICE_UNAVAILABLE.getStatusCode())
                .contentType(PROBLEM_JSON)
                .header("X-Request-Id", "assign-1")
                .header("Retry-After", "5")
                .body("type", equalTo("https://secondment.gov.vn/problems/service-unavailable"))
                .body("status", equalTo(503))
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
                .statusCode(SERVICE_UNAVAILABLE.getStatusCode())
                .contentType(PROBLEM_JSON)
                .header("Retry-After", "5")
                .body("detail", equalTo("notification-service is unavailable"));
    }

    @Test
    void answersGatewayTimeoutWithinTheResponseTimeoutWhenAConnectedServiceFallsSilent() {
        report.blackhole();
        long started = System.nanoTime();

        given()
                .auth().oauth2(token)
            .when()
                .get("/api/report/weekly-reports")
            .then()
                .time(lessThan(3_500L))
                .statusCode(GATEWAY_TIMEOUT.getStatusCode())
                .contentType(PROBLEM_JSON)
                .header("Retry-After", nullValue())
                .body("type", equalTo("https://secondment.gov.vn/problems/service-timeout"))
                .body("detail", equalTo("report-service did not answer within 2 s"));
        System.out.printf("FailureTest: a silent service answered 504 after %d ms (response timeout 2 s)%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void passesAServicesOwn503AndItsRetryAfterThroughUnchanged() {
        String problem = "{\"type\":\"https://secondment.gov.vn/problems/service-unavailable\","
                + "\"title\":\"The service is unavailable\",\"status\":503,"
                + "\"detail\":\"The service cannot reach its database at the moment; try again in 7 s\","
                + "\"instance\":\"/api/personnel/officials\"}";
        personnel.stubFor(get(urlEqualTo("/api/personnel/officials")).willReturn(aResponse()
                .withStatus(SERVICE_UNAVAILABLE.getStatusCode())
                .withHeader("Content-Type", PROBLEM_JSON)
                .withHeader("Retry-After", "7")
                .withBody(problem)));

        given()
                .auth().oauth2(token)
            .when()
                .get("/api/personnel/officials")
            .then()
                .statusCode(SERVICE_UNAVAILABLE.getStatusCode())
                .contentType(PROBLEM_JSON)
                .header("Retry-After", "7")
                .body(equalTo(problem));
    }

    @Test
    void answersBadGatewayWhenAServiceDropsTheConnectionWithoutAnswering() {
        personnel.stubFor(get(urlEqualTo("/api/personnel/officials"))
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        given()
                .auth().oauth2(token)
            .when()
                .get("/api/personnel/officials")
            .then()
                .statusCode(BAD_GATEWAY.getStatusCode())
                .contentType(PROBLEM_JSON)
                .header("Retry-After", nullValue())
                .body("type", equalTo("https://secondment.gov.vn/problems/bad-gateway"))
                .body("detail", equalTo("personnel-service closed the connection without answering"));
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
