package vn.secondment.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.FakePersonnelService;
import vn.secondment.gateway.support.WithFakeServices;
import vn.secondment.testing.RawHttp;
import vn.secondment.testing.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own refusals, those of its HTTP layer included, are problem+json with an X-Request-Id like every
 * other answer: a body over the limit, with or without Content-Length, a URI or headers too long.
 */
@QuarkusTest
@WithFakeServices
class ErrorAnswersTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** quarkus.http.limits.max-body-size of the gateway. */
    private static final long LIMIT = 16L * 1024 * 1024;

    @FakePersonnelService
    WireMockServer personnel;

    private final String token = TestTokens.user("bnv.admin").ministry("BNV").token();

    @BeforeEach
    void answerEverything() {
        personnel.resetAll();
        personnel.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void aBodyOverTheLimitSentInChunksIsA413ProblemEveryTime() {
        for (int attempt = 0; attempt < 3; attempt++) {
            RawHttp.Answer answer = RawHttp.sendChunked(RestAssured.port, "POST /api/personnel/officials HTTP/1.1"
                    + "\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nX-Request-Id: upload-" + attempt, LIMIT + 1024 * 1024);
            assertProblem(answer, 413);
            assertThat(answer.header("X-Request-Id")).isEqualTo("upload-" + attempt);
        }
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsA413ProblemWithARequestId() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST /api/personnel/officials HTTP/1.1"
                + "\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\nConnection: close");
        assertProblem(answer, 413);
    }

    @Test
    void aUriTooLongIsA414Problem() {
        assertProblem(RawHttp.send(RestAssured.port, "GET /api/personnel/officials?q=" + "a".repeat(5000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close"), 414);
    }

    @Test
    void headersTooLargeAreA431Problem() {
        assertProblem(RawHttp.send(RestAssured.port, "GET /api/personnel/officials HTTP/1.1\r\nHost: localhost"
                + "\r\nX-Padding: " + "a".repeat(30_000) + "\r\nConnection: close"), 431);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).isEqualTo(PROBLEM_JSON);
        assertThat(answer.header("X-Request-Id")).as(answer.toString()).isNotBlank();
        assertThat(answer.body()).contains("\"status\":" + status);
    }
}
