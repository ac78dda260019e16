package vn.secondment.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a component whether it is ready: an HTTP GET that must answer 200, or a TCP connect. */
final class HealthProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HealthProbe() {
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    static int httpStatus(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static boolean acceptsConnections(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A short verdict for {@code status}: {@code UP}, {@code DOWN (HTTP 503)} or {@code unreachable}. */
    static String describe(String healthUrl) {
        if (healthUrl.startsWith("tcp://")) {
            URI uri = URI.create(healthUrl);
            return acceptsConnections(uri.getHost(), uri.getPort()) ? "UP" : "unreachable";
        }
        int status = httpStatus(healthUrl);
        if (status == 200) {
            return "UP";
        }
        return status < 0 ? "unreachable" : "DOWN (HTTP " + status + ")";
    }

    static boolean isUp(String healthUrl) {
        return "UP".equals(describe(healthUrl));
    }
}
