package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./platform status} reports what really runs, from the state file and the live processes and ports. */
class StatusCommandTest {

    @TempDir
    Path root;

    @Test
    void anApplicationPortHeldByAProcessTheLauncherDidNotStartIsShownWithItsPidNotAsNotRunning() throws Exception {
        try (ServerSocket handStarted = new ServerSocket()) {
            handStarted.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Ports free = Ports.free();
            Ports ports = new Ports(free.gateway(), free.personnelService(), free.assignmentService(),
                    free.reportService(), handStarted.getLocalPort(), free.keycloak(), free.keycloakManagement(),
                    free.postgres(), free.kafka(), free.kafkaController(), free.smtp(), free.imap(), free.otlp(),
                    free.management());
            StackSettings settings = new StackSettings(root, root.resolve(".platform"), root.resolve("kc"), ports);
            ProcessHandle self = ProcessHandle.current();
            String ownCommand = ProcessTrees.commandLine(self);
            // the launcher (this JVM) recorded notification-service as a process that is gone now, restarted twice
            new StackState(self.pid(), ownCommand, Instant.now(), false, List.of(
                    new StackState.Component("notification-service", Long.MAX_VALUE - 1, "java -jar x",
                            "/nowhere/notification-service/quarkus-run.jar",
                            "http://localhost:" + ports.notificationService(), "http://localhost:1/q/health/ready",
                            2),
                    new StackState.Component("gateway", self.pid(), ownCommand, ownCommand,
                            "http://localhost:" + ports.gateway(), "tcp://127.0.0.1:" + handStarted.getLocalPort(),
                            1)))
                    .write(settings.stateFile());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exitCode = LocalStackCommand.status(settings, new PrintStream(out, true, StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(exitCode).as(printed).isEqualTo(1);
            assertThat(printed).containsPattern("notification-service +NOT OURS +" + self.pid() + " ")
                    .contains("port " + handStarted.getLocalPort() + " held by pid " + self.pid())
                    .contains("not started by the launcher");
            assertThat(printed).containsPattern("gateway +running +" + self.pid() + " .*UP \\(restarted 1x\\)");
        }
    }
}
