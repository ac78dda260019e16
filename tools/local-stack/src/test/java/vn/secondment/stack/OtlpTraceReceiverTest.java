package vn.secondment.stack;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.secondment.embedded.FreePorts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class OtlpTraceReceiverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path state;

    private Path spansFile;
    private OtlpTraceReceiver receiver;
    private final List<SpanData> finished = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        spansFile = state.resolve("traces/spans.jsonl");
        receiver = OtlpTraceReceiver.start(FreePorts.find(), spansFile, SpanLog.DEFAULT_MAX_BYTES);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void storesEachSpanOfTheApplicationsExportWithItsServiceParentTimesStatusAndAttributes() throws Exception {
        Tracer gateway = tracer("gateway");
        Tracer personnel = tracer("personnel-service");
        String traceId;
        String gatewaySpanId;
        String serviceSpanId;
        Span server = gateway.spanBuilder("POST /api/personnel/officials").setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", "POST")
                .setAttribute(StoredSpan.REQUEST_ID_ATTRIBUTE, "7b1e6f5c-request")
                .startSpan();
        try (Scope ignored = server.makeCurrent()) {
            traceId = server.getSpanContext().getTraceId();
            gatewaySpanId = server.getSpanContext().getSpanId();
            Span service = personnel.spanBuilder("POST /api/personnel/officials").setSpanKind(SpanKind.SERVER)
                    .setAttribute("http.route", "/api/personnel/officials")
                    .setAttribute(AttributeKey.longKey("http.response.status_code"), 201L)
                    .setAttribute(AttributeKey.stringArrayKey("secondment.tags"), List.of("a", "b"))
                    .startSpan();
            serviceSpanId = service.getSpanContext().getSpanId();
            service.setStatus(StatusCode.ERROR, "constraint violated");
            service.end();
        }
        server.end();

        HttpResponse<byte[]> answer = post(protobuf(finished), "application/x-protobuf", false);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        List<StoredSpan> trace = SpanLog.trace(spansFile, traceId);
        assertThat(trace).extracting(StoredSpan::service).containsExactly("gateway", "personnel-service");
        StoredSpan root = trace.get(0);
        StoredSpan child = trace.get(1);
        assertThat(root.spanId()).isEqualTo(gatewaySpanId);
        assertThat(root.hasParent()).isFalse();
        assertThat(root.kind()).isEqualTo("SERVER");
        assertThat(root.requestId()).hasValue("7b1e6f5c-request");
        assertThat(child.spanId()).isEqualTo(serviceSpanId);
        assertThat(child.parentSpanId()).isEqualTo(gatewaySpanId);
        assertThat(child.name()).isEqualTo("POST /api/personnel/officials");
        assertThat(child.status()).isEqualTo("ERROR");
        assertThat(child.statusMessage()).isEqualTo("constraint violated");
        assertThat(child.attributes()).containsEntry("http.route", "/api/personnel/officials")
                .containsEntry("secondment.tags", List.of("a", "b"));
        assertThat(child.attribute("http.response.status_code")).hasValue("201");
        SpanData sent = finished.get(0);
        assertThat(child.start()).isEqualTo(Instant.ofEpochSecond(0, sent.getStartEpochNanos()));
        assertThat(child.end()).isEqualTo(Instant.ofEpochSecond(0, sent.getEndEpochNanos()));
        assertThat(SpanLog.traceIdsOfRequest(spansFile, "7b1e6f5c-request")).containsExactly(traceId);
        assertThat(SpanLog.traceIdsOfRequest(spansFile, "another-request")).isEmpty();
    }

    @Test
    void keepsTheQueriesOfARequestButNotThoseThatBelongToNone() throws Exception {
        Tracer personnel = tracer("personnel-service");
        personnel.spanBuilder("SELECT personnel.outbox_event").setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system", "postgresql").startSpan().end();
        Span request = personnel.spanBuilder("GET /officials").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope ignored = request.makeCurrent()) {
            personnel.spanBuilder("SELECT personnel.official").setSpanKind(SpanKind.CLIENT)
                    .setAttribute("db.system", "postgresql").startSpan().end();
        }
        request.end();

        assertThat(post(protobuf(finished), "application/x-protobuf", false).statusCode()).isEqualTo(200);

        assertThat(SpanLog.all(spansFile)).extracting(StoredSpan::name)
                .containsExactly("SELECT personnel.official", "GET /officials");
    }

    @Test
    void acceptsAGzippedBody() throws Exception {
        tracer("report-service").spanBuilder("GET /api/report/figures").startSpan().end();

        HttpResponse<byte[]> answer = post(protobuf(finished), "application/x-protobuf", true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(SpanLog.all(spansFile)).extracting(StoredSpan::service, StoredSpan::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("report-service", "GET /api/report/figures"));
    }

    @Test
    void answersWhatOtlpHttpAsksForWhatItCannotTake() throws Exception {
        assertThat(post("not protobuf at all".getBytes(), "application/x-protobuf", false).statusCode())
                .isEqualTo(400);
        assertThat(post("{\"resourceSpans\":[]}".getBytes(), "application/json", false).statusCode())
                .isEqualTo(415);
        HttpResponse<byte[]> get = HTTP.send(HttpRequest.newBuilder(url("/v1/traces")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<byte[]> metrics = HTTP.send(HttpRequest.newBuilder(url("/v1/metrics"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
                .header("Content-Type", "application/x-protobuf").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(Files.exists(spansFile)).isFalse();
    }

    @Test
    void theFileIsCappedKeepingTheNewestSpansInTwoParts(@TempDir Path elsewhere) {
        Path file = elsewhere.resolve("spans.jsonl");
        SpanLog log = new SpanLog(file, 4_000);
        for (int i = 0; i < 100; i++) {
            log.append(List.of(new StoredSpan(String.format("%032x", i), String.format("%016x", i), "", "gateway",
                    "GET /q/health", "SERVER", Instant.ofEpochSecond(i), Instant.ofEpochSecond(i, 1_000_000), "UNSET",
                    "", Map.of("http.route", "/q/health"))));
        }

        assertThat(file).exists();
        assertThat(SpanLog.previousPart(file)).exists();
        assertThat(file.toFile().length()).isLessThanOrEqualTo(4_000);
        assertThat(SpanLog.previousPart(file).toFile().length()).isLessThanOrEqualTo(4_000);
        List<StoredSpan> kept = SpanLog.all(file);
        assertThat(kept).hasSizeLessThan(100).last().extracting(StoredSpan::traceId)
                .isEqualTo(String.format("%032x", 99));
        assertThat(SpanLog.trace(file, String.format("%032x", 0))).isEmpty();
    }

    private Tracer tracer(String service) {
        SpanExporter collect = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                finished.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        return SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
                .addSpanProcessor(SimpleSpanProcessor.create(collect))
                .build()
                .get("test");
    }

    /** The request body as the applications' OTLP/HTTP exporter writes it. */
    private static byte[] protobuf(List<SpanData> spans) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeBinaryTo(body);
        return body.toByteArray();
    }

    private HttpResponse<byte[]> post(byte[] body, String contentType, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/v1/traces")).header("Content-Type", contentType);
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(body);
            }
            body = zipped.toByteArray();
            request.header("Content-Encoding", "gzip");
        }
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + receiver.port() + path);
    }
}
