package vn.secondment.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.secondment.gateway.http.GatewayMetrics;
import vn.secondment.gateway.http.ProblemWriter;
import vn.secondment.gateway.routing.ServiceRoute;
import vn.secondment.rest.http.RequestIds;
import vn.secondment.rest.http.RequestLogContext;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemType;

import java.util.List;

/**
 * Forwards a request to a service with vertx-http-proxy and streams the answer back without buffering it.
 * <p>
 * Method, path, query, headers (including {@code Authorization}: services verify the token again) and body go
 * through; hop-by-hop headers do not. The gateway adds {@code X-Forwarded-For/-Proto/-Host},
 * {@code X-Request-Id} and the W3C {@code traceparent} of its own span (instead of the caller's). A service that
 * cannot be connected to becomes a 503 problem naming it, with {@code Retry-After}; one too slow to start answering a
 * 504, one that drops the connection without an answer a 502. A service's own answers, its 503 and
 * {@code Retry-After} among them, pass unchanged. A body sent in
 * chunks past {@code quarkus.http.limits.max-body-size} is cut off and answered with a 413 problem. The request body
 * stays paused from the moment the request arrives (Quarkus pauses it before authentication) until the proxy pipes
 * it to the service.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    /** Response headers about the service's connection, not the caller's (RFC 9110, section 7.6.1). */
    private static final List<String> HOP_BY_HOP_RESPONSE_HEADERS =
            List.of("connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade");

    /** W3C trace context and baggage (quarkus-opentelemetry's default propagators). */
    private static final List<String> TRACE_CONTEXT_HEADERS = List.of("traceparent", "tracestate", "baggage");

    private final Backends backends;
    private final ProblemWriter problems;
    private final long maxBody;

    public ServiceProxy(Backends backends, ProblemWriter problems,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                        MemorySize maxBody) {
        this.backends = backends;
        this.problems = problems;
        this.maxBody = maxBody.asLongValue();
    }

    /**
     * @param uri the path and query to request from the service
     */
    public void forward(RoutingContext context, ServiceRoute route, String uri) {
        Exchange exchange = new Exchange(context, route, uri);
        // a proxy per request is two small objects; it lets the interceptor see this request's routing context
        HttpProxy.reverseProxy(backends.client())
                .origin(exchange::connect)
                .addInterceptor(exchange)
                .handle(context.request());
    }

    /** One forwarded request. */
    private final class Exchange implements ProxyInterceptor {

        private final RoutingContext context;
        private final ServiceRoute route;
        private final String uri;
        private boolean connected;
        private boolean tooLarge;

        private Exchange(RoutingContext context, ServiceRoute route, String uri) {
            this.context = context;
            this.route = route;
            this.uri = uri;
        }

        private Future<HttpClientRequest> connect(ProxyContext proxy) {
            return proxy.client()
                    .request(backends.requestTo(route, proxy.request().getMethod(), uri))
                    .onSuccess(request -> connected = true);
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext proxy) {
            proxy.request().setURI(uri);
            addForwardingHeaders(proxy.request().headers(), context.request());
            proxy.request().headers().set(RequestIds.HEADER, RequestIds.of(context));
            // the tracer adds the gateway's own trace context when the request goes out: the caller's, copied with
            // the other headers, would make a second traceparent, which a service may read first
            TRACE_CONTEXT_HEADERS.forEach(proxy.request().headers()::remove);
            Body body = proxy.request().getBody();
            if (body != null && body.length() < 0) {
                // sent in chunks: a Content-Length over the limit was refused before, this is counted on the way
                proxy.request().setBody(Body.body(new CountedBody(body.stream(), maxBody, () -> tooLarge = true), -1));
            }
            return proxy.sendRequest()
                    .onSuccess(answer -> answered(answer.getStatusCode()))
                    .recover(failure -> Future.succeededFuture(problemResponse(proxy, failure)));
        }

        private void answered(int status) {
            context.put(GatewayMetrics.UPSTREAM_STATUS, status);
            if (status >= 500) {
                LOG.warnf("%s answered %d to %s %s", route.serviceName(), status, context.request().method(),
                        RequestLogContext.route(context));
            }
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext proxy) {
            MultiMap headers = proxy.response().headers();
            HOP_BY_HOP_RESPONSE_HEADERS.forEach(headers::remove);
            return proxy.sendResponse();
        }

        private ProxyResponse problemResponse(ProxyContext proxy, Throwable failure) {
            if (tooLarge) {
                // what is left of the upload is not read: the connection closes after the answer
                context.addBodyEndHandler(ended -> context.request().connection().close());
                return proxy.request().release().response()
                        .setStatusCode(ProblemType.PAYLOAD_TOO_LARGE.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .setBody(Body.body(problems.body(ProblemType.PAYLOAD_TOO_LARGE, "The body, sent in chunks, "
                                + "is larger than the " + maxBody + " bytes accepted", context.normalizedPath())));
            }
            Backends.Failure explained = backends.explain(route, failure, connected);
            // the route template, not the URI: a query can carry what a caller searched for (a name)
            LOG.warnf("%s %s: %s %s to %s failed: %s", route.serviceName(), switch (explained.problem()) {
                        case SERVICE_TIMEOUT -> "timed out";
                        case BAD_GATEWAY -> "gave no answer";
                        default -> "unavailable";
                    }, context.request().method(), RequestLogContext.route(context), route.url(), failure.toString());
            ProxyResponse response = proxy.request().release().response()
                    .setStatusCode(explained.problem().status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(problems.body(explained.problem(), explained.detail(), context.normalizedPath())));
            if (explained.retryAfter() != null) {
                response.putHeader(HttpHeaders.RETRY_AFTER, explained.retryAfterSeconds());
            }
            return response;
        }
    }

    static void addForwardingHeaders(MultiMap headers, HttpServerRequest request) {
        SocketAddress client = request.remoteAddress();
        if (client != null) {
            String earlier = headers.get(X_FORWARDED_FOR);
            String address = client.hostAddress() != null ? client.hostAddress() : client.host();
            headers.set(X_FORWARDED_FOR, earlier == null || earlier.isBlank() ? address : earlier + ", " + address);
        }
        headers.set(X_FORWARDED_PROTO, request.scheme());
        HostAndPort authority = request.authority();
        if (authority != null) {
            headers.set(X_FORWARDED_HOST, authority.toString());
        }
        // the gateway has already told the caller to go on (quarkus.http.handle-100-continue-automatically)
        headers.remove(HttpHeaders.EXPECT);
    }
}
