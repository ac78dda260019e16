package vn.secondment.e2e;

import java.io.IOException;
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

    private final String gatewayUrl;
    private final Map<String, String> tokens;
    private final HttpClient http;
    private final ExecutorService workers;

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

    Answer send(FuzzRequest request) {
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
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(request, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("X-Request-Id").orElse(null), response.body(), null,
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
