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

    public Optional<ServiceRoute> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<ServiceRoute> all() {
        return longestPrefixFirst;
    }
}
