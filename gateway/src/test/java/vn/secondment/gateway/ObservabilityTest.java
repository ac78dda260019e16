package vn.secondment.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.opentelemetry.api.trace.SpanKind;
import vn.secondment.testing.RecordedSpans;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.gateway.support.FakePersonnelService;
import vn.secondment.testing.LogCapture;
import vn.secondment.testing.Metrics;
import vn.secondment.gateway.support.WithFakeServices;
import vn.secondment.testing.TestTokens;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.GATEWAY_TIMEOUT;
import static jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR;
import static jakarta.ws.rs.core.Response.Status.OK;
import static jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE;
import static jakarta.ws.rs.core.Response.Status.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator sees of a call through the gateway: its span and the service's, its log lines, its meters. */
@QuarkusTest
@WithFakeServices
class ObservabilityTest {

    private static final String OFFICIALS = "/api/personnel/officials";
    private static final String REQUESTS = "secondment_gateway_requests_seconds_count";
    private static final String REJECTIONS = "secondment_gateway_rejections_total";
    private static final String UPSTREAM_ERRORS = "secondment_gateway_upstream_errors_total";

    @FakePersonnelService
    WireMockServer personnel;

    @Inject
    RecordedSpans spans;

    private final TestTokens caller = TestTokens.user("bnv.admin").ministry("BNV");
    private final String token = caller.token();
    private LogCapture logs;

    @BeforeEach
    void answerEverything() {
        personnel.resetAll();
        personnel.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(OK.getStatusCode())));
        spans.clear();
        logs = LogCapture.install();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    void sendsTheServiceTheTraceparentOfItsOwnSpan() {
        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "trace-1")
            .when()
                .get(OFFICIALS)
            .then()
                .statusCode(OK.getStatusCode());

        String traceparent = personnel.getAllServeEvents().get(0).getRequest().getHeader("traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.split("-")[1];
        String parentSpanId = traceparent.split("-")[2];

        await().atMost(Duration.ofSeconds(10)).until(() -> spans.all().stream()
                .anyMatch(span -> span.getSpanId().equals(parentSpanId)) && spans.all().stream()
                .anyMatch(span -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER));
        List<SpanData> trace = spans.all().stream()
                .filter(span -> span.getTraceId().equals(traceId)).toList();
        SpanData server = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData parent = trace.stream().filter(span -> span.getSpanId().equals(parentSpanId)).findFirst().orElseThrow();
        assertThat(parent.getSpanId().equals(server.getSpanId()) || parent.getParentSpanId().equals(server.getSpanId()))
                .as("the service's parent is the gateway's server span or its call to the service").isTrue();
    }

    @Test
    void continuesACallersTraceWithItsOwnSpanInBetween() {
        String callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";

        given()
                .auth().oauth2(token)
                .header("traceparent", "00-" + callerTrace + "-" + callerSpan + "-01")
            .when()
                .get(OFFICIALS)
            .then()
                .statusCode(OK.getStatusCode());

        List<String> received = personnel.getAllServeEvents().get(0).getRequest().getHeaders()
                .getHeader("traceparent").values();
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).startsWith("00-" + callerTrace + "-").doesNotContain(callerSpan);
    }

    @Test
    void putsTheRequestIdUserAndMinistryOnItsSpanAndInItsLogLines() {
        personnel.stubFor(get(urlEqualTo(OFFICIALS)).willReturn(aResponse().withStatus(500)));

        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "trace-2")
            .when()
                .get(OFFICIALS)
            .then()
                .statusCode(INTERNAL_SERVER_ERROR.getStatusCode());

        SpanData server = await().atMost(Duration.ofSeconds(10)).until(() -> serverSpanOf("trace-2"), s -> s != null);
        assertThat(server.getAttributes().asMap()).extractingFromEntries(entry -> entry.getKey().getKey() + "="
                + entry.getValue()).contains("enduser.id=" + caller.subject(), "secondment.ministry=BNV");

        ExtLogRecord answered = await().atMost(Duration.ofSeconds(5))
                .until(() -> line("personnel-service answered 500 to GET /api/personnel/*"), r -> r != null);
        assertThat(answered.getMdc("requestId")).isEqualTo("trace-2");
        assertThat(answered.getMdc("userId")).isEqualTo(caller.subject());
        assertThat(answered.getMdc("ministry")).isEqualTo("BNV");
        assertThat(answered.getMdc("traceId")).isEqualTo(server.getTraceId());
        assertNoTokenLogged(token);
    }

    @Test
    void logsEachRefusedTokenWithWhyButNeverTheToken() throws Exception {
        String expired = Jwt.issuer(TestTokens.ISSUER).subject("expired-user").audience(TestTokens.AUDIENCE)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("1").sign("privateKey.jwk");
        String foreign = TestTokens.user("bnv.admin").audience("other-api").token();
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(TestTokens.ISSUER).subject("forger").audience(TestTokens.AUDIENCE)
                .expiresIn(3600).jws().keyId("1").sign(generator.generateKeyPair().getPrivate());

        refused(expired, "refused-expired");
        refused(foreign, "refused-audience");
        refused(forged, "refused-signature");
        given().header("X-Request-Id", "refused-missing")
            .when().get(OFFICIALS)
            .then().statusCode(UNAUTHORIZED.getStatusCode());

        assertThat(refusal("refused-expired").getFormattedMessage())
                .isEqualTo("Token refused (expired): GET on route personnel-service");
        assertThat(refusal("refused-audience").getFormattedMessage())
                .isEqualTo("Token refused (wrong_audience): GET on route personnel-service");
        assertThat(refusal("refused-signature").getFormattedMessage())
                .isEqualTo("Token refused (bad_signature): GET on route personnel-service");
        assertThat(refusal("refused-missing").getFormattedMessage())
                .isEqualTo("Token refused (missing): GET on route personnel-service");
        assertThat(refusal("refused-signature").getLevel()).isEqualTo(org.jboss.logmanager.Level.WARN);
        assertThat(refusal("refused-expired").getLevel()).isEqualTo(org.jboss.logmanager.Level.INFO);
        for (String refusedToken : List.of(expired, foreign, forged)) {
            assertNoTokenLogged(refusedToken);
        }
    }

    @Test
    void countsRequestsRefusalsAndServiceFailuresByRoute() {
        personnel.stubFor(get(urlEqualTo(OFFICIALS + "/broken")).willReturn(aResponse().withStatus(503)));
        Metrics before = Metrics.scrape();

        given().auth().oauth2(token).when().get(OFFICIALS).then().statusCode(OK.getStatusCode());
        given().when().get(OFFICIALS).then().statusCode(UNAUTHORIZED.getStatusCode());
        given().auth().oauth2(token).when().get(OFFICIALS + "/broken").then().statusCode(503);
        given().auth().oauth2(token).when().get("/api/assignment/assignments").then()
                .statusCode(SERVICE_UNAVAILABLE.getStatusCode());
        personnel.stubFor(get(urlEqualTo(OFFICIALS + "/slow")).willReturn(aResponse().withFixedDelay(3_000)));
        given().auth().oauth2(token).header("X-Request-Id", "slow-1").when().get(OFFICIALS + "/slow").then()
                .statusCode(GATEWAY_TIMEOUT.getStatusCode());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Metrics after = Metrics.scrape();
            assertThat(after.increase(before, REQUESTS, Map.of("route", "personnel-service", "status", "200")))
                    .as(after.toString()).isEqualTo(1);
            assertThat(after.increase(before, REQUESTS, Map.of("route", "personnel-service", "status", "401")))
                    .isEqualTo(1);
            assertThat(after.increase(before, REJECTIONS, Map.of("route", "personnel-service", "reason", "unauthorized")))
                    .isEqualTo(1);
            assertThat(after.increase(before, UPSTREAM_ERRORS, Map.of("route", "personnel-service", "kind", "5xx")))
                    .isEqualTo(1);
            assertThat(after.increase(before, UPSTREAM_ERRORS, Map.of("route", "assignment-service", "kind", "unavailable")))
                    .isEqualTo(1);
            assertThat(after.increase(before, REQUESTS, Map.of("route", "assignment-service", "status", "503")))
                    .isEqualTo(1);
            assertThat(after.increase(before, UPSTREAM_ERRORS, Map.of("route", "personnel-service", "kind", "timeout")))
                    .isEqualTo(1);
            assertThat(after.increase(before, REJECTIONS, Map.of("route", "personnel-service"))).as("a service's own "
                    + "answers are not the gateway's refusals").isEqualTo(1);
        });
        ExtLogRecord unavailable = line("assignment-service unavailable: GET /api/assignment/*");
        assertThat(unavailable).isNotNull();
        assertThat(unavailable.getMdc("requestId")).isNotBlank();
        assertThat(line("personnel-service timed out: GET /api/personnel/*")).isNotNull();
        // the 504 comes after gateway.timeouts.response (2 s here), the default slow-request threshold
        ExtLogRecord slow = logs.ofRequest("slow-1").stream()
                .filter(record -> record.getFormattedMessage().startsWith("Slow request")).findFirst().orElseThrow();
        assertThat(slow.getFormattedMessage()).matches("Slow request: GET /api/personnel/\\* answered 504 in \\d+ ms");
        assertThat(slow.getMdc("userId")).isEqualTo(caller.subject());
    }

    private static void refused(String token, String requestId) {
        given()
                .auth().oauth2(token)
                .header("X-Request-Id", requestId)
            .when()
                .get(OFFICIALS)
            .then()
                .statusCode(UNAUTHORIZED.getStatusCode());
    }

    private ExtLogRecord refusal(String requestId) {
        return logs.ofRequest(requestId).stream()
                .filter(record -> record.getFormattedMessage().startsWith("Token refused"))
                .reduce((first, second) -> {
                    throw new AssertionError("more than one line for " + requestId);
                })
                .orElseThrow(() -> new AssertionError("no refusal logged for " + requestId));
    }

    private ExtLogRecord line(String start) {
        return logs.records().stream().filter(record -> record.getFormattedMessage().startsWith(start))
                .findFirst().orElse(null);
    }

    private SpanData serverSpanOf(String requestId) {
        return spans.all().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER)
                .filter(span -> requestId.equals(span.getAttributes().asMap().entrySet().stream()
                        .filter(entry -> entry.getKey().getKey().equals("secondment.request_id"))
                        .map(entry -> String.valueOf(entry.getValue())).findFirst().orElse(null)))
                .findFirst().orElse(null);
    }

    private void assertNoTokenLogged(String token) {
        String signature = token.substring(token.lastIndexOf('.') + 1);
        for (ExtLogRecord record : logs.records()) {
            assertThat(record.getFormattedMessage()).doesNotContain(signature);
            assertThat(record.getMdcCopy().values()).noneMatch(value -> value.contains(signature));
        }
    }
}
