package vn.secondment.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.secondment.stack.SpanLog;
import vn.secondment.stack.StoredSpan;
import vn.secondment.stack.TraceReport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One request followed across the platform, as an operator follows it with {@code ./platform trace}: an official
 * created through the gateway gives one trace, from the gateway's span through personnel-service's HTTP and JDBC
 * spans and its outbox relay's publish to Kafka, to notification-service's processing of the event; every span
 * linked by its parent up to the gateway's. The spans are those the five applications exported over OTLP to the
 * stack's receiver, read back from its file by the request's {@code X-Request-Id}.
 */
@Order(2)
@ExtendWith(Platform.Shared.class)
class TraceIT {

    /** Generous: a loaded build machine delays the relay and the consumers; the spans follow within a second. */
    private static final Duration TRACE_COMPLETE = Duration.ofSeconds(60);

    private static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.current();
    }

    @Test
    void oneTraceFollowsACreatedOfficialFromTheGatewayThroughPersonnelServiceAndKafkaToNotificationService() {
        Response created = given()
                .auth().oauth2(platform.tokens().forUser("bnv.admin"))
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Phạm Thu Trang\", \"position\": \"Chuyên viên chính\", \"email\": \""
                        + "trang." + UUID.randomUUID().toString().substring(0, 8) + "@bnv.example.vn\"}")
            .when()
                .post(platform.gatewayUrl() + "/api/personnel/officials")
            .then()
                .statusCode(201)
                .extract().response();
        String requestId = created.header("X-Request-Id");
        assertThat(requestId).as("the gateway's X-Request-Id").isNotBlank();
        long sent = System.nanoTime();

        Path spans = platform.spansFile();
        AtomicReference<List<StoredSpan>> seen = new AtomicReference<>(List.of());
        await().atMost(TRACE_COMPLETE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Set<String> traceIds = SpanLog.traceIdsOfRequest(spans, requestId);
            assertThat(traceIds).as("the traces whose spans carry request id %s", requestId).hasSize(1);
            List<StoredSpan> trace = SpanLog.trace(spans, traceIds.iterator().next());
            seen.set(trace);
            assertCompleteTrace(trace, requestId);
        });
        System.out.printf("[e2e] official created -> its whole trace (%d spans) stored in %d ms%n%s",
                seen.get().size(), Duration.ofNanos(System.nanoTime() - sent).toMillis(),
                TraceReport.render(seen.get()));
    }

    private static void assertCompleteTrace(List<StoredSpan> trace, String requestId) {
        String report = System.lineSeparator() + TraceReport.render(trace);
        Map<String, StoredSpan> byId = trace.stream()
                .collect(Collectors.toMap(StoredSpan::spanId, Function.identity(), (first, second) -> first));

        StoredSpan gateway = only(trace, span -> span.service().equals("gateway") && span.kind().equals("SERVER")
                && span.requestId().filter(requestId::equals).isPresent(), "the gateway's server span", report);
        assertThat(gateway.hasParent()).as("the gateway's span starts the trace%s", report).isFalse();

        StoredSpan personnelHttp = only(trace, span -> span.service().equals("personnel-service")
                && span.kind().equals("SERVER")
                && span.attribute("url.path").filter("/api/personnel/officials"::equals).isPresent(),
                "personnel-service's HTTP span of POST /api/personnel/officials", report);
        assertThat(personnelHttp.attribute("http.response.status_code")).as("its status%s", report).hasValue("201");

        assertThat(trace).as("a JDBC span of personnel-service under its HTTP span%s", report)
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("personnel-service");
                    assertThat(span.kind()).isEqualTo("CLIENT");
                    assertThat(span.attributes()).containsKey(dbSystemKey(span));
                    assertThat(ancestors(span, byId)).contains(personnelHttp.spanId());
                });

        // the outermost: the Kafka client's own instrumentation may add a span of the same name under the relay's
        StoredSpan publish = outermost(trace, byId, span -> span.service().equals("personnel-service")
                && span.kind().equals("PRODUCER") && span.name().equals("personnel.events publish"),
                "the outbox relay's publish span (personnel.events publish, PRODUCER)", report);
        assertThat(ancestors(publish, byId)).as("the publish continues the request's trace%s", report)
                .contains(personnelHttp.spanId());

        StoredSpan process = only(trace, span -> span.service().equals("notification-service")
                && span.kind().equals("CONSUMER") && span.name().equals("personnel-events process"),
                "notification-service's processing of the event (personnel-events process, CONSUMER)", report);
        assertThat(ancestors(process, byId)).as("the processing follows the publish%s", report)
                .contains(publish.spanId());

        for (StoredSpan span : List.of(personnelHttp, publish, process)) {
            List<String> chain = ancestors(span, byId);
            assertThat(chain).as("%s: %s reaches the gateway's span through received parents%s", span.service(),
                    span.name(), report).endsWith(gateway.spanId());
        }
    }

    /** The one span that matches; fails with the whole trace when there is none or more than one. */
    private static StoredSpan only(List<StoredSpan> trace, Predicate<StoredSpan> wanted, String what, String report) {
        List<StoredSpan> matching = trace.stream().filter(wanted).toList();
        assertThat(matching).as("%s%s", what, report).hasSize(1);
        return matching.get(0);
    }

    /** The one matching span that has no matching span above it. */
    private static StoredSpan outermost(List<StoredSpan> trace, Map<String, StoredSpan> byId,
                                        Predicate<StoredSpan> wanted, String what, String report) {
        Set<String> matching = trace.stream().filter(wanted).map(StoredSpan::spanId).collect(Collectors.toSet());
        return only(trace, span -> matching.contains(span.spanId())
                && ancestors(span, byId).stream().noneMatch(matching::contains), what, report);
    }

    /** The span's parents, nearest first, as far as they were received. */
    private static List<String> ancestors(StoredSpan span, Map<String, StoredSpan> byId) {
        List<String> chain = new ArrayList<>();
        StoredSpan current = span;
        while (current.hasParent() && chain.size() < byId.size()) {
            chain.add(current.parentSpanId());
            current = byId.get(current.parentSpanId());
            if (current == null) {
                break;
            }
        }
        return chain;
    }

    /** {@code db.system.name} (semantic conventions 1.33 and later) or {@code db.system}. */
    private static String dbSystemKey(StoredSpan span) {
        return Optional.of("db.system.name").filter(span.attributes()::containsKey).orElse("db.system");
    }
}
