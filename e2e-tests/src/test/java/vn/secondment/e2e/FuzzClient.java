package vn.secondment.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the fuzz's requests to the gateway exactly as made (java.net.http: no client-side encoding or checks
 * of its own beyond what HTTP forbids), a few at a time.
 */
final class FuzzClient implements AutoCloseable {

    /** Headers java.net.http sets itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    /** What came back; status 0 when nothing did (the cause in {@code error}). */
    record Answer(FuzzRequest request, int status, String contentType, String requestId, byte[] body, String error,
                  long millis, String etag, String location) {
    }

    /** Enough of any answer to judge it; the rest (a big export) is not read. */
    private static final int MAX_BODY = 1 << 20;

    private final String gatewayUrl;
    private final Map<String, String> tokens;
    private final HttpClient http;
    private final ExecutorService workers;
    private final AtomicInteger retried = new AtomicInteger();

    FuzzClient(String gatewayUrl, Map<String, String> tokens, int concurrency) {
        this.gatewayUrl = gatewayUrl;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.workers = Executors.newFixedThreadPool(concurrency);
    }

    /** Sends them all, a few at a time; the answers in the requests' order. */
    List<Answer> sendAll(List<FuzzRequest> requests) {
        List<Future<Answer>> pending = new ArrayList<>();
        for (FuzzRequest request : requests) {
            pending.add(workers.submit(() -> send(request)));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : pending) {
            try {
                answers.add(future.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return answers;
    }

    /**
     * Sends one request. A connection the server had already closed (java.net.http reuses kept-alive ones and
     * retries only GETs itself) is retried once on a new one; a second failure is the answer.
     */
    Answer send(FuzzRequest request) {
        Answer answer = sendOnce(request);
        if (answer.status() == 0 && answer.error().contains("IOException")) {
            retried.incrementAndGet();
            answer = sendOnce(request);
        }
        return answer;
    }

    /** How many requests were sent again after their connection had been closed under them. */
    int retried() {
        return retried.get();
    }

    private Answer sendOnce(FuzzRequest request) {
        long started = System.nanoTime();
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gatewayUrl + request.target()))
                    .timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            String token = switch (request.caller()) {
                case FuzzRequest.ANONYMOUS -> null;
                case FuzzRequest.BAD_TOKEN -> "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
                default -> tokens.get(request.caller());
            };
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            request.headers().forEach((name, value) -> {
                if (!RESTRICTED.contains(name.toLowerCase())) {
                    builder.header(name, value);
                }
            });
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            byte[] body;
            try (InputStream in = response.body()) {
                // an event stream never ends (the request's timeout covers only the wait for the headers)
                body = contentType != null && contentType.startsWith("text/event-stream") ? new byte[0]
                        : in.readNBytes(MAX_BODY);
            }
            return new Answer(request, response.statusCode(), contentType,
                    response.headers().firstValue("X-Request-Id").orElse(null), body, null,
                    millisSince(started), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(request, 0, null, null, new byte[0], e.toString(), millisSince(started), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(request, 0, null, null, new byte[0], e.toString(), millisSince(started), null, null);
        }
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
