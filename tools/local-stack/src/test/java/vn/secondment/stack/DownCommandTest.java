package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.secondment.embedded.FreePorts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ./platform down} leaves no application port held by this project's applications. */
class DownCommandTest {

    /** Listens on a port until killed: an application restarted by hand, as far as its port is concerned. */
    private static final String HOLDER = """
            public class Holder {
                public static void main(String[] args) throws Exception {
                    java.net.ServerSocket socket = new java.net.ServerSocket();
                    socket.bind(new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
                    System.out.println("listening");
                    Thread.sleep(600_000);
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void aHandStartedCopyOfAnApplicationIsStoppedAndAnyOtherHolderIsNamedAndLeftAlone() throws Exception {
        Ports free = Ports.free();
        try (ServerSocket foreign = new ServerSocket()) {
            foreign.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Ports ports = new Ports(free.gateway(), free.personnelService(), free.assignmentService(),
                    free.reportService(), foreign.getLocalPort(), free.keycloak(), free.keycloakManagement(),
                    free.postgres(), free.kafka(), free.kafkaController(), free.smtp(), free.imap(), free.otlp(),
                    free.management());
            StackSettings settings = new StackSettings(root, root.resolve(".platform"), root.resolve("kc"), ports);
            Path gatewayJar = PlatformApplication.named("gateway").runnableJar(root);

            // the gateway started by hand after the launcher's copy died: same jar on the command line, its port
            Path source = Files.writeString(root.resolve("Holder.java"), HOLDER);
            Path output = root.resolve("holder.out");
            Process handStarted = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), source.toString(),
                    Integer.toString(ports.gateway()), gatewayJar.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> FreePorts.isTaken(ports.gateway()));
                // recorded by a launcher that is gone, with pids that are gone too
                new StackState(Long.MAX_VALUE - 1, "java -jar launcher.jar up", Instant.now(), false, List.of(
                        new StackState.Component("gateway", Long.MAX_VALUE - 2, "java -jar x", gatewayJar.toString(),
                                "http://localhost:" + ports.gateway(), "http://localhost:1/q/health/ready", 1),
                        new StackState.Component("notification-service", Long.MAX_VALUE - 3, "java -jar y",
                                PlatformApplication.named("notification-service").runnableJar(root).toString(),
                                "http://localhost:" + ports.notificationService(), "http://localhost:1/q/health",
                                0)))
                        .write(settings.stateFile());

                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int exitCode = new LocalStackCommand(settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)).down();

                String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
                assertThat(exitCode).as(printed).isZero();
                assertThat(handStarted.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                        .as("the hand-started gateway was stopped%n%s", printed).isTrue();
                assertThat(FreePorts.isTaken(ports.gateway())).as("the gateway's port is free").isFalse();
                assertThat(printed)
                        .contains("stopping gateway started outside the launcher (pid " + handStarted.pid())
                        .contains("port " + foreign.getLocalPort() + " (notification-service) is still held by pid "
                                + ProcessHandle.current().pid())
                        .contains("Stopped, not all cleanly");
                assertThat(settings.stateFile()).doesNotExist();
            } finally {
                handStarted.destroyForcibly();
            }
        }
    }
}
