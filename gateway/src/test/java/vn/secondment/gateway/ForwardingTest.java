package vn.secondment.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.FakePersonnelService;
import vn.secondment.gateway.support.SlowTokenVerification;
import vn.secondment.gateway.support.WithFakeServices;
import vn.secondment.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.CREATED;
import static jakarta.ws.rs.core.Response.Status.NOT_FOUND;
import static jakarta.ws.rs.core.Response.Status.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@WithFakeServices
class ForwardingTest {

    private static final String OFFICIAL = "/api/personnel/officials/6f1c2a3e-0000-4000-8000-000000000001";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @FakePersonnelService
    WireMockServer personnel;

    @TestHTTPResource("/")
    URI gateway;

    private final String token = TestTokens.user("bnv.admin").ministry("BNV").token();

    @BeforeEach
    void answerEverything() {
        personnel.resetAll();
        personnel.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(OK.getStatusCode())));
    }

    @Test
    void forwardsMethodPathQueryBodyAndTokenUnchanged() {
        personnel.stubFor(any(urlEqualTo(OFFICIAL + "?expand=units&note=Nguy%E1%BB%85n"))
                .willReturn(aResponse()
                        .withStatus(CREATED.getStatusCode())
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"7\"")
                        .withBody("{\"fullName\": \"Nguyễn Thị Hoa\"}")));

        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "call-42")
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Nguyễn Thị Hoa\", \"position\": \"Phó Vụ trưởng\"}")
                .urlEncodingEnabled(false)
            .when()
                .put(OFFICIAL + "?expand=units&note=Nguy%E1%BB%85n")
            .then()
                .statusCode(CREATED.getStatusCode())
                .header("ETag", "\"7\"")
                .header("X-Request-Id", "call-42")
                .body("fullName", equalTo("Nguyễn Thị Hoa"));

        personnel.verify(putRequestedFor(urlEqualTo(OFFICIAL + "?expand=units&note=Nguy%E1%BB%85n"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
                .withHeader("X-Request-Id", WireMock.equalTo("call-42"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"fullName\": \"Nguyễn Thị Hoa\", \"position\": \"Phó Vụ trưởng\"}")));
    }

    @Test
    void tellsTheServiceWhoCalledThroughWhichHost() {
        given()
                .auth().oauth2(token)
                .header("X-Forwarded-For", "203.0.113.9")
            .when()
                .get(OFFICIAL)
            .then()
                .statusCode(OK.getStatusCode());

        LoggedRequest received = personnel.getAllServeEvents().get(0).getRequest();
        assertThat(received.getHeader("X-Forwarded-For")).isEqualTo("203.0.113.9, 127.0.0.1");
        assertThat(received.getHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.getHeader("X-Forwarded-Host")).isEqualTo(gateway.getHost() + ":" + gateway.getPort());
        assertThat(received.getHeader("Host")).isEqualTo("localhost:" + personnel.port());
    }

    @Test
    void givesEveryCallARequestIdAndPassesItOn() {
        String id = given()
                .auth().oauth2(token)
            .when()
                .get(OFFICIAL)
            .then()
                .statusCode(OK.getStatusCode())
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .extract().header("X-Request-Id");

        assertThat(personnel.getAllServeEvents().get(0).getRequest().getHeader("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void replacesARequestIdThatCouldForgeLogLines() {
        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "x\" level=ERROR msg=\"forged")
            .when()
                .get(OFFICIAL)
            .then()
                .statusCode(OK.getStatusCode())
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void passesTheServicesOwnErrorsThroughUntouched() {
        personnel.stubFor(get(urlEqualTo(OFFICIAL)).willReturn(aResponse()
                .withStatus(NOT_FOUND.getStatusCode())
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"https://secondment.gov.vn/problems/not-found\", \"detail\": \"Official 1 does not exist\"}")));

        given()
                .auth().oauth2(token)
            .when()
                .get(OFFICIAL)
            .then()
                .statusCode(NOT_FOUND.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", equalTo("Official 1 does not exist"));
    }

    @Test
    void keepsABodySentWhileTheTokenIsStillBeingVerified() throws Exception {
        String slowToken = TestTokens.user(SlowTokenVerification.SLOW_USER).token();
        byte[] upload = randomBytes(3 * 1024 * 1024);

        // with a Content-Length
        given()
                .auth().oauth2(slowToken)
                .contentType(ContentType.BINARY)
                .body(upload)
            .when()
                .post("/api/personnel/imports")
            .then()
                .statusCode(OK.getStatusCode());

        // chunked, length unknown in advance
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<Void> chunked = client.send(HttpRequest.newBuilder(gateway.resolve("/api/personnel/imports"))
                        .header("Authorization", "Bearer " + slowToken)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(chunked.statusCode()).isEqualTo(OK.getStatusCode());

        List<LoggedRequest> received = personnel.findAll(postRequestedFor(urlEqualTo("/api/personnel/imports")));
        assertThat(received).hasSize(2);
        assertThat(received.get(0).getBody()).isEqualTo(upload);
        assertThat(received.get(1).getBody()).isEqualTo(upload);
        assertThat(received.get(1).getHeader("Transfer-Encoding")).isEqualTo("chunked");
    }

    @Test
    void streamsAnAnswerAsTheServiceWritesIt() throws Exception {
        personnel.stubFor(get(urlEqualTo("/api/personnel/exports/officials.csv")).willReturn(aResponse()
                .withStatus(OK.getStatusCode())
                .withHeader("Content-Type", "text/csv")
                .withBody("id,fullName\n1,Hoa\n2,An\n3,Châu\n4,Đức\n")
                .withChunkedDribbleDelay(5, 2_500)));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(gateway.resolve("/api/personnel/exports/officials.csv"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int first = body.read();
            long firstByteMs = (System.nanoTime() - start) / 1_000_000;
            String rest = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            long allMs = (System.nanoTime() - start) / 1_000_000;

            assertThat((char) first + rest).isEqualTo("id,fullName\n1,Hoa\n2,An\n3,Châu\n4,Đức\n");
            assertThat(allMs - firstByteMs).as("the first bytes came long before the last ones").isGreaterThan(1_000);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
