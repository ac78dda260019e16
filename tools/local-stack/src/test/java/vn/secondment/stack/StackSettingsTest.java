package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StackSettingsTest {

    /**
     * A service started by hand ({@code quarkus:dev}) next to {@code ./platform up --infra} uses its own
     * application.properties: the developer stack must listen where those point, and each application must get the
     * port it would take itself.
     */
    @Test
    void theDeveloperStackListensWhereTheApplicationsOwnSettingsPointAndKeepsItsStateInDotPlatform(@TempDir Path root)
            throws IOException {
        StackSettings settings = StackSettings.defaults(root);
        Ports ports = settings.ports();

        for (PlatformApplication application : PlatformApplication.ALL) {
            Properties own = new Properties();
            try (Reader reader = Files.newBufferedReader(LocalStackCommand.projectRoot()
                    .resolve(application.name()).resolve("src/main/resources/application.properties"))) {
                own.load(reader);
            }
            String name = application.name();
            assertThat(own.getProperty("quarkus.http.port")).as(name)
                    .isEqualTo(Integer.toString(ports.application(name)));
            assertThat(own.getProperty("quarkus.oidc.auth-server-url")).as(name)
                    .startsWith("http://localhost:" + ports.keycloak() + "/");
            if (application.isService()) {
                assertThat(own.getProperty("quarkus.datasource.jdbc.url")).as(name).isEqualTo(
                        "jdbc:postgresql://localhost:" + ports.postgres() + "/" + application.database().orElseThrow());
                assertThat(own.getProperty("kafka.bootstrap.servers")).as(name).endsWith(":" + ports.kafka());
            }
            if (application.sendsMail()) {
                assertThat(own.getProperty("quarkus.mailer.port")).as(name).isEqualTo(Integer.toString(ports.smtp()));
            }
        }
        assertThat(settings.stateDirectory()).isEqualTo(root.resolve(".platform"));
        assertThat(List.of(settings.logsDirectory(), settings.postgresDataDirectory(), settings.kafkaLogDirectory(),
                settings.stateFile())).allMatch(path -> path.getParent().equals(settings.stateDirectory()));
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
        assertThat(home.getFileName().toString()).isEqualTo("keycloak-" + KeycloakDistribution.version());
    }

    @Test
    void everyApplicationHasItsOwnPortAndTheGatewayComesLast() {
        Ports ports = Ports.free();
        Map<String, Integer> applications = ports.applications();

        // in start order: the gateway routes to the others
        assertThat(new ArrayList<>(applications.keySet())).containsExactlyElementsOf(PlatformApplication.names())
                .endsWith("gateway");
        // the port each is started on, shared with no other component
        applications.forEach((name, port) -> assertThat(ProcessEnvironments.application(ports,
                PlatformApplication.named(name))).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(port))
                .containsEntry("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports.management(name))));
        List<Integer> all = new ArrayList<>(applications.values());
        all.addAll(ports.management().values());
        all.addAll(ports.infrastructure().values());
        assertThat(all).doesNotHaveDuplicates().hasSize(Ports.COUNT);
    }
}
