package vn.secondment.stack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./platform trace <id>}: the span tree of a stored trace, found by trace id or request id. */
class TraceCommandTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String REQUEST_ID = "2f1c9a7e-5d2b-4c3e-9f80-6a1b2c3d4e5f";
    private static final Instant T0 = Instant.parse("2026-12-06T17:40:01.100Z");

    @TempDir
    Path root;

    private StackSettings settings;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private LocalStackCommand command;

    @BeforeEach
    void storeACreatedOfficialsTrace() {
        settings = new StackSettings(root, root.resolve(".platform"), root.resolve("kc"), Ports.free());
        command = new LocalStackCommand(settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        SpanLog log = new SpanLog(settings.spansFile(), SpanLog.DEFAULT_MAX_BYTES);
        // as the applications export them: each its own batch, children before their parents
        log.append(List.of(
                span("00f067aa0ba902b2", "b7ad6b7169203331", "personnel-service", "INSERT personnel.official",
                        "CLIENT", 12, 3, Map.of("db.operation.name", "INSERT", "db.collection.name", "official")),
                span("b7ad6b7169203331", "a3ce929d0e0e4736", "personnel-service", "POST /api/personnel/officials",
                        "SERVER", 5, 30, Map.of("http.request.method", "POST", "http.route",
                                "/api/personnel/officials", "http.response.status_code", 201L,
                                StoredSpan.REQUEST_ID_ATTRIBUTE, REQUEST_ID))));
        log.append(List.of(span("a3ce929d0e0e4736", "", "gateway", "POST /api/personnel/*", "SERVER", 0, 41.5,
                Map.of("http.request.method", "POST", "http.response.status_code", 201L,
                        StoredSpan.REQUEST_ID_ATTRIBUTE, REQUEST_ID))));
        log.append(List.of(
                span("1111111111111111", "b7ad6b7169203331", "personnel-service", "personnel.events publish",
                        "PRODUCER", 240, 8, Map.of("messaging.destination.name", "personnel.events")),
                span("2222222222222222", "1111111111111111", "notification-service", "personnel-events process",
                        "CONSUMER", 260, 20, Map.of("secondment.event_type", "vn.secondment.personnel.official.created"))));
        log.append(List.of(new StoredSpan(OTHER_TRACE, "3333333333333333", "", "report-service", "GET /q/health",
                "SERVER", T0, T0.plusMillis(1), "UNSET", "", Map.of())));
    }

    @Test
    void printsTheTreeOfTheTraceOfARequestIdAcrossTheApplicationsWithOffsetsAndDurations() {
        int exitCode = command.trace(List.of(REQUEST_ID));

        assertThat(exitCode).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "Trace " + TRACE + ": 5 spans from gateway, personnel-service, notification-service; started "
                        + "2026-12-06T17:40:01.100Z, 280.0 ms in all",
                "    OFFSET   DURATION  STATUS SPAN",
                "   +0.0 ms    41.5 ms  -      gateway: POST /api/personnel/* (SERVER)  method=POST status=201 "
                        + "request=" + REQUEST_ID,
                "   +5.0 ms    30.0 ms  -      └─ personnel-service: POST /api/personnel/officials (SERVER)  "
                        + "method=POST route=/api/personnel/officials status=201 request=" + REQUEST_ID,
                "  +12.0 ms     3.0 ms  -         ├─ personnel-service: INSERT personnel.official (CLIENT)  db=INSERT "
                        + "table=official",
                " +240.0 ms     8.0 ms  -         └─ personnel-service: personnel.events publish (PRODUCER)  "
                        + "destination=personnel.events",
                " +260.0 ms    20.0 ms  -            └─ notification-service: personnel-events process (CONSUMER)  "
                        + "event_type=vn.secondment.personnel.official.created");
    }

    @Test
    void findsTheSameTraceByItsIdOrItsTraceparent() {
        assertThat(command.trace(List.of(TRACE.toUpperCase()))).isZero();
        assertThat(command.trace(List.of("00-" + TRACE + "-a3ce929d0e0e4736-01"))).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("Trace ")))
                .hasSize(2).allMatch(line -> line.startsWith("Trace " + TRACE + ": 5 spans"));
    }

    @Test
    void saysWhenNothingIsFoundAndThatSpansArriveWithinASecondOrTwo() {
        int exitCode = command.trace(List.of("no-such-request"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("No trace with the id or request id 'no-such-request' in " + settings.spansFile())
                .contains("about a second after a request ends, so try again in a moment")
                .contains("X-Request-Id");
    }

    @Test
    void anEmptyStateSaysThatNoSpansWereReceived(@TempDir Path empty) {
        LocalStackCommand fresh = new LocalStackCommand(
                new StackSettings(empty, empty.resolve(".platform"), empty.resolve("kc"), Ports.free()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(fresh.trace(List.of(TRACE))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No spans received yet").contains("./platform up");
        assertThat(fresh.trace(List.of())).isEqualTo(2);
    }

    private static StoredSpan span(String spanId, String parentSpanId, String service, String name, String kind,
                                   double offsetMillis, double durationMillis, Map<String, Object> attributes) {
        Instant start = T0.plusNanos((long) (offsetMillis * 1_000_000));
        return new StoredSpan(TRACE, spanId, parentSpanId, service, name, kind, start,
                start.plusNanos((long) (durationMillis * 1_000_000)), "UNSET", "", attributes);
    }
}
