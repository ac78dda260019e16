package vn.secondment.gateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.secondment.gateway.routing.RouteTable;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's own meters, one observation per request when it ends, tagged with the bounded route of
 * {@link RouteTable#label(String)}:
 * <ul>
 *   <li>{@code secondment.gateway.requests{route, status}}: a timer of every request, whoever answered it;</li>
 *   <li>{@code secondment.gateway.rejections{route, reason}}: requests the gateway itself refused
 *       ({@code unauthorized}, {@code rate_limited}, {@code too_large}, ...), never a service's own 4xx;</li>
 *   <li>{@code secondment.gateway.upstream.errors{route, kind}}: a service that cannot be connected to
 *       ({@code unavailable}, answered 503), too slow to start answering ({@code timeout}, 504), dropping the
 *       connection without an answer ({@code no_answer}, 502), or answering 5xx itself ({@code 5xx}, passed on).</li>
 * </ul>
 */
@ApplicationScoped
public class GatewayMetrics {

    public static final String REQUESTS = "secondment.gateway.requests";
    public static final String REJECTIONS = "secondment.gateway.rejections";
    public static final String UPSTREAM_ERRORS = "secondment.gateway.upstream.errors";

    /** The status a service answered with, put by the proxy; absent when the gateway answered itself. */
    public static final String UPSTREAM_STATUS = GatewayMetrics.class.getName() + ".upstreamStatus";

    private static final Map<Integer, String> REJECTION_REASONS = Map.of(
            400, "bad_request",
            401, "unauthorized",
            403, "forbidden",
            404, "not_found",
            405, "method_not_allowed",
            413, "too_large",
            414, "uri_too_long",
            429, "rate_limited",
            431, "headers_too_large");

    private final MeterRegistry registry;
    private final RouteTable routes;
    /** By route and status, both bounded: found once, not built and looked up again on every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry, RouteTable routes) {
        this.registry = registry;
        this.routes = routes;
    }

    void install(@Observes Router router) {
        // first of all, so that the HTTP layer's own refusals (414, 431) are counted too
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            Timer.Sample sample = Timer.start(registry);
            String route = routes.label(context.normalizedPath());
            context.addEndHandler(ended -> record(context, route, sample));
            context.next();
        });
    }

    private void record(RoutingContext context, String route, Timer.Sample sample) {
        int status = context.response().getStatusCode();
        sample.stop(timers.computeIfAbsent(route + ' ' + status, key -> Timer.builder(REQUESTS)
                .description("Requests the gateway served, by route and status")
                .tags("route", route, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)));
        Integer upstream = context.get(UPSTREAM_STATUS);
        if (upstream != null) {
            if (upstream >= 500) {
                upstreamError(route, "5xx");
            }
        } else if (status == 503) {
            upstreamError(route, "unavailable");
        } else if (status == 502) {
            upstreamError(route, "no_answer");
        } else if (status == 504) {
            upstreamError(route, "timeout");
        } else if (status >= 400 && status < 500) {
            Counter.builder(REJECTIONS)
                    .description("Requests the gateway refused itself, by route and reason")
                    .tags("route", route, "reason", REJECTION_REASONS.getOrDefault(status, "other"))
                    .register(registry)
                    .increment();
        }
    }

    private void upstreamError(String route, String kind) {
        Counter.builder(UPSTREAM_ERRORS)
                .description("Calls a service did not answer, answered too late, or answered with 5xx")
                .tags("route", route, "kind", kind)
                .register(registry)
                .increment();
    }
}
