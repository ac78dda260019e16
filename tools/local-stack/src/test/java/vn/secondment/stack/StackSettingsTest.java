package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StackSettingsTest {

    @Test
    void theDeveloperStackUsesFixedPortsAndKeepsItsStateInDotPlatform(@TempDir Path root) {
        StackSettings settings = StackSettings.defaults(root);

        assertThat(settings.stateDirectory()).isEqualTo(root.resolve(".platform"));
        assertThat(settings.ports()).isEqualTo(new Ports(8080, 8081, 8082, 8083, 8084, 8180, 9190, 15432, 9092, 9093,
                2525, 3143));
        assertThat(settings.logsDirectory()).isEqualTo(root.resolve(".platform/logs"));
        assertThat(settings.postgresDataDirectory()).isEqualTo(root.resolve(".platform/postgres"));
        assertThat(settings.kafkaLogDirectory()).isEqualTo(root.resolve(".platform/kafka"));
    }

    @Test
    void ephemeralSettingsPickTwelveDistinctPorts(@TempDir Path root, @TempDir Path state) {
        Ports ports = StackSettings.ephemeral(root, state).ports();
        List<Integer> all = List.of(ports.gateway(), ports.personnelService(), ports.assignmentService(),
                ports.reportService(), ports.notificationService(), ports.keycloak(), ports.keycloakManagement(),
                ports.postgres(), ports.kafka(), ports.kafkaController(), ports.smtp(), ports.imap());

        Set<Integer> distinct = new HashSet<>(all);
        assertThat(distinct).hasSize(12).allMatch(port -> port > 0 && port < 65536);
    }

    @Test
    void stacksShareOneKeycloakInstallNamedAfterItsVersion(@TempDir Path root, @TempDir Path state) {
        Path home = StackSettings.ephemeral(root, state).keycloakHome();

        assertThat(home).isEqualTo(StackSettings.defaults(root).keycloakHome());
        assertThat(home.getFileName().toString()).isEqualTo("keycloak-26.7.3");
    }

    @Test
    void everyApplicationHasItsOwnPortAndTheGatewayComesLast() {
        Ports ports = Ports.defaults();

        assertThat(ports.applications()).containsExactly(
                Map.entry("personnel-service", 8081), java.util.Map.entry("assignment-service", 8082),
                Map.entry("report-service", 8083), java.util.Map.entry("notification-service", 8084),
                Map.entry("gateway", 8080));
        assertThat(ports.infrastructure()).containsKeys("PostgreSQL", "Kafka", "Kafka controller", "Keycloak",
                "Keycloak management", "Mail SMTP", "Mail IMAP");
    }
}
