package vn.secondment.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.secondment.gateway.config.GatewayConfig;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the service for a request path: the longest configured prefix that the path is under. */
@ApplicationScoped
public class RouteTable {

    public static final String GATEWAY = "gateway";
    public static final String UNMATCHED = "unmatched";

    /** The gateway's own pages: OpenAPI documents, the console, the event contract. */
    private static final List<String> GATEWAY_PAGES =
            List.of("/openapi/", "/q/swagger-ui", "/q/openapi", "/asyncapi", "/dataschema/");

    private final List<ServiceRoute> longestPrefixFirst;
    private final Map<String, ServiceRoute> byName;

    @Inject
    public RouteTable(GatewayConfig config) {
        this(config.routes().entrySet().stream()
                .map(route -> ServiceRoute.of(route.getKey(), route.getValue()))
                .toList());
    }

    RouteTable(Collection<ServiceRoute> routes) {
        Set<String> prefixes = new HashSet<>();
        for (ServiceRoute route : routes) {
            if (!prefixes.add(route.prefix())) {
                throw new IllegalStateException("Two gateway routes share the prefix " + route.prefix());
            }
        }
        this.longestPrefixFirst = routes.stream()
                .sorted(Comparator.comparingInt((ServiceRoute route) -> route.prefix().length()).reversed())
                .toList();
        this.byName = routes.stream().collect(Collectors.toUnmodifiableMap(ServiceRoute::name, Function.identity()));
    }

    public Optional<ServiceRoute> routeFor(String path) {
        return longestPrefixFirst.stream().filter(route -> route.serves(path)).findFirst();
    }

    /**
     * The bounded name metrics and logs give the request's route: the service it goes to
     * ({@code personnel-service}), {@value #GATEWAY} for the gateway's own pages (OpenAPI documents and console, event
     * contract), {@value #UNMATCHED} for anything else (an unknown {@code /api/...} prefix included).
     */
    public String label(String path) {
        if (path == null) {
            return UNMATCHED;
        }
        if (path.startsWith("/api/")) {
            return routeFor(path).map(ServiceRoute::serviceName).orElse(UNMATCHED);
        }
        return GATEWAY_PAGES.stream().anyMatch(page -> path.equals(page) || path.startsWith(page.endsWith("/") ? page
                : page + "/")) ? GATEWAY : UNMATCHED;
    }

    public Optional<ServiceRoute> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<ServiceRoute> all() {
        return longestPrefixFirst;
    }
}
