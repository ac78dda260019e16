package vn.secondment.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), run inside this JVM.
 * With a kept log directory, topics and offsets survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDirectory;
    private final boolean deleteOnClose;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path logDirectory, boolean deleteOnClose) {
        this.server = server;
        this.port = port;
        this.logDirectory = logDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a throw-away broker on free ports; its log directory is deleted on {@link #close()}. */
    public static EmbeddedKafkaBroker startTemporary() {
        try {
            Path dir = Files.createTempDirectory("kafka-");
            return start(FreePorts.find(), FreePorts.find(), dir, true, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a throw-away broker with a second listener on {@code listenerPort} that tells its clients to connect to
     * {@code advertisedPort} instead: a proxy there (a fault injector) then stands between those clients and the broker
     * for every connection, metadata included, while clients of {@link #bootstrapServers()} reach it directly.
     */
    public static EmbeddedKafkaBroker startTemporaryWithProxiedListener(int listenerPort, int advertisedPort) {
        try {
            Path dir = Files.createTempDirectory("kafka-");
            return start(FreePorts.find(), FreePorts.find(), dir, true, new int[] {listenerPort, advertisedPort});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on fixed ports keeping its log in {@code logDirectory} between runs. */
    public static EmbeddedKafkaBroker startPersistent(int port, int controllerPort, Path logDirectory) {
        return start(port, controllerPort, logDirectory, false, null);
    }

    private static EmbeddedKafkaBroker start(int port, int controllerPort, Path logDirectory, boolean deleteOnClose,
                                             int[] proxiedListener) {
        try {
            Files.createDirectories(logDirectory);
            Properties config = config(port, controllerPort, logDirectory);
            if (proxiedListener != null) {
                config.put("listeners", config.get("listeners") + ",PROXIED://127.0.0.1:" + proxiedListener[0]);
                config.put("advertised.listeners",
                        config.get("advertised.listeners") + ",PROXIED://127.0.0.1:" + proxiedListener[1]);
                config.put("listener.security.protocol.map",
                        config.get("listener.security.protocol.map") + ",PROXIED:PLAINTEXT");
            }
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                format(config, logDirectory);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, port, logDirectory, deleteOnClose);
            broker.awaitGroupCoordinator();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    private static Properties config(int port, int controllerPort, Path logDirectory) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        // a single node: every internal topic has one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void format(Properties config, Path logDirectory) throws IOException {
        Path file = Files.createTempFile("kafka-format-", ".properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "format");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(file);
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage in " + logDirectory + " failed: " + output);
        }
    }

    /**
     * Asks for a consumer group's coordinator, which makes a fresh broker create its offsets topic now rather
     * than when the first application's consumer joins (that took seconds and delayed its first records).
     */
    private void awaitGroupCoordinator() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeConsumerGroups(List.of("embedded-kafka-warm-up")).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                // "not found" is the coordinator's own answer: it is up; anything else is a failure
                throw new IllegalStateException("Kafka's group coordinator did not become available", e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka's group coordinator did not become available", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka's group coordinator", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Creates the topics that do not exist yet. Declared topics exist before the first consumer subscribes,
     * so a fresh consumer group gets its partitions at once instead of after a metadata retry.
     */
    public void createTopics(Collection<String> names, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create Kafka topics " + names, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(logDirectory);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
