package vn.secondment.stack;

import vn.secondment.embedded.EmbeddedKafkaBroker;
import vn.secondment.embedded.EmbeddedPostgresServer;
import vn.secondment.events.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The whole platform on one machine, without Docker: PostgreSQL, Kafka, a mail server (GreenMail: SMTP and IMAP)
 * and an OTLP trace receiver inside this JVM, Keycloak and the five applications as child processes.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(root, tempDir), false)) {
 *     String token = ...POST stack.keycloakUrl() + "/realms/secondment/protocol/openid-connect/token"...;
 *     ...GET stack.gatewayUrl() + "/api/personnel/..."...
 * }
 * }</pre>
 *
 * <p>Start order: every port is checked first; then PostgreSQL (a role and database per service, and one for
 * Keycloak), Kafka, the mail server, the OTLP trace receiver, Keycloak with the {@code secondment} realm, and the
 * applications in parallel. If a component fails, everything started so far is stopped and a
 * {@link StackStartException} names the component, shows the end of its log and the log's path. {@link #stop()}
 * stops the children in reverse order, then the trace receiver, the mail server, Kafka and PostgreSQL. A JVM
 * shutdown hook stops a stack that was not closed.
 *
 * <p>Once started, the applications are supervised: one that dies is started again after a backoff, within the
 * limit of {@link RestartPolicy#DEFAULT_SETTINGS}, with one progress line for each exit, restart and recovery; the
 * state file then names the new process, so {@code status} and {@code down} see it.
 */
public final class LocalStack implements AutoCloseable {

    public static final String REALM = "secondment";
    public static final Duration KEYCLOAK_READY_TIMEOUT = Duration.ofSeconds(180);
    public static final Duration APPLICATION_READY_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    static final String KEYCLOAK_DATABASE = ProcessEnvironments.KEYCLOAK_DATABASE;
    /** The component name of the OTLP trace receiver (in {@code status}). */
    static final String TRACES_COMPONENT = "traces";

    private static final int LOG_TAIL_LINES = 30;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** How often the supervisor looks at the applications; a dead one is noticed within this. */
    private static final Duration SUPERVISE_INTERVAL = Duration.ofMillis(500);
    private static final Set<LocalStack> RUNNING = ConcurrentHashMap.newKeySet();

    private final StackSettings settings;
    private final boolean infrastructureOnly;
    private final Consumer<String> progress;
    /** The launcher's time: how long each part took to start, when the stack started. */
    private final Clock clock = Clock.systemUTC();
    private final Thread shutdownHook = new Thread(this::stop, "local-stack-shutdown");
    private final Object stopLock = new Object();

    // guarded by this: what has started, newest first, and what the state file says
    private final Deque<StartedComponent> started = new ArrayDeque<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final List<Supervised> supervised = new ArrayList<>();
    private StackState state;
    private boolean ownsStateFiles;
    private volatile boolean stopped;

    private record StartedComponent(String name, Runnable stopAction) {
    }

    private record Readiness(ManagedProcess process, String url) {
    }

    /** What starts an application again: its command and wiring, as at the first start. */
    private record Launch(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
                          String signature, String url, String healthUrl) {
    }

    /**
     * An application under supervision: its current process (replaced by each restart) and its restart history.
     * Fields other than {@code process} belong to the supervisor thread.
     */
    private final class Supervised {
        private final Launch launch;
        private final RestartPolicy policy = RestartPolicy.DEFAULT_SETTINGS.copy();
        private volatile ManagedProcess process;
        private int restarts;
        private Instant exitedAt;
        private Instant restartAt;
        private boolean awaitingReady;
        private boolean gaveUp;

        private Supervised(Launch launch, ManagedProcess process) {
            this.launch = launch;
            this.process = process;
        }

        /** The stop action: whichever process is current (stop() has set stopped, so no restart follows). */
        private void stop() {
            ManagedProcess current;
            synchronized (LocalStack.this) {
                current = process;
            }
            current.stop(STOP_GRACE);
        }
    }

    private LocalStack(StackSettings settings, boolean infrastructureOnly, Consumer<String> progress) {
        this.settings = settings;
        this.infrastructureOnly = infrastructureOnly;
        this.progress = progress;
    }

    /**
     * Starts a stack and returns once every component is ready; progress lines go to standard output.
     *
     * @param infrastructureOnly true: PostgreSQL, Kafka, the mail server and Keycloak only (run the applications
     *                           yourself, for example with {@code quarkus:dev})
     * @throws StackStartException when a port is taken, an application is not built, or a component fails to start
     */
    public static LocalStack start(StackSettings settings, boolean infrastructureOnly) {
        return start(settings, infrastructureOnly, line -> System.out.println("[local-stack] " + line));
    }

    /** As {@link #start(StackSettings, boolean)}, reporting progress lines to {@code progress}. */
    public static LocalStack start(StackSettings settings, boolean infrastructureOnly, Consumer<String> progress) {
        LocalStack stack = new LocalStack(settings, infrastructureOnly, progress);
        RUNNING.add(stack);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
    }

    /** Stops every stack of this JVM that is running or starting; the launcher calls it on Ctrl-C. */
    static void stopAll() {
        for (LocalStack stack : List.copyOf(RUNNING)) {
            stack.stop();
        }
    }

    private void startAll() {
        Instant begin = clock.instant();
        Preconditions.requireNoRunningStack(settings);
        if (!infrastructureOnly) {
            Preconditions.requireBuiltApplications(settings.projectRoot());
        }
        if (!Files.isRegularFile(settings.keycloakHome().resolve("bin/kc.sh"))) {
            KeycloakDistribution.archive(); // fails early with what to run when Maven has not downloaded it
        }
        Preconditions.requireFreePorts(Preconditions.portsNeeded(settings.ports(), infrastructureOnly));

        createStateFiles();
        InfrastructureLogs.routeToFiles(settings.logsDirectory(), false);
        startPostgres();
        startKafka();
        startMail();
        startTraceReceiver();
        startKeycloak();
        if (!infrastructureOnly) {
            startApplications();
            startSupervisor();
        }
        progress.accept("Stack ready in " + seconds(Duration.between(begin, clock.instant())));
    }

    private void createStateFiles() {
        try {
            Files.createDirectories(settings.logsDirectory());
            Files.writeString(settings.pidFile(), ProcessHandle.current().pid() + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + settings.pidFile(), e);
        }
        synchronized (this) {
            ownsStateFiles = true;
            state = new StackState(ProcessHandle.current().pid(), ProcessTrees.commandLine(ProcessHandle.current()),
                    clock.instant(), infrastructureOnly, List.of());
            state.write(settings.stateFile());
        }
    }

    private void startPostgres() {
        Instant begin = clock.instant();
        progress.accept("Starting PostgreSQL on port " + settings.ports().postgres() + " (data in "
                + settings.postgresDataDirectory() + ")");
        EmbeddedPostgresServer server;
        try {
            server = EmbeddedPostgresServer.startPersistent(settings.ports().postgres(),
                    settings.postgresDataDirectory());
        } catch (RuntimeException e) {
            throw failure("postgres", "PostgreSQL did not start: " + rootMessage(e), e);
        }
        registerStarted("postgres", server::close);
        try {
            for (PlatformApplication application : PlatformApplication.ALL) {
                application.database().ifPresent(database -> server.ensureDatabase(database, database, database));
            }
            server.ensureDatabase(KEYCLOAK_DATABASE, KEYCLOAK_DATABASE, KEYCLOAK_DATABASE);
        } catch (RuntimeException e) {
            throw failure("postgres", "Could not create the databases: " + rootMessage(e), e);
        }
        long pid = postmasterPid();
        record(new StackState.Component("postgres", pid,
                pid > 0 ? ProcessTrees.commandLine(ProcessHandle.of(pid).orElse(ProcessHandle.current())) : "",
                settings.postgresDataDirectory().toString(), postgresJdbcUrl(""),
                "tcp://localhost:" + settings.ports().postgres()));
        progress.accept("PostgreSQL ready in " + seconds(Duration.between(begin, clock.instant())));
    }

    /** The server process, read from PostgreSQL's own pid file; it is not our child (pg_ctl detaches it). */
    private long postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(settings.postgresDataDirectory().resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private void startKafka() {
        Instant begin = clock.instant();
        progress.accept("Starting Kafka on port " + settings.ports().kafka() + " (data in "
                + settings.kafkaLogDirectory() + ")");
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.startPersistent(settings.ports().kafka(), settings.ports().kafkaController(),
                    settings.kafkaLogDirectory());
        } catch (RuntimeException e) {
            throw failure("kafka", "Kafka did not start: " + rootMessage(e), e);
        }
        registerStarted("kafka", broker::close);
        try {
            broker.createTopics(Topics.all(), Topics.PARTITIONS);
        } catch (RuntimeException e) {
            throw failure("kafka", "Kafka topics could not be created: " + rootMessage(e), e);
        }
        ProcessHandle launcher = ProcessHandle.current();
        String launcherCommand = ProcessTrees.commandLine(launcher);
        record(new StackState.Component("kafka", launcher.pid(), "inside the launcher: " + launcherCommand,
                launcherCommand, kafkaBootstrapServers(), "tcp://127.0.0.1:" + settings.ports().kafka()));
        progress.accept("Kafka ready in " + seconds(Duration.between(begin, clock.instant())));
    }

    /**
     * GreenMail, inside this JVM like Kafka: notification-service sends its mail there, people read it over IMAP.
     * Started before Keycloak and the applications, so it is stopped after them.
     */
    private void startMail() {
        Instant begin = clock.instant();
        Ports ports = settings.ports();
        progress.accept("Starting the mail server (GreenMail) on ports " + ports.smtp() + " (SMTP) and "
                + ports.imap() + " (IMAP); mail is kept in memory only");
        EmbeddedMailServer server;
        try {
            server = EmbeddedMailServer.start(ProcessEnvironments.MAIL_HOST, ports.smtp(), ports.imap());
        } catch (RuntimeException e) {
            throw failure("mail", "The mail server did not start: " + rootMessage(e), e);
        }
        registerStarted("mail", server::close);
        ProcessHandle launcher = ProcessHandle.current();
        String launcherCommand = ProcessTrees.commandLine(launcher);
        record(new StackState.Component("mail", launcher.pid(), "inside the launcher: " + launcherCommand,
                launcherCommand, "smtp://localhost:" + ports.smtp() + " (imap " + ports.imap() + ")",
                "tcp://" + smtpAddress()));
        progress.accept("Mail server ready in " + seconds(Duration.between(begin, clock.instant())));
    }

    /**
     * The OTLP/HTTP receiver the applications export their spans to (also those run by hand next to {@code --infra}:
     * 4318 is their default endpoint). Started before the applications, so it is stopped after them and gets their
     * last batch.
     */
    private void startTraceReceiver() {
        int port = settings.ports().otlp();
        OtlpTraceReceiver receiver;
        try {
            receiver = OtlpTraceReceiver.start(port, spansFile(), SpanLog.DEFAULT_MAX_BYTES);
        } catch (RuntimeException e) {
            throw failure(TRACES_COMPONENT, "The OTLP trace receiver did not start: " + rootMessage(e), e);
        }
        registerStarted(TRACES_COMPONENT, receiver::close);
        ProcessHandle launcher = ProcessHandle.current();
        String launcherCommand = ProcessTrees.commandLine(launcher);
        record(new StackState.Component(TRACES_COMPONENT, launcher.pid(), "inside the launcher: " + launcherCommand,
                launcherCommand, otlpEndpoint(), "tcp://127.0.0.1:" + port));
        progress.accept("OTLP trace receiver on port " + port + " (spans in " + spansFile() + ")");
    }

    private void startKeycloak() {
        Instant begin = clock.instant();
        Path home = settings.keycloakHome();
        try (AutoCloseable installLock = KeycloakDistribution.lockInstall(home)) {
            boolean freshInstall = !Files.isRegularFile(home.resolve("bin/kc.sh"));
            if (freshInstall) {
                progress.accept("Unpacking Keycloak " + KeycloakDistribution.version() + " into " + home
                        + " (once)");
            }
            KeycloakDistribution.ensureUnpacked(home);
            KeycloakDistribution.installRealm(home);
            progress.accept("Starting Keycloak on port " + settings.ports().keycloak()
                    + (freshInstall ? " (the first start builds the new install: about a minute)" : ""));
            List<String> command = List.of(
                    home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + settings.ports().keycloak(),
                    "--http-management-port=" + settings.ports().keycloakManagement(),
                    // one issuer for tokens whether clients call localhost or 127.0.0.1; the services expect it
                    "--hostname=" + keycloakUrl(),
                    "--import-realm",
                    "--health-enabled=true");
            ManagedProcess keycloak = startProcess("keycloak", command, ProcessEnvironments.keycloak(settings), home,
                    home.toString(), keycloakUrl(),
                    "http://localhost:" + settings.ports().keycloakManagement() + "/health/ready");
            awaitReady(List.of(new Readiness(keycloak, realmUrl() + "/.well-known/openid-configuration")),
                    KEYCLOAK_READY_TIMEOUT);
        } catch (StackStartException e) {
            throw e;
        } catch (Exception e) {
            throw failure("keycloak", "Keycloak did not start: " + rootMessage(e), e);
        }
        progress.accept("Keycloak ready in " + seconds(Duration.between(begin, clock.instant())));
    }

    private void startApplications() {
        Instant begin = clock.instant();
        progress.accept("Starting " + String.join(", ", PlatformApplication.names()));
        List<Readiness> pending = new ArrayList<>();
        for (PlatformApplication application : PlatformApplication.ALL) {
            Path jar = application.runnableJar(settings.projectRoot());
            String url = serviceUrl(application.name());
            String ready = managementUrl(application.name()) + "/q/health/ready";
            Launch launch = new Launch(application.name(), application.command(javaExecutable(), settings.projectRoot()),
                    ProcessEnvironments.application(settings.ports(), application), jar.getParent(), jar.toString(),
                    url, ready);
            ManagedProcess process = launchSupervised(launch);
            pending.add(new Readiness(process, ready));
        }
        awaitReady(pending, APPLICATION_READY_TIMEOUT);
        progress.accept("Applications ready in " + seconds(Duration.between(begin, clock.instant())));
    }

    /** Starts an application that the supervisor will restart when it dies; its stop action stops the current process. */
    private ManagedProcess launchSupervised(Launch launch) {
        ManagedProcess process;
        try {
            process = ManagedProcess.start(launch.name(), launch.command(), launch.environment(),
                    launch.workingDirectory(), logFile(launch.name()));
        } catch (RuntimeException e) {
            throw failure(launch.name(), rootMessage(e), e);
        }
        Supervised application = new Supervised(launch, process);
        synchronized (this) {
            processes.add(process);
            supervised.add(application);
        }
        registerStarted(launch.name(), application::stop);
        record(new StackState.Component(launch.name(), process.pid(), process.commandLine(), launch.signature(),
                launch.url(), launch.healthUrl()));
        return process;
    }

    private void startSupervisor() {
        Thread supervisor = new Thread(() -> {
            while (!stopped) {
                try {
                    superviseOnce();
                } catch (RuntimeException e) {
                    progress.accept("Supervisor: " + rootMessage(e));
                }
                try {
                    Thread.sleep(SUPERVISE_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "local-stack-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** One look at every application: notices exits, restarts when the backoff is over, reports recoveries. */
    private void superviseOnce() {
        List<Supervised> applications;
        synchronized (this) {
            applications = List.copyOf(supervised);
        }
        for (Supervised application : applications) {
            if (stopped) {
                return;
            }
            if (application.gaveUp) {
                continue;
            }
            Instant now = clock.instant();
            ManagedProcess process = application.process;
            String name = application.launch.name();
            if (application.restartAt == null && !process.isAlive()) {
                if (stopped) {
                    return; // stopped by stop(), not dead
                }
                application.exitedAt = now;
                application.awaitingReady = false;
                Optional<Duration> backoff = application.policy.onExit(now);
                if (backoff.isEmpty()) {
                    application.gaveUp = true;
                    progress.accept("GIVING UP on " + name + ": it exited (code " + process.exitCode() + ", pid "
                            + process.pid() + ") after " + application.policy.maxRestarts() + " restarts within "
                            + application.policy.window().toMinutes() + " min; it stays down, the rest keeps running."
                            + " Its log: " + process.logFile() + ". Fix it, then ./platform down && ./platform up.");
                    continue;
                }
                application.restartAt = now.plus(backoff.get());
                progress.accept(name + " (pid " + process.pid() + ") exited with code " + process.exitCode()
                        + "; restarting it in " + seconds(backoff.get()) + " (restart "
                        + application.policy.restartsWithin(now) + " of at most " + application.policy.maxRestarts()
                        + " within " + application.policy.window().toMinutes() + " min)");
            } else if (application.restartAt != null && !now.isBefore(application.restartAt)) {
                application.restartAt = null;
                restart(application);
            } else if (application.awaitingReady && process.isAlive()
                    && HealthProbe.httpStatus(application.launch.healthUrl()) == 200) {
                application.awaitingReady = false;
                progress.accept(name + " is up again (pid " + process.pid() + "), ready "
                        + seconds(Duration.between(application.exitedAt, clock.instant())) + " after it exited");
            }
        }
    }

    private void restart(Supervised application) {
        Launch launch = application.launch;
        ManagedProcess process;
        synchronized (this) {
            if (stopped) {
                return; // stop() has taken the list of what to stop: nothing new may start
            }
            // the dead process's log becomes <name>.log.previous: the crash stays readable
            try {
                process = ManagedProcess.start(launch.name(), launch.command(), launch.environment(),
                        launch.workingDirectory(), logFile(launch.name()));
            } catch (RuntimeException e) {
                progress.accept("Could not restart " + launch.name() + ": " + rootMessage(e));
                application.restartAt = clock.instant().plus(SUPERVISE_INTERVAL);
                return;
            }
            processes.remove(application.process);
            processes.add(process);
            application.process = process;
            application.restarts++;
            application.awaitingReady = true;
            record(new StackState.Component(launch.name(), process.pid(), process.commandLine(), launch.signature(),
                    launch.url(), launch.healthUrl(), application.restarts));
        }
        progress.accept(launch.name() + " restarted (pid " + process.pid() + ", restart " + application.restarts
                + " since the stack started); waiting for it to be ready");
    }

    private ManagedProcess startProcess(String name, List<String> command, Map<String, String> environment,
                                        Path workingDirectory, String signature, String url, String healthUrl) {
        ManagedProcess process;
        try {
            process = ManagedProcess.start(name, command, environment, workingDirectory, logFile(name));
        } catch (RuntimeException e) {
            throw failure(name, rootMessage(e), e);
        }
        synchronized (this) {
            processes.add(process);
        }
        registerStarted(name, () -> process.stop(STOP_GRACE));
        record(new StackState.Component(name, process.pid(), process.commandLine(), signature, url, healthUrl));
        return process;
    }

    /** Waits until every URL answers 200; fails on the first process that exits or on the deadline. */
    private void awaitReady(List<Readiness> pending, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        List<Readiness> remaining = new ArrayList<>(pending);
        while (!remaining.isEmpty()) {
            for (Iterator<Readiness> it = remaining.iterator(); it.hasNext(); ) {
                Readiness readiness = it.next();
                if (stopped) {
                    throw new StackStartException(readiness.process().name(), "The stack was stopped while "
                            + readiness.process().name() + " was starting.");
                }
                if (!readiness.process().isAlive()) {
                    throw failure(readiness.process().name(), readiness.process().name() + " exited with code "
                            + readiness.process().exitCode() + " while starting.", null);
                }
                if (HealthProbe.httpStatus(readiness.url()) == 200) {
                    progress.accept(readiness.process().name() + " is ready");
                    it.remove();
                }
            }
            if (remaining.isEmpty()) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                Readiness late = remaining.get(0);
                throw failure(late.process().name(), late.process().name() + " did not become ready within "
                        + timeout.toSeconds() + " s (GET " + late.url() + " never answered 200).", null);
            }
            sleep(POLL_INTERVAL);
        }
    }

    private StackStartException failure(String component, String reason, Throwable cause) {
        Path log = logFile(component);
        StringBuilder message = new StringBuilder(reason);
        List<String> tail = FileTree.lastLines(log, LOG_TAIL_LINES);
        if (!tail.isEmpty()) {
            message.append(System.lineSeparator()).append("Last ").append(tail.size()).append(" lines of ")
                    .append(log).append(':');
            tail.forEach(line -> message.append(System.lineSeparator()).append("  | ").append(line));
        }
        message.append(System.lineSeparator()).append("Full log: ").append(log);
        return new StackStartException(component, message.toString(), cause);
    }

    private synchronized void registerStarted(String name, Runnable stopAction) {
        if (stopped) {
            // stop() ran while this component was starting: it must not outlive the stack
            stopAction.run();
            throw new StackStartException(name, "The stack was stopped while " + name + " was starting.");
        }
        started.push(new StartedComponent(name, stopAction));
    }

    private synchronized void record(StackState.Component component) {
        if (ownsStateFiles && !stopped) {
            state = state.withComponent(component);
            state.write(settings.stateFile());
        }
    }

    /**
     * Stops what this stack started: the applications in reverse order, Keycloak (with the JVM that kc.sh spawned),
     * the trace receiver (the spans stay in their file), the mail server (its mail is dropped), Kafka, PostgreSQL. Each child gets SIGTERM and is killed after 20 s.
     * Safe to call more than once.
     */
    public void stop() {
        synchronized (stopLock) {
            List<StartedComponent> toStop;
            synchronized (this) {
                stopped = true;
                toStop = List.copyOf(started); // newest first
                started.clear();
            }
            for (StartedComponent component : toStop) {
                progress.accept("Stopping " + component.name());
                try {
                    component.stopAction().run();
                } catch (RuntimeException e) {
                    progress.accept("Could not stop " + component.name() + " cleanly: " + rootMessage(e));
                }
            }
            deleteStateFiles();
            RUNNING.remove(this);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // stop() runs from the hook itself, or during shutdown: nothing to remove
            }
        }
    }

    private synchronized void deleteStateFiles() {
        if (!ownsStateFiles) {
            return;
        }
        ownsStateFiles = false;
        try {
            Files.deleteIfExists(settings.stateFile());
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            progress.accept("Could not delete " + settings.stateFile() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
    }

    public StackSettings settings() {
        return settings;
    }

    public boolean infrastructureOnly() {
        return infrastructureOnly;
    }

    /**
     * How this stack starts an application, for another instance of it beside the stack's own (a benchmark starts
     * one alone): its environment, pointing at this stack's PostgreSQL, Kafka and Keycloak; a caller changes the
     * ports ({@code QUARKUS_HTTP_PORT}, {@code QUARKUS_MANAGEMENT_PORT}).
     */
    public Map<String, String> applicationEnvironment(String application) {
        return ProcessEnvironments.application(settings.ports(), PlatformApplication.named(application));
    }

    /** The gateway, for example {@code http://localhost:8080}; nothing listens there with infrastructure only. */
    public String gatewayUrl() {
        return serviceUrl("gateway");
    }

    /** Keycloak's base URL, for example {@code http://localhost:8180}. */
    public String keycloakUrl() {
        return ProcessEnvironments.keycloakUrl(settings.ports());
    }

    /** The {@code secondment} realm, the services' OIDC issuer: {@code http://localhost:8180/realms/secondment}. */
    public String realmUrl() {
        return ProcessEnvironments.realmUrl(settings.ports());
    }

    /** The token endpoint of the realm, for the password or client-credentials grant. */
    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    /** One application's base URL, by module name, for example {@code serviceUrl("personnel-service")}. */
    public String serviceUrl(String service) {
        return ProcessEnvironments.serviceUrl(settings.ports(), service);
    }

    /** One application's management interface (health, metrics), reachable only on this machine's ports. */
    public String managementUrl(String application) {
        return "http://localhost:" + settings.ports().management(application);
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}; the role and (development) password equal the name. */
    public String postgresJdbcUrl(String database) {
        return ProcessEnvironments.postgresJdbcUrl(settings.ports(), database);
    }

    /** {@code 127.0.0.1:<port>}. */
    public String kafkaBootstrapServers() {
        return ProcessEnvironments.kafkaBootstrapServers(settings.ports());
    }

    /** {@code 127.0.0.1:<port>}: the SMTP server notification-service sends to (no login, no TLS). */
    public String smtpAddress() {
        return ProcessEnvironments.smtpAddress(settings.ports());
    }

    /**
     * {@code imap://localhost:<port>}: read the mail sent to an address with that address as login and password,
     * for example {@code curl "imap://localhost:3143/INBOX;MAILINDEX=1" --user 'a@b.vn:a@b.vn'}.
     */
    public String imapUrl() {
        return ProcessEnvironments.imapUrl(settings.ports());
    }

    /** {@code http://localhost:<port>}: where the applications export their spans (OTLP/HTTP, protobuf). */
    public String otlpEndpoint() {
        return ProcessEnvironments.otlpEndpoint(settings.ports());
    }

    /**
     * The spans the applications exported, one JSON object a line (read them with {@link SpanLog}); kept after the
     * stack stops, like the logs.
     */
    public Path spansFile() {
        return settings.spansFile();
    }

    /**
     * {@code <state>/logs/<component>.log}; components: postgres, kafka, mail, keycloak and the application names.
     */
    public Path logFile(String component) {
        return settings.logsDirectory().resolve(component + ".log");
    }

    /**
     * The pid the state file names for a component now, as {@code ./platform status} and {@code down} read it: after
     * a supervised restart, the new process's.
     */
    public Optional<Long> recordedPid(String component) {
        return StackState.read(settings.stateFile()).flatMap(recorded -> recorded.component(component))
                .map(StackState.Component::pid);
    }

    /** The child processes running now (Keycloak and the applications' current processes). */
    synchronized List<ManagedProcess> processes() {
        return List.copyOf(processes);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("stack", "Interrupted while waiting for the stack to start", e);
        }
    }
}
