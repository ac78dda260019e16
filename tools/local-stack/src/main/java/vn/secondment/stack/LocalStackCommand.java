package vn.secondment.stack;

import sun.misc.Signal;
import vn.secondment.embedded.FreePorts;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher behind {@code ./platform}: {@code up [--infra]}, {@code down}, {@code status}, {@code trace <id>},
 * {@code bench-table}.
 * Exit codes: 0 success; 1 failure (or, for status, a stack that is not healthy; for trace, nothing found);
 * 2 wrong usage; 3 status found no running stack.
 */
public final class LocalStackCommand {

    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);
    private static final String USAGE = """
            Usage: java -jar tools/local-stack/target/local-stack-launcher.jar <command>
              up [--infra]   start the stack (--infra: PostgreSQL, Kafka, mail and Keycloak only) and wait for Ctrl-C,
                             restarting an application that dies (with backoff, at most 5 times in 10 min)
              down           stop the stack started from another terminal, restarted applications included
              status         show each component: running (or a port held by another process), pid, URL, health
              trace <id>     print the span tree of a trace, by trace id or by request id (X-Request-Id)
              bench-table    the figures of the last ./platform bench as one table, and in target/benchmark/
            """;

    private static final AtomicInteger STOP_SIGNALS = new AtomicInteger();
    private static volatile boolean stopRequested;

    private final StackSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    /** The launcher's time: how long each part took to start, when the stack started. */
    private final Clock clock = Clock.systemUTC();

    LocalStackCommand(StackSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            err.print(USAGE);
            System.exit(2);
        }
        LocalStackCommand command = new LocalStackCommand(StackSettings.defaults(projectRoot()), out, err);
        List<String> options = List.of(args).subList(1, args.length);
        int exitCode;
        try {
            exitCode = switch (args[0]) {
                case "up" -> command.up(options);
                case "down" -> command.down();
                case "status" -> command.status();
                case "trace" -> command.trace(options);
                case "bench-table" -> new BenchmarkTable(command.settings.projectRoot(), command.clock).print(out);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.print("Unknown command '" + args[0] + "'.\n" + USAGE);
                    yield 2;
                }
            };
        } catch (RuntimeException e) {
            err.println("local-stack " + args[0] + " failed: " + e.getMessage());
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** The repository root: {@code SECONDMENT_PROJECT_ROOT}, else the folder holding tools/local-stack above this jar. */
    static Path projectRoot() {
        String fromEnvironment = System.getenv("SECONDMENT_PROJECT_ROOT");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        try {
            Path location = Path.of(LocalStackCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path directory = location.getParent(); directory != null; directory = directory.getParent()) {
                if (Files.isRegularFile(directory.resolve("tools/local-stack/pom.xml"))) {
                    return directory;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    // ---------------------------------------------------------------- up

    int up(List<String> options) {
        Set<String> known = Set.of("--infra");
        for (String option : options) {
            if (!known.contains(option)) {
                err.print("Unknown option '" + option + "'.\n" + USAGE);
                return 2;
            }
        }
        boolean infrastructureOnly = options.contains("--infra");
        // the terminal shows only the stack's own lines; Kafka and PostgreSQL write to the logs folder
        InfrastructureLogs.routeToFiles(settings.logsDirectory(), true);
        installStopSignalHandlers();
        LocalStack stack;
        try {
            stack = LocalStack.start(settings, infrastructureOnly, line -> out.println("  " + line));
        } catch (StackStartException e) {
            if (stopRequested) {
                return 0;
            }
            err.println();
            err.println("Could not start the local stack (" + e.component() + "):");
            err.println(e.getMessage());
            return 1;
        }
        printSummary(stack);
        watchChildren(stack);
        return 0;
    }

    /**
     * Ctrl-C and SIGTERM (from {@code down}) stop the stack in order before the JVM begins to exit, so the
     * applications never see PostgreSQL vanish under them (zonky's own shutdown hook would race with ours).
     */
    private void installStopSignalHandlers() {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), this::onStopSignal);
            } catch (IllegalArgumentException unsupported) {
                // the JVM's shutdown hook in LocalStack still stops the stack
            }
        }
    }

    private void onStopSignal(Signal signal) {
        int count = STOP_SIGNALS.incrementAndGet();
        if (count == 1) {
            stopRequested = true;
            Thread stopper = new Thread(() -> {
                out.println();
                out.println("Stopping the local stack (SIG" + signal.getName() + ")...");
                LocalStack.stopAll();
                out.println("Stopped.");
                System.exit(0);
            }, "local-stack-stop");
            stopper.start();
        } else if (count == 2) {
            out.println("Still stopping. Press Ctrl-C again to quit at once (then clean up with ./platform down).");
        } else {
            err.println("Quitting without finishing the stop; run ./platform down to stop what is left.");
            Runtime.getRuntime().halt(130);
        }
    }

    private void printSummary(LocalStack stack) {
        boolean apps = !stack.infrastructureOnly();
        String notStarted = "(not started: --infra)";
        out.println();
        out.println(apps ? "The local stack is up." : "The local stack's infrastructure is up (applications not started).");
        out.println();
        row("Gateway", apps ? stack.gatewayUrl() : notStarted);
        row("OpenAPI console", apps ? stack.gatewayUrl() + "/q/swagger-ui" : notStarted);
        row("Keycloak admin", stack.keycloakUrl() + "/admin   (admin / admin)");
        row("Realm (OIDC issuer)", stack.realmUrl());
        for (PlatformApplication application : PlatformApplication.ALL) {
            if (application.isService()) {
                row(application.name(), apps ? stack.serviceUrl(application.name()) : notStarted + " port "
                        + settings.ports().application(application.name()));
            }
        }
        if (apps) {
            row("Health and metrics", "each application's management port: " + String.join(", ",
                    settings.ports().management().entrySet().stream()
                            .map(port -> port.getKey() + " " + port.getValue()).toList())
                    + " (/q/health, /q/metrics)");
        }
        List<String> databases = new ArrayList<>();
        PlatformApplication.ALL.forEach(application -> application.database().ifPresent(databases::add));
        databases.add(LocalStack.KEYCLOAK_DATABASE);
        row("PostgreSQL", stack.postgresJdbcUrl("<database>"));
        row("", "databases " + String.join(", ", databases) + "; user = password = database name");
        row("Kafka", stack.kafkaBootstrapServers());
        row("Mail (GreenMail)", "SMTP localhost:" + settings.ports().smtp() + ", IMAP localhost:"
                + settings.ports().imap() + "; in memory only, gone after a stop");
        row("", "read: curl -s \"" + stack.imapUrl() + "/INBOX;MAILINDEX=1\" --user '<address>:<address>'");
        row("Logs", settings.logsDirectory() + "   (./platform logs <component>)");
        row("Traces", "OTLP/HTTP " + stack.otlpEndpoint() + ", spans in " + stack.spansFile());
        row("", "./platform trace <X-Request-Id or trace id>: one request's spans across the applications");
        out.println();
        out.println("Sample logins (development only; every password is " + SampleLogins.DEVELOPMENT_PASSWORD + "):");
        out.printf("  %-17s %-17s %-9s %-9s %s%n", "USERNAME", "ROLE", "MINISTRY", "PROVINCE", "NAME");
        for (SampleLogins.SampleLogin login : SampleLogins.all()) {
            out.printf("  %-17s %-17s %-9s %-9s %s%n", login.username(), String.join(",", login.roles()),
                    login.ministry().orElse("-"), login.province().orElse("-"), login.fullName());
        }
        out.println("  Client bct-system (client_credentials, secret bct-system-dev-secret): ministry-admin of BCT");
        out.println();
        out.println("Get a token (client secondment-cli, password grant, development only):");
        out.println("  curl -s " + stack.tokenUrl() + " \\");
        out.println("    -d grant_type=password -d client_id=secondment-cli -d username=bnv.admin -d password="
                + SampleLogins.DEVELOPMENT_PASSWORD + " \\");
        out.println("    | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'");
        out.println();
        out.println("Press Ctrl-C to stop (or run ./platform down in another terminal).");
    }

    private void row(String label, String value) {
        out.printf("  %-21s %s%n", label, value);
    }

    /**
     * Blocks until a stop signal ends the JVM. The stack supervises its applications itself (restarts with backoff,
     * one line each time, see {@link LocalStack}); this says once when Keycloak, which is not restarted, dies.
     */
    private void watchChildren(LocalStack stack) {
        Set<Long> reported = new HashSet<>();
        while (true) {
            try {
                Thread.sleep(WATCH_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (stopRequested) {
                continue;
            }
            for (ManagedProcess process : stack.processes()) {
                if (process.name().equals("keycloak") && !process.isAlive() && reported.add(process.pid())) {
                    err.println(process.name() + " exited with code " + process.exitCode() + "; its log: "
                            + process.logFile() + ". It is not restarted by itself; restart the stack with"
                            + " ./platform down && ./platform up.");
                }
            }
        }
    }

    // ---------------------------------------------------------------- down

    int down() {
        Optional<StackState> recorded = StackState.read(settings.stateFile());
        if (recorded.isEmpty()) {
            boolean stoppedPostgres = stopOrphanPostgres();
            out.println(stoppedPostgres ? "Stopped." : "No local stack is running (nothing recorded in "
                    + settings.stateDirectory() + ").");
            return 0;
        }
        StackState state = recorded.get();
        Optional<ProcessHandle> launcher = state.runningLauncher();
        boolean clean = true;
        if (launcher.isPresent()) {
            out.println("Stopping the local stack (launcher pid " + launcher.get().pid() + ")...");
            launcher.get().destroy(); // SIGTERM: the launcher stops its components in order
            Instant begin = clock.instant();
            while (launcher.get().isAlive() && Duration.between(begin, clock.instant()).compareTo(DOWN_TIMEOUT) < 0) {
                ProcessTrees.awaitExit(launcher.get(), Duration.ofSeconds(10));
                if (launcher.get().isAlive()) {
                    out.println("  still stopping (" + Duration.between(begin, clock.instant()).toSeconds() + " s)");
                }
            }
            if (launcher.get().isAlive()) {
                err.println("The launcher did not stop within " + DOWN_TIMEOUT.toSeconds() + " s; killing it.");
                launcher.get().destroyForcibly();
                ProcessTrees.awaitExit(launcher.get(), Duration.ofSeconds(10));
                clean = false;
            }
        } else {
            out.println("The launcher (pid " + state.launcherPid() + ") is gone; stopping what it left running.");
        }
        clean &= stopLeftovers(state);
        clean &= freeApplicationPorts(state);
        stopOrphanPostgres();
        deleteStateFiles();
        out.println(clean ? "Stopped." : "Stopped, not all cleanly: see " + settings.logsDirectory());
        return 0;
    }

    /** Children the launcher recorded that still run with the recorded command (the launcher was killed). */
    private boolean stopLeftovers(StackState state) {
        boolean clean = true;
        List<StackState.Component> newestFirst = new ArrayList<>(state.components());
        Collections.reverse(newestFirst);
        for (StackState.Component component : newestFirst) {
            if (component.pid() == state.launcherPid()) {
                continue; // inside the launcher (Kafka): gone with it
            }
            Optional<ProcessHandle> process = component.runningProcess();
            if (process.isPresent()) {
                out.println("  stopping leftover " + component.name() + " (pid " + component.pid() + ")");
                clean &= ProcessTrees.stop(process.get(), LocalStack.STOP_GRACE);
            }
        }
        return clean;
    }

    /**
     * An application port still held after the stop: by this project's application started by hand (its command names
     * the same jar), which the next {@code up} would trip over, so it is stopped too; by anything else, named and left
     * alone.
     */
    private boolean freeApplicationPorts(StackState state) {
        boolean clean = true;
        for (StackState.Component component : state.components()) {
            if (!PlatformApplication.names().contains(component.name())) {
                continue;
            }
            int port = settings.ports().application(component.name());
            Optional<ProcessHandle> holder = PortHolders.listenerOf(port);
            if (holder.isPresent() && ProcessTrees.commandLine(holder.get()).contains(component.signature())) {
                out.println("  stopping " + component.name() + " started outside the launcher (pid "
                        + holder.get().pid() + ", port " + port + ")");
                clean &= ProcessTrees.stop(holder.get(), LocalStack.STOP_GRACE);
            } else if (holder.isPresent() || FreePorts.isTaken(port)) {
                err.println("  port " + port + " (" + component.name() + ") is still held by "
                        + PortHolders.describe(port) + ", not started by the launcher: left running; the next up"
                        + " needs the port free.");
                clean = false;
            }
        }
        return clean;
    }

    /** A PostgreSQL server of this state directory left behind by a killed launcher: pg_ctl detached it. */
    private boolean stopOrphanPostgres() {
        Path pidFile = settings.postgresDataDirectory().resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> postgres =
                    ProcessTrees.findRunning(pid, settings.postgresDataDirectory().toString());
            if (postgres.isPresent()) {
                out.println("  stopping leftover PostgreSQL (pid " + pid + ")");
                ProcessTrees.stop(postgres.get(), LocalStack.STOP_GRACE);
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // no pid file, or not a running server: nothing to stop
        }
        return false;
    }

    private void deleteStateFiles() {
        try {
            Files.deleteIfExists(settings.stateFile());
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            err.println("Could not delete " + settings.stateFile() + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- status

    /**
     * Prints each component's state and health as {@code ./platform status} does and returns its exit code: 0 when
     * every component runs and answers UP, 1 otherwise, 3 when no stack is recorded.
     */
    public static int status(StackSettings settings, PrintStream out) {
        return new LocalStackCommand(settings, out, out).status();
    }

    /**
     * What really runs: a component is "running" only if its recorded process (the latest one, after a supervised
     * restart) is alive with the recorded command, and its health is asked each time; an application port held by a
     * process the launcher did not start is shown as such, with its pid.
     */
    int status() {
        Optional<StackState> recorded = StackState.read(settings.stateFile());
        if (recorded.isEmpty()) {
            out.println("No local stack is running (nothing recorded in " + settings.stateDirectory() + ").");
            return 3;
        }
        StackState state = recorded.get();
        boolean launcherRunning = state.runningLauncher().isPresent();
        out.println(launcherRunning
                ? "Local stack running (launcher pid " + state.launcherPid() + ", started " + state.startedAt()
                        + (state.infrastructureOnly() ? ", infrastructure only" : "") + ")"
                : "Local stack NOT running: its launcher (pid " + state.launcherPid() + ") is gone."
                        + " Run ./platform down to stop leftovers and clear the state.");
        out.println();
        out.printf("  %-21s %-12s %-9s %-38s %s%n", "COMPONENT", "STATE", "PID", "URL", "HEALTH");
        boolean allHealthy = launcherRunning;
        Set<String> listed = new HashSet<>();
        for (StackState.Component component : state.components()) {
            listed.add(component.name());
            boolean running = component.runningProcess().isPresent();
            String health = running ? HealthProbe.describe(component.healthUrl()) : "-";
            allHealthy &= running && health.equals("UP");
            String restarted = component.restarts() > 0 ? " (restarted " + component.restarts() + "x)" : "";
            if (!running && PlatformApplication.names().contains(component.name())) {
                int port = settings.ports().application(component.name());
                Optional<ProcessHandle> holder = PortHolders.listenerOf(port);
                if (holder.isPresent() || FreePorts.isTaken(port)) {
                    out.printf("  %-21s %-12s %-9s %-38s %s%n", component.name(), "NOT OURS",
                            holder.map(process -> Long.toString(process.pid())).orElse("?"), component.url(),
                            "port " + port + " held by " + PortHolders.describe(port)
                                    + ", not started by the launcher");
                    continue;
                }
            }
            out.printf("  %-21s %-12s %-9s %-38s %s%n", component.name(), running ? "running" : "not running",
                    component.pid(), component.url(), health + restarted);
        }
        for (String name : expectedComponents(state.infrastructureOnly())) {
            if (!listed.contains(name)) {
                allHealthy = false;
                out.printf("  %-21s %-12s%n", name, "not started");
            }
        }
        if (state.infrastructureOnly()) {
            out.printf("  %-21s %s%n", "applications", "not started (--infra)");
        }
        return allHealthy ? 0 : 1;
    }

    // ---------------------------------------------------------------- trace

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern TRACEPARENT =
            Pattern.compile("[0-9a-f]{2}-([0-9a-fA-F]{32})-[0-9a-fA-F]{16}-[0-9a-f]{2}");

    /**
     * Prints the span tree of one trace from the stored spans (so also after the stack stopped): by trace id (or a
     * whole {@code traceparent}), else by request id, the gateway's {@code X-Request-Id}, which can name more than
     * one trace when a client sent the same id twice.
     */
    int trace(List<String> options) {
        if (options.size() != 1 || options.get(0).isBlank()) {
            err.print("Give one trace id or request id.\n" + USAGE);
            return 2;
        }
        String id = options.get(0).trim();
        Path spans = settings.spansFile();
        Matcher traceparent = TRACEPARENT.matcher(id);
        String traceId = traceparent.matches() ? traceparent.group(1) : id;
        List<List<StoredSpan>> traces = new ArrayList<>();
        if (TRACE_ID.matcher(traceId).matches()) {
            List<StoredSpan> trace = SpanLog.trace(spans, traceId);
            if (!trace.isEmpty()) {
                traces.add(trace);
            }
        }
        if (traces.isEmpty()) {
            for (String ofRequest : SpanLog.traceIdsOfRequest(spans, id)) {
                traces.add(SpanLog.trace(spans, ofRequest));
            }
        }
        if (traces.isEmpty()) {
            err.println(Files.exists(spans)
                    ? "No trace with the id or request id '" + id + "' in " + spans + "."
                    : "No spans received yet: " + spans + " does not exist.");
            err.println("Spans reach it when the stack runs (./platform up): the applications send them about a"
                    + " second after a request ends, so try again in a moment. A request id is the gateway's"
                    + " X-Request-Id answer header; a trace id is 32 hex digits (the trace= of a log line).");
            return 1;
        }
        if (traces.size() > 1) {
            out.println("Request id " + id + " names " + traces.size() + " traces:");
            out.println();
        }
        for (int i = 0; i < traces.size(); i++) {
            if (i > 0) {
                out.println();
            }
            out.print(TraceReport.render(traces.get(i)));
        }
        return 0;
    }

    private static List<String> expectedComponents(boolean infrastructureOnly) {
        List<String> names = new ArrayList<>(List.of("postgres", "kafka", "mail", LocalStack.TRACES_COMPONENT,
                "keycloak"));
        if (!infrastructureOnly) {
            names.addAll(PlatformApplication.names());
        }
        return names;
    }
}
