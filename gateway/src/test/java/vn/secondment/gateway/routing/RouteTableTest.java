package vn.secondment.gateway.routing;

import org.junit.jupiter.api.Test;
import vn.secondment.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private final RouteTable routes = new RouteTable(List.of(
            route("personnel", "/api/personnel", "http://localhost:8081"),
            route("exports", "/api/personnel/exports", "https://exports.internal"),
            route("assignment", "/api/assignment", "http://assignment:8082/base/")));

    @Test
    void picksTheLongestPrefixThePathIsUnder() {
        assertThat(routes.routeFor("/api/personnel/officials")).map(ServiceRoute::name).hasValue("personnel");
        assertThat(routes.routeFor("/api/personnel")).map(ServiceRoute::name).hasValue("personnel");
        assertThat(routes.routeFor("/api/personnel/exports/officials.csv")).map(ServiceRoute::name).hasValue("exports");
    }

    @Test
    void matchesWholePathSegmentsOnly() {
        assertThat(routes.routeFor("/api/personnelx")).isEmpty();
        assertThat(routes.routeFor("/api")).isEmpty();
        assertThat(routes.routeFor("/other/personnel")).isEmpty();
    }

    @Test
    void namesTheRouteOfMetricsAndLogsByItsServiceTheGatewayOrUnmatched() {
        assertThat(routes.label("/api/personnel/officials/6f1c2a3e")).isEqualTo("personnel-service");
        assertThat(routes.label("/api/personnel/exports/officials.csv")).isEqualTo("exports-service");
        assertThat(routes.label("/api/payroll/salaries")).isEqualTo("unmatched");
        assertThat(routes.label("/openapi/personnel")).isEqualTo("gateway");
        assertThat(routes.label("/q/swagger-ui/index.html")).isEqualTo("gateway");
        assertThat(routes.label("/asyncapi")).isEqualTo("gateway");
        assertThat(routes.label("/dataschema/vn.secondment.personnel.official.registered/v1.json")).isEqualTo("gateway");
        assertThat(routes.label("/asyncapix")).isEqualTo("unmatched");
        assertThat(routes.label("/wp-login.php")).isEqualTo("unmatched");
    }

    @Test
    void readsHostPortTlsAndBasePathFromTheUrl() {
        ServiceRoute exports = routes.named("exports").orElseThrow();
        assertThat(exports.tls()).isTrue();
        assertThat(exports.port()).isEqualTo(443);

        ServiceRoute assignment = routes.named("assignment").orElseThrow();
        assertThat(assignment.host()).isEqualTo("assignment");
        assertThat(assignment.port()).isEqualTo(8082);
        assertThat(assignment.basePath()).isEqualTo("/base");
        assertThat(assignment.serviceName()).isEqualTo("assignment-service");
    }

    @Test
    void refusesRoutesThatWouldMisrouteCalls() {
        assertThatThrownBy(() -> route("x", "/personnel", "http://localhost:1")).hasMessageContaining("gateway.routes.x.prefix");
        assertThatThrownBy(() -> route("x", "/api/x/", "http://localhost:1")).hasMessageContaining("gateway.routes.x.prefix");
        assertThatThrownBy(() -> route("x", "/api/x", "ftp://localhost:1")).hasMessageContaining("gateway.routes.x.url");
        assertThatThrownBy(() -> new RouteTable(List.of(
                route("a", "/api/same", "http://localhost:1"),
                route("b", "/api/same", "http://localhost:2")))).hasMessageContaining("/api/same");
    }

    private static ServiceRoute route(String name, String prefix, String url) {
        return ServiceRoute.of(name, new GatewayConfig.Route() {
            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public URI url() {
                return URI.create(url);
            }
        });
    }
}
