package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreconditionsTest {

    @Test
    void aTakenPortIsReportedWithTheComponentThatNeedsIt() throws IOException {
        // loopback only, as Keycloak and Kafka bind: the check must still see the port as taken
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Ports ports = withKeycloak(Ports.free(), holder.getLocalPort());

            assertThatThrownBy(() -> Preconditions.requireFreePorts(Preconditions.portsNeeded(ports, true)))
                    .isInstanceOfSatisfying(StackStartException.class, e -> {
                        assertThat(e.component()).isEqualTo("Keycloak");
                        assertThat(e.getMessage())
                                .contains("Port " + holder.getLocalPort() + " (Keycloak) is already in use")
                                // this JVM holds it: the message names the pid to look at
                                .contains("Port " + holder.getLocalPort() + " is held by pid "
                                        + ProcessHandle.current().pid() + " (")
                                .contains("./platform status");
                    });
        }
    }

    @Test
    void applicationPortsAreCheckedOnlyWhenTheApplicationsStart() throws IOException {
        try (ServerSocket holder = new ServerSocket(0)) {
            Ports free = Ports.free();
            Ports ports = new Ports(holder.getLocalPort(), free.personnelService(), free.assignmentService(),
                    free.reportService(), free.notificationService(), free.keycloak(), free.keycloakManagement(),
                    free.postgres(), free.kafka(), free.kafkaController(), free.smtp(), free.imap(), free.otlp(),
                    free.management());

            assertThatCode(() -> Preconditions.requireFreePorts(Preconditions.portsNeeded(ports, true)))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> Preconditions.requireFreePorts(Preconditions.portsNeeded(ports, false)))
                    .isInstanceOfSatisfying(StackStartException.class,
                            e -> assertThat(e.component()).isEqualTo("gateway"));
        }
    }

    @Test
    void theMailServersPortsAreCheckedAlsoForTheInfrastructureOnly() throws IOException {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Ports p = Ports.free();
            Ports ports = new Ports(p.gateway(), p.personnelService(), p.assignmentService(), p.reportService(),
                    p.notificationService(), p.keycloak(), p.keycloakManagement(), p.postgres(), p.kafka(),
                    p.kafkaController(), holder.getLocalPort(), p.imap(), p.otlp(), p.management());

            assertThat(Preconditions.portsNeeded(ports, true)).containsEntry("Mail SMTP", holder.getLocalPort())
                    .containsEntry("Mail IMAP", p.imap());
            assertThatThrownBy(() -> Preconditions.requireFreePorts(Preconditions.portsNeeded(ports, true)))
                    .isInstanceOfSatisfying(StackStartException.class, e -> {
                        assertThat(e.component()).isEqualTo("Mail SMTP");
                        assertThat(e.getMessage())
                                .contains("Port " + holder.getLocalPort() + " (Mail SMTP) is already in use");
                    });
        }
    }

    @Test
    void missingApplicationJarsAreNamedWithTheirPaths(@TempDir Path root) throws IOException {
        Path built = PlatformApplication.named("personnel-service").runnableJar(root);
        Files.createDirectories(built.getParent());
        Files.writeString(built, "jar");

        assertThatThrownBy(() -> Preconditions.requireBuiltApplications(root))
                .isInstanceOfSatisfying(StackStartException.class, e -> {
                    assertThat(e.component()).isEqualTo("assignment-service");
                    assertThat(e.getMessage())
                            .contains("assignment-service (" + root.resolve(
                                    "assignment-service/target/quarkus-app/quarkus-run.jar") + ")")
                            .contains("report-service", "notification-service", "gateway")
                            .doesNotContain("personnel-service")
                            .contains("./platform up --build");
                });
    }

    @Test
    void aSecondStackInTheSameStateDirectoryIsRefusedWhileTheFirstRuns(@TempDir Path state) {
        StackSettings settings = new StackSettings(state, state, state.resolve("kc"), Ports.free());
        ProcessHandle self = ProcessHandle.current();
        new StackState(self.pid(), ProcessTrees.commandLine(self), Instant.now(), true, List.of())
                .write(settings.stateFile());

        assertThatThrownBy(() -> Preconditions.requireNoRunningStack(settings))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("already running")
                .hasMessageContaining("./platform down");
    }

    @Test
    void aStateFileLeftByADeadLauncherDoesNotBlockAStart(@TempDir Path state) {
        StackSettings settings = new StackSettings(state, state, state.resolve("kc"), Ports.free());
        new StackState(Long.MAX_VALUE - 1, "java -jar local-stack-launcher.jar up", Instant.now(), false, List.of())
                .write(settings.stateFile());

        assertThatCode(() -> Preconditions.requireNoRunningStack(settings)).doesNotThrowAnyException();
    }

    private static Ports withKeycloak(Ports p, int keycloak) {
        return new Ports(p.gateway(), p.personnelService(), p.assignmentService(), p.reportService(),
                p.notificationService(), keycloak, p.keycloakManagement(), p.postgres(), p.kafka(),
                p.kafkaController(), p.smtp(), p.imap(), p.otlp(), p.management());
    }
}
