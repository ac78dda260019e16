package vn.secondment.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jboss.logmanager.ExtLogRecord;
import vn.secondment.gateway.support.FakePersonnelService;
import vn.secondment.testing.LogCapture;
import vn.secondment.testing.Metrics;
import vn.secondment.gateway.support.WithFakeServices;
import vn.secondment.testing.TestTokens;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.OK;
import static jakarta.ws.rs.core.Response.Status.TOO_MANY_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithFakeServices
@TestProfile(RateLimitTest.TwoRequestsThenOneEveryTenSeconds.class)
class RateLimitTest {

    @FakePersonnelService
    WireMockServer personnel;

    @BeforeEach
    void answerEverything() {
        personnel.resetAll();
        personnel.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(OK.getStatusCode())));
    }

    @Test
    void slowsDownACallerWhoSpentTheBurstButNotTheOthers() {
        String eager = TestTokens.user("eager.client").token();
        String patient = TestTokens.user("patient.client").token();
        callOfficials(eager, OK.getStatusCode());
        callOfficials(eager, OK.getStatusCode());

        given()
                .auth().oauth2(eager)
            .when()
                .get("/api/personnel/officials")
            .then()
                .statusCode(TOO_MANY_REQUESTS.getStatusCode())
                .contentType("application/problem+json")
                // a token every 10 s, so at most 10 s to wait (less if the first calls were slow)
                .header("Retry-After", matchesPattern("[1-9]|10"))
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://secondment.gov.vn/problems/too-many-requests"))
                .body("status", equalTo(429));

        callOfficials(patient, OK.getStatusCode());
    }

    @Test
    void countsAndLogsEachCallItRefuses() {
        String hasty = TestTokens.user("hasty.client").ministry("BCT").token();
        Metrics before = Metrics.scrape();
        try (LogCapture logs = LogCapture.install()) {
            callOfficials(hasty, OK.getStatusCode());
            callOfficials(hasty, OK.getStatusCode());
            given()
                    .auth().oauth2(hasty)
                    .header("X-Request-Id", "hasty-3")
                .when()
                    .get("/api/personnel/officials")
                .then()
                    .statusCode(TOO_MANY_REQUESTS.getStatusCode());

            ExtLogRecord refused = logs.ofRequest("hasty-3").stream()
                    .filter(record -> record.getFormattedMessage().startsWith("Rate limited"))
                    .findFirst().orElseThrow();
            assertThat(refused.getFormattedMessage())
                    .matches("Rate limited: GET on route personnel-service, retry after ([1-9]|10) s");
            assertThat(refused.getMdc("ministry")).isEqualTo("BCT");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Metrics after = Metrics.scrape();
            assertThat(after.increase(before, "secondment_gateway_rejections_total",
                    Map.of("route", "personnel-service", "reason", "rate_limited"))).isEqualTo(1);
            assertThat(after.increase(before, "secondment_gateway_requests_seconds_count",
                    Map.of("route", "personnel-service", "status", "429"))).isEqualTo(1);
        });
    }

    @Test
    void limitsCallersWithoutATokenByTheirAddress() {
        given().when().get("/openapi/nothing").then().statusCode(404);
        given().when().get("/openapi/nothing").then().statusCode(404);

        given()
            .when()
                .get("/openapi/nothing")
            .then()
                .statusCode(TOO_MANY_REQUESTS.getStatusCode())
                .header("Retry-After", notNullValue());
    }

    private static void callOfficials(String token, int expectedStatus) {
        given()
                .auth().oauth2(token)
            .when()
                .get("/api/personnel/officials")
            .then()
                .statusCode(expectedStatus);
    }

    public static class TwoRequestsThenOneEveryTenSeconds implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.requests-per-second", "0.1",
                    "gateway.rate-limit.burst", "2");
        }
    }
}
