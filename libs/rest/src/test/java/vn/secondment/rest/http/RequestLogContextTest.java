package vn.secondment.rest.http;

import io.opentelemetry.api.trace.SpanKind;
import vn.secondment.testing.RecordedSpans;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.testing.LogCapture;
import vn.secondment.rest.http.support.ProbeResource;
import vn.secondment.testing.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RequestLogContextTest {

    private static final String EMAIL = "hoa.nt@bnv.example.vn";

    @Inject
    RecordedSpans spans;

    private final TestTokens caller = TestTokens.user("bnv.admin").ministry("BNV").email(EMAIL);
    private final String token = caller.token();
    private LogCapture logs;

    @BeforeEach
    void capture() {
        spans.clear();
        logs = LogCapture.install();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    void logsTheRequestIdUserAndMinistryFromTheWorkerThreadButNeverTheToken() {
        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "probe-1")
            .when()
                .get("/api/probe/officials/42")
            .then()
                .statusCode(200);

        ExtLogRecord served = logs.records().stream()
                .filter(r -> ProbeResource.SERVED.equals(r.getFormattedMessage()))
                .findFirst().orElseThrow();
        assertThat(served.getThreadName()).as("a worker thread, not the event loop").doesNotContain("eventloop");
        assertThat(served.getMdc("requestId")).isEqualTo("probe-1");
        assertThat(served.getMdc("userId")).isEqualTo(caller.subject());
        assertThat(served.getMdc("ministry")).isEqualTo("BNV");
        assertNothingPersonalLogged();
    }

    @Test
    void putsTheRequestIdUserAndMinistryOnTheServerSpan() {
        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "probe-2")
            .when()
                .get("/api/probe/officials/42")
            .then()
                .statusCode(200);

        SpanData server = serverSpanOf("probe-2");
        assertThat(server.getAttributes().get(RequestLogContext.USER_ID_ATTRIBUTE)).isEqualTo(caller.subject());
        assertThat(server.getAttributes().get(RequestLogContext.MINISTRY_ATTRIBUTE)).isEqualTo("BNV");
        assertThat(server.getAttributes().asMap().values()).noneMatch(value -> value.toString().contains(EMAIL));
    }

    @Test
    void logsAnUnexpectedErrorOnceWithItsRequestId() {
        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "probe-3")
            .when()
                .get("/api/probe/failure")
            .then()
                .statusCode(500);

        List<ExtLogRecord> errors = logs.records().stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(r -> r.getMdc("requestId") == null || "probe-3".equals(r.getMdc("requestId")))
                // on a loaded machine the request may also be slow, or the event loop blocked: timing, not the error
                .filter(r -> !"io.vertx.core.impl.BlockedThreadChecker".equals(r.getLoggerName()))
                .filter(r -> !r.getFormattedMessage().startsWith("Slow request"))
                .toList();
        assertThat(errors).as("one line, with its request id: %s", errors.stream()
                        .map(r -> r.getLoggerName() + ": " + r.getFormattedMessage()).toList())
                .hasSize(1);
        assertThat(errors.get(0).getFormattedMessage()).startsWith("Unexpected error");
        assertThat(errors.get(0).getMdc("requestId")).isEqualTo("probe-3");
        assertThat(errors.get(0).getMdc("userId")).isEqualTo(caller.subject());
    }

    @Test
    void logsASlowRequestByItsRouteTemplateWithItsIds() {
        given()
                .auth().oauth2(token)
                .header("X-Request-Id", "probe-4")
            .when()
                .get("/api/probe/slow/6f1c2a3e")
            .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> !slowRequestLines().isEmpty());
        ExtLogRecord slow = slowRequestLines().get(0);
        assertThat(slow.getLevel()).isEqualTo(org.jboss.logmanager.Level.WARN);
        assertThat(slow.getFormattedMessage())
                .matches("Slow request: GET /api/probe/slow/\\{id} answered 200 in \\d+ ms");
        assertThat(slow.getMdc("requestId")).isEqualTo("probe-4");
        assertThat(slow.getMdc("userId")).isEqualTo(caller.subject());
        assertThat(slow.getMdc("ministry")).isEqualTo("BNV");
    }

    @Test
    void doesNotLogAFastRequestAsSlow() {
        given()
                .auth().oauth2(token)
            .when()
                .get("/api/probe/officials/42")
            .then()
                .statusCode(200);

        assertThat(slowRequestLines()).isEmpty();
    }

    private List<ExtLogRecord> slowRequestLines() {
        return logs.records().stream().filter(r -> r.getFormattedMessage().startsWith("Slow request")).toList();
    }

    private SpanData serverSpanOf(String requestId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.all().stream()
                .anyMatch(span -> isServerSpanOf(span, requestId)));
        return spans.all().stream().filter(span -> isServerSpanOf(span, requestId))
                .findFirst().orElseThrow();
    }

    private static boolean isServerSpanOf(SpanData span, String requestId) {
        return span.getKind() == SpanKind.SERVER
                && requestId.equals(span.getAttributes().get(RequestLogContext.REQUEST_ID_ATTRIBUTE));
    }

    private void assertNothingPersonalLogged() {
        for (ExtLogRecord record : logs.records()) {
            assertThat(record.getFormattedMessage()).doesNotContain(token).doesNotContain(EMAIL);
            assertThat(record.getMdcCopy().values()).noneMatch(value -> value.contains(token) || value.contains(EMAIL));
        }
    }
}
