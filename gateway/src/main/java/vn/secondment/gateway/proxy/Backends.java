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

    public Backends(Vertx vertx, GatewayConfig config) {
        this.connectTimeout = config.timeouts().connect();
        this.responseTimeout = config.timeouts().response();
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
     * Explains a call that got no answer.
     *
     * @param connected whether a connection to the service was obtained: only then can a timeout mean "too slow"
     */
    public Failure explain(ServiceRoute route, Throwable failure, boolean connected) {
        if (connected && isTimeout(failure)) {
            return new Failure(ProblemType.SERVICE_TIMEOUT,
                    route.serviceName() + " did not answer within " + responseTimeout.toSeconds() + " s");
        }
        return new Failure(ProblemType.SERVICE_UNAVAILABLE, route.serviceName() + " is unavailable");
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
     * @param problem what the caller is told
     * @param detail  the sentence for the problem's {@code detail}, naming the service
     */
    public record Failure(ProblemType problem, String detail) {
    }
}
