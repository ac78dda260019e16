package vn.secondment.gateway.proxy;

import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.gateway.config.GatewayConfig;
import vn.secondment.gateway.routing.ServiceRoute;
import vn.secondment.rest.problem.ProblemType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP clients towards the services, one per event loop, their time limits, and how a failed call is explained
 * to the caller.
 * <p>
 * One client per event loop because Vert.x's pool hands out any free connection, whichever event loop it lives on:
 * a request that arrived on one loop then writes and reads on another and comes back, two thread hops each way.
 * A client used only from its own loop opens its connections there. The connections per service are shared out
 * among the loops.
 */
@ApplicationScoped
public class Backends {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    /** For a call made off the event loops (a worker thread): all of the service's connections, as before. */
    private final HttpClient shared;
    private final Map<EventLoop, HttpClient> perEventLoop = new ConcurrentHashMap<>();
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration retryAfter;

    public Backends(Vertx vertx, GatewayConfig config) {
        this.connectTimeout = config.timeouts().connect();
        this.responseTimeout = config.timeouts().response();
        this.retryAfter = config.retryAfter();
        this.vertx = vertx;
        this.options = new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                // bodies pass through as the service encoded them
                .setDecompressionSupported(false);
        int eventLoops = 0;
        for (var ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            eventLoops++;
        }
        this.pool = new PoolOptions().setHttp1MaxSize(
                Math.max(1, config.connections().maxPerService() / Math.max(1, eventLoops)));
        this.shared = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(
                config.connections().maxPerService()));
    }

    /** The client of the event loop this is called on. */
    public HttpClient client() {
        if (Vertx.currentContext() instanceof ContextInternal context && context.isEventLoopContext()) {
            return perEventLoop.computeIfAbsent(context.nettyEventLoop(),
                    loop -> vertx.createHttpClient(options, pool));
        }
        return shared;
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
        perEventLoop.values().forEach(HttpClient::close);
        shared.close();
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
