package vn.secondment.stack;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver for traces, inside the launcher like the mail server: the applications export their spans
 * to {@code POST /v1/traces} (binary protobuf, {@code http/protobuf}), and each span becomes a line of the
 * {@link SpanLog}, which {@code ./platform trace} reads, except the database queries that belong to no request or
 * event (see {@link OtlpSpans#worthKeeping}). Answers as OTLP/HTTP asks: 200 with an (empty)
 * {@code ExportTraceServiceResponse}; 400 with a {@code google.rpc.Status} for a body it cannot decode, which the
 * exporter does not retry; 415 for JSON-encoded OTLP, which the platform does not send. Listens on the loopback
 * address only.
 */
final class OtlpTraceReceiver implements AutoCloseable {

    static final String TRACES_PATH = "/v1/traces";
    private static final String PROTOBUF = "application/x-protobuf";
    /** A batch of the SDK is at most 512 spans of a few hundred bytes; anything far larger is not an exporter's. */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** google.rpc.Code values. */
    private static final int INVALID_ARGUMENT = 3;
    private static final int INTERNAL = 13;
    private static final Logger LOG = Logger.getLogger(OtlpTraceReceiver.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final SpanLog spans;

    private OtlpTraceReceiver(HttpServer server, ExecutorService executor, SpanLog spans) {
        this.server = server;
        this.executor = executor;
        this.spans = spans;
    }

    /** Listens on {@code 127.0.0.1:port}, appending to {@code spansFile} (capped at {@code maxBytes} a part). */
    static OtlpTraceReceiver start(int port, Path spansFile, long maxBytes) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + port, e);
        }
        // two threads: five applications export a batch every half second at most
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "otlp-receiver");
            thread.setDaemon(true);
            return thread;
        });
        OtlpTraceReceiver receiver = new OtlpTraceReceiver(server, executor, new SpanLog(spansFile, maxBytes));
        server.createContext(TRACES_PATH, receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(TRACES_PATH)) {
                answer(exchange, 404, null);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, null);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(PROTOBUF)) {
                answer(exchange, 415, status(INVALID_ARGUMENT,
                        "Only binary protobuf (" + PROTOBUF + ") is accepted, not " + contentType));
                return;
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body(exchange));
            } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
                answer(exchange, 400,
                        status(INVALID_ARGUMENT, "Not an ExportTraceServiceRequest: " + e.getMessage()));
                return;
            }
            try {
                spans.append(OtlpSpans.from(request).stream().filter(OtlpSpans::worthKeeping).toList());
            } catch (UncheckedIOException e) {
                LOG.log(Level.WARNING, "Received spans dropped", e);
                answer(exchange, 500, status(INTERNAL, e.getMessage()));
                return;
            }
            // an ExportTraceServiceResponse without partial_success: zero bytes
            answer(exchange, 200, new byte[0]);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
            in = new GZIPInputStream(in);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            body.write(buffer, 0, read);
            if (body.size() > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        return body.toByteArray();
    }

    private static void answer(HttpExchange exchange, int status, byte[] protobuf) throws IOException {
        if (protobuf == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
        exchange.sendResponseHeaders(status, protobuf.length == 0 ? -1 : protobuf.length);
        if (protobuf.length > 0) {
            exchange.getResponseBody().write(protobuf);
        }
    }

    /** A {@code google.rpc.Status} (code 1, message 2), written by hand: its class is not in opentelemetry-proto. */
    private static byte[] status(int code, String message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeInt32(1, code);
        out.writeString(2, message);
        out.flush();
        return bytes.toByteArray();
    }

    /** Stops listening; a request being answered gets a second to finish. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
