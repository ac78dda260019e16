package vn.secondment.gateway.ratelimit;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.secondment.gateway.config.GatewayConfig;
import vn.secondment.gateway.http.ProblemWriter;
import vn.secondment.gateway.routing.RouteTable;
import vn.secondment.gateway.security.ApiAuthentication;
import vn.secondment.rest.problem.ProblemType;

/**
 * Route handler that limits each caller: the token's subject when the call is authenticated (so a whole ministry
 * behind one NAT address is not throttled as one), otherwise the client address. Over the limit it answers 429
 * with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimiting implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(RateLimiting.class);
    private static final long FORGET_IDLE_CALLERS_EVERY_MS = 60_000;

    private final boolean enabled;
    private final TokenBucketRateLimiter limiter;
    private final ProblemWriter problems;
    private final RouteTable routes;
    private final Vertx vertx;
    private final long forgetTimer;

    public RateLimiting(GatewayConfig config, ProblemWriter problems, RouteTable routes, Vertx vertx) {
        GatewayConfig.RateLimit settings = config.rateLimit();
        this.enabled = settings.enabled();
        this.limiter = new TokenBucketRateLimiter(settings.requestsPerSecond(), settings.burst(), System::nanoTime);
        this.problems = problems;
        this.routes = routes;
        this.vertx = vertx;
        this.forgetTimer = vertx.setPeriodic(FORGET_IDLE_CALLERS_EVERY_MS, ignored -> limiter.forgetIdleCallers());
    }

    @Override
    public void handle(RoutingContext context) {
        if (!enabled) {
            context.next();
            return;
        }
        TokenBucketRateLimiter.Decision decision = limiter.tryAcquire(callerOf(context));
        if (decision.allowed()) {
            context.next();
            return;
        }
        long seconds = decision.retryAfterSeconds();
        // the caller is in the MDC (userId) when it has a token; its address is not logged
        LOG.infof("Rate limited: %s on route %s, retry after %d s", context.request().method(),
                routes.label(context.normalizedPath()), seconds);
        context.response().putHeader("Retry-After", Long.toString(seconds));
        problems.send(context, ProblemType.TOO_MANY_REQUESTS,
                "Too many requests from this caller; try again in " + seconds + " s");
    }

    private static String callerOf(RoutingContext context) {
        return ApiAuthentication.subject(context)
                .map(subject -> "subject:" + subject)
                .orElseGet(() -> "address:" + context.request().remoteAddress().hostAddress());
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(forgetTimer);
    }
}
