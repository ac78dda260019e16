package vn.secondment.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformApplicationTest {

    @Test
    void applicationsStartFromTheirQuarkusAppFolder() {
        assertThat(PlatformApplication.named("gateway").runnableJar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/gateway/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void theGatewayRouteVariablesFollowTheServiceNames() {
        assertThat(PlatformApplication.ALL).filteredOn(PlatformApplication::isService)
                .extracting(PlatformApplication::gatewayRouteVariable)
                .containsExactly("GATEWAY_ROUTES_PERSONNEL_URL", "GATEWAY_ROUTES_ASSIGNMENT_URL",
                        "GATEWAY_ROUTES_REPORT_URL", "GATEWAY_ROUTES_NOTIFICATION_URL");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> PlatformApplication.named("billing-service"))
                .hasMessageContaining("personnel-service");
    }
}
