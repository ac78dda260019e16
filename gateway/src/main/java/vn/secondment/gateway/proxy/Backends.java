package vn.secondment.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.gateway.config.GatewayConfig;
import vn.secondment.gateway.routing.ServiceRoute;
import vn.secondment.rest.problem.ProblemType;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** The one HTTP client towards the services, its time limits, and how a failed call is explained to the caller. */
@ApplicationScoped
public class Backends {

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration retryAfter;

    public Backends(Vertx vertx, GatewayConfig config) {
        this.connectTimeout = config.timeouts().connect();
        this.responseTimeout = config.timeouts().response();
        this.retryAfter = config.retryAfter();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                        // bodies pass through as the service encoded them
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.connections().maxPerService()));
    }

    public HttpClient client() {
        return client;
    }

    /**
     * A request to the service. The connect timeout bounds the wait for a connection (TCP connect or a free pooled
     * one); the idle timeout bounds the wait for the response head only: Vert.x stops it once the head arrives.
     */
    public RequestOptions requestTo(ServiceRoute route, HttpMethod method, String uri) {
        return new RequestOptions()
                .setMethod(method)
                .setHost(route.host())
                .setPort(route.port())
                .setSsl(route.tls())
                .setURI(uri)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(responseTimeout.toMillis());
    }

    /**
     * Explains a call that got no answer: no connection is 503 with {@code Retry-After} (the service is down or
     * restarting: a client may simply come back), a connection without an answer in time 504, a connection dropped
     * without an answer 502 (the service may or may not have acted on the request).
     *
     * @param connected whether a connection to the service was obtained: only then can a timeout mean "too slow"
     */
    public Failure explain(ServiceRoute route, Throwable failure, boolean connected) {
        if (!connected) {
            return new Failure(ProblemType.SERVICE_UNAVAILABLE, route.serviceName() + " is unavailable", retryAfter);
        }
        if (isTimeout(failure)) {
            return new Failure(ProblemType.SERVICE_TIMEOUT,
                    route.serviceName() + " did not answer within " + responseTimeout.toSeconds() + " s", null);
        }
        return new Failure(ProblemType.BAD_GATEWAY, route.serviceName() + " closed the connection without answering",
                null);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * @param problem    what the caller is told
     * @param detail     the sentence for the problem's {@code detail}, naming the service
     * @param retryAfter when the caller may try again ({@code Retry-After}), or null to say nothing
     */
    public record Failure(ProblemType problem, String detail, Duration retryAfter) {

        /** {@code Retry-After} in whole seconds, at least 1; null without one. */
        public String retryAfterSeconds() {
            return retryAfter == null ? null : Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
    }
}
