package vn.secondment.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the logs of the in-process infrastructure to files instead of the console: Kafka to {@code kafka.log},
 * PostgreSQL (zonky, including the server's own output) to {@code postgres.log}, the mail server (GreenMail) to
 * {@code mail.log}. Kafka, zonky and GreenMail log through slf4j; the launcher binds slf4j to java.util.logging
 * (slf4j-jdk14). In a JVM that binds slf4j elsewhere (a test module with its own binding) these settings have no
 * effect and that JVM's logging configuration decides.
 */
final class InfrastructureLogs {

    /** Logger name prefixes and the log file (component) they go to. */
    static final Map<String, String> COMPONENT_BY_LOGGER = Map.of(
            "kafka", "kafka",
            "org.apache.kafka", "kafka",
            "state.change.logger", "kafka",
            "io.zonky", "postgres",
            "com.icegreen", "mail");

    // java.util.logging keeps loggers weakly: hold them, or their handlers vanish with them
    private static final List<Logger> CONFIGURED = new ArrayList<>();
    private static final List<FileHandler> HANDLERS = new ArrayList<>();
    private static Path routedTo;
    private static boolean consoleMoved;

    private InfrastructureLogs() {
    }

    /**
     * Routes Kafka and PostgreSQL logs into {@code logsDirectory}; when several stacks run in one JVM, into the
     * folder of the one started last.
     *
     * @param launcherConsole true in the launcher: every other log record also leaves the console, for
     *                        {@code launcher.log}, so the terminal shows only the stack's own lines
     */
    static synchronized void routeToFiles(Path logsDirectory, boolean launcherConsole) {
        if (!logsDirectory.equals(routedTo)) {
            detach();
            for (Map.Entry<String, String> route : COMPONENT_BY_LOGGER.entrySet()) {
                Logger logger = Logger.getLogger(route.getKey());
                FileHandler handler = new FileHandler(logsDirectory.resolve(route.getValue() + ".log"));
                logger.setUseParentHandlers(false);
                logger.addHandler(handler);
                CONFIGURED.add(logger);
                HANDLERS.add(handler);
            }
            routedTo = logsDirectory;
            consoleMoved = false;
        }
        if (launcherConsole && !consoleMoved) {
            Logger root = LogManager.getLogManager().getLogger("");
            for (Handler handler : root.getHandlers()) {
                if (handler instanceof ConsoleHandler || handler instanceof FileHandler) {
                    root.removeHandler(handler);
                }
            }
            FileHandler launcherLog = new FileHandler(logsDirectory.resolve("launcher.log"));
            root.addHandler(launcherLog);
            HANDLERS.add(launcherLog);
            consoleMoved = true;
        }
    }

    private static void detach() {
        for (Logger logger : CONFIGURED) {
            for (Handler handler : logger.getHandlers()) {
                if (handler instanceof FileHandler) {
                    logger.removeHandler(handler);
                }
            }
        }
        CONFIGURED.clear();
        HANDLERS.forEach(Handler::close);
        HANDLERS.clear();
    }

    /** Appends formatted records to one file, opened on the first record. */
    private static final class FileHandler extends Handler {

        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
        private static final Formatter MESSAGE = new SimpleFormatter();

        private final Path file;
        private Writer writer;

        FileHandler(Path file) {
            this.file = file;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            try {
                if (writer == null) {
                    Files.createDirectories(file.getParent());
                    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                writer.write(format(record));
                writer.flush();
            } catch (IOException e) {
                reportError("Could not write " + file, e, 0);
            }
        }

        private static String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                    .append(String.format("%-7s", record.getLevel().getName()))
                    .append(" [").append(record.getLoggerName()).append("] ")
                    .append(MESSAGE.formatMessage(record))
                    .append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        @Override
        public synchronized void flush() {
            try {
                if (writer != null) {
                    writer.flush();
                }
            } catch (IOException ignored) {
                // nothing better to do with a log that cannot be flushed
            }
        }

        @Override
        public synchronized void close() {
            try {
                if (writer != null) {
                    writer.close();
                }
            } catch (IOException ignored) {
                // closing on shutdown; nothing left to report to
            } finally {
                writer = null;
            }
        }
    }
}
