package vn.secondment.gateway.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.secondment.gateway.asyncapi.EventContractDocuments;
import vn.secondment.gateway.console.WebConsole;
import vn.secondment.gateway.openapi.OpenApiDocuments;
import vn.secondment.gateway.proxy.ServiceProxy;
import vn.secondment.gateway.ratelimit.RateLimiting;
import vn.secondment.gateway.routing.RouteTable;
import vn.secondment.gateway.routing.ServiceRoute;
import vn.secondment.gateway.security.ApiAuthentication;
import vn.secondment.rest.problem.ProblemType;

/**
 * Puts the gateway on Quarkus' router. In order, for every request:
 * <ol>
 *   <li>an {@code X-Request-Id} (secondment-rest's, before anything can answer, so every answer carries it);</li>
 *   <li>Quarkus' CORS filter and token verification (built in);</li>
 *   <li>{@code /api/*}: a token is required, the caller is rate limited, the call is forwarded to its service;</li>
 *   <li>{@code GET /openapi/<name>}: rate limited, no token, the service's OpenAPI document;</li>
 *   <li>{@code GET /asyncapi} and {@code GET /dataschema/...}: rate limited, no token, the event contract;</li>
 *   <li>{@code /}, {@code /console/...}: the web console's files with their security headers, and its login
 *   settings ({@link WebConsole}), no token (the console logs in through Keycloak and calls {@code /api}).</li>
 * </ol>
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    /** Before Quarkus' CORS (-300) and authentication (-200) filters. */
    private static final int BEFORE_SECURITY = -1_000;
    /** Read by Quarkus' Micrometer binder as the request's {@code uri} tag. */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";
    private static final String API_ROOT = "/api/";

    private final RouteTable routes;
    private final ApiAuthentication authentication;
    private final RateLimiting rateLimiting;
    private final ServiceProxy proxy;
    private final OpenApiDocuments openApiDocuments;
    private final EventContractDocuments eventContract;
    private final ProblemWriter problems;
    private final WebConsole console;

    public GatewayRoutes(RouteTable routes, ApiAuthentication authentication, RateLimiting rateLimiting,
                         ServiceProxy proxy, OpenApiDocuments openApiDocuments, EventContractDocuments eventContract,
                         ProblemWriter problems, WebConsole console) {
        this.routes = routes;
        this.authentication = authentication;
        this.rateLimiting = rateLimiting;
        this.proxy = proxy;
        this.openApiDocuments = openApiDocuments;
        this.eventContract = eventContract;
        this.problems = problems;
        this.console = console;
    }

    void register(@Observes Router router) {
        for (ServiceRoute route : routes.all()) {
            LOG.infof("Routing %s/* to %s at %s", route.prefix(), route.serviceName(), route.url());
        }
        router.route().order(BEFORE_SECURITY).handler(this::identify);
        router.route().order(BEFORE_SECURITY).failureHandler(authentication::answerFailedAuthentication);

        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(authentication::requireToken)
                .handler(rateLimiting)
                .handler(this::forwardApiCall);
        router.get("/openapi/:service").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(rateLimiting)
                .handler(openApiDocuments);
        router.get(EventContractDocuments.ASYNCAPI_PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(rateLimiting)
                .handler(eventContract::asyncApi);
        router.get(EventContractDocuments.SCHEMA_ROOT + "*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(rateLimiting)
                .handler(eventContract::schema);
        router.get(WebConsole.CONFIG_PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(rateLimiting)
                .handler(console::config);
        // only the console's own paths: the API's requests pass no extra handler
        for (String path : WebConsole.PATHS) {
            router.route(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(console::secure);
        }
    }

    private void identify(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith(API_ROOT)) {
            // one metrics series per service instead of one per official's id
            String template = routes.routeFor(path).map(route -> route.prefix() + "/*").orElse("/api/{unknown}");
            ((HttpServerRequestInternal) context.request()).context().putLocal(METRICS_URI_TEMPLATE, template);
        }
        context.next();
    }

    private void forwardApiCall(RoutingContext context) {
        String path = context.normalizedPath();
        ServiceRoute route = routes.routeFor(path).orElse(null);
        if (route == null) {
            problems.send(context, ProblemType.NOT_FOUND, "No service serves " + path);
            return;
        }
        // the normalised path, so the service gets exactly the path the gateway routed (no ../ tricks)
        String query = context.request().query();
        proxy.forward(context, route, route.basePath() + path + (query == null ? "" : "?" + query));
    }
}
