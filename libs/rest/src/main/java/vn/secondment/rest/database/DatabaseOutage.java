package vn.secondment.rest.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import vn.secondment.rest.config.DatabaseOutageConfig;
import vn.secondment.rest.problem.ProblemMappers;
import vn.secondment.rest.problem.ProblemType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers the requests that meet a {@link DatabaseFailure} with 503 and {@code Retry-After}, instead of a 500 and a
 * stack trace each, and keeps the log to one line per outage: the first unreachable failure logs a WARN and starts
 * the outage, later ones are only counted; meanwhile the database is probed every
 * {@code secondment.database.probe-interval}, and its return is logged once, with the outage's duration and the
 * number of requests answered 503. A statement or lock timeout is no outage (the database answers): one WARN line
 * each, without a stack trace.
 * <p>
 * Meters: {@code secondment.dependency.available{dependency="database"}} (1, or 0 during an outage) and
 * {@code secondment.dependency.unavailable.responses{dependency="database", reason}} (503s answered, by
 * {@code unreachable}, {@code timeout}, {@code locked}), registered at start so that they exist before any failure.
 */
@Startup
@ApplicationScoped
public class DatabaseOutage {

    public static final String AVAILABLE = "secondment.dependency.available";
    public static final String UNAVAILABLE_RESPONSES = "secondment.dependency.unavailable.responses";
    private static final String DEPENDENCY = "database";

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final Instance<DataSource> dataSources;
    private final DatabaseOutageConfig config;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Map<DatabaseFailure, Counter> responses = new EnumMap<>(DatabaseFailure.class);
    private Outage outage;
    private ScheduledExecutorService prober;
    private ScheduledFuture<?> probing;

    public DatabaseOutage(Instance<DataSource> dataSources, DatabaseOutageConfig config, Clock clock,
                          ObjectMapper mapper, MeterRegistry meters) {
        this.dataSources = dataSources;
        this.config = config;
        this.clock = clock;
        this.mapper = mapper;
        if (dataSources.isResolvable()) {
            Gauge.builder(AVAILABLE, this, self -> self.current() == null ? 1 : 0)
                    .description("Whether the dependency answers (1) or is in an outage (0)")
                    .tag("dependency", DEPENDENCY)
                    .strongReference(true)
                    .register(meters);
            for (DatabaseFailure kind : DatabaseFailure.values()) {
                responses.put(kind, Counter.builder(UNAVAILABLE_RESPONSES)
                        .description("Requests answered 503 because a dependency was unreachable, too slow or locked")
                        .tags("dependency", DEPENDENCY, "reason", kind.name().toLowerCase())
                        .register(meters));
            }
        }
    }

    /** The 503 for {@code failure} if it is a {@link DatabaseFailure}; empty for anything else. */
    public Optional<Response> respond(Throwable failure, UriInfo uri) {
        return DatabaseFailure.of(failure).map(kind -> respond(kind, failure, uri));
    }

    /**
     * Background work (a consumer, a scheduled task) met {@code failure}. An unreachable database starts the outage
     * (its one WARN line and the probe) or joins the one going on, so that work does not log it again; what kind of
     * database failure it was, if any, tells the caller what to do (hold an event, skip a run).
     */
    public Optional<DatabaseFailure> noticed(Throwable failure) {
        Optional<DatabaseFailure> kind = DatabaseFailure.of(failure);
        if (kind.filter(DatabaseFailure.UNREACHABLE::equals).isPresent()) {
            unreachable(failure, false);
        }
        return kind;
    }

    /** Whether the service is in a database outage now (between the first unreachable failure and the probe's success). */
    public boolean inOutage() {
        return current() != null;
    }

    private Response respond(DatabaseFailure kind, Throwable failure, UriInfo uri) {
        Counter counter = responses.get(kind);
        if (counter != null) {
            counter.increment();
        }
        Duration retryAfter = kind == DatabaseFailure.LOCKED ? config.lockedRetryAfter() : config.retryAfter();
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        String detail = switch (kind) {
            case UNREACHABLE -> {
                unreachable(failure, true);
                yield "The service cannot reach its database at the moment; try again in " + seconds + " s";
            }
            case TIMEOUT -> {
                LOG.warnf("A statement ran past the database's statement timeout on %s (%s); answered 503",
                        uri.getPath(), sqlState(failure));
                yield "The database did not answer in time; try again in " + seconds + " s";
            }
            case LOCKED -> {
                LOG.warnf("Records stayed locked by another change past the lock timeout on %s (%s); answered 503",
                        uri.getPath(), sqlState(failure));
                yield "The records are being changed by another request; try again in " + seconds + " s";
            }
        };
        return Response.fromResponse(ProblemMappers.render(mapper, ProblemType.SERVICE_UNAVAILABLE, 503, detail, uri,
                List.of())).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
    }

    /** @param answered whether a request was answered 503 for it (counted for the recovery line) */
    private void unreachable(Throwable failure, boolean answered) {
        Outage started = null;
        synchronized (this) {
            if (outage == null) {
                outage = new Outage(clock.instant());
                started = outage;
                startProbing();
            }
            if (answered) {
                outage.answered.increment();
            }
        }
        if (started != null) {
            // the first failure's own words (a connection error's: an address, a timeout), never a statement's
            LOG.warnf("Database unreachable since %s (%s), answering 503 until it answers again", started.since,
                    describe(failure));
        }
    }

    private synchronized Outage current() {
        return outage;
    }

    private void startProbing() {
        if (!dataSources.isResolvable()) {
            return;
        }
        if (prober == null) {
            prober = Executors.newSingleThreadScheduledExecutor(work -> {
                Thread thread = new Thread(work, "database-outage-probe");
                thread.setDaemon(true);
                return thread;
            });
        }
        long interval = config.probeInterval().toMillis();
        probing = prober.scheduleWithFixedDelay(this::probe, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        int timeout = (int) Math.max(1, config.probeTimeout().toSeconds());
        try (Connection connection = dataSources.get().getConnection()) {
            if (!connection.isValid(timeout)) {
                return;
            }
        } catch (SQLException | RuntimeException stillDown) {
            return;
        }
        Outage ended;
        synchronized (this) {
            ended = outage;
            outage = null;
            if (probing != null) {
                probing.cancel(false);
                probing = null;
            }
        }
        if (ended != null) {
            Duration lasted = Duration.between(ended.since, clock.instant());
            LOG.infof("Database reachable again after %.1f s of outage (since %s); %d requests were answered 503",
                    lasted.toMillis() / 1000.0, ended.since, ended.answered.sum());
        }
    }

    private static String describe(Throwable failure) {
        SQLException sql = firstSql(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (sql == null) {
            // pgjdbc's assertion on a connection lost mid-batch (tests run with assertions on) names no SQLState
            return "the connection was lost";
        }
        String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
        return (sql.getSQLState() == null ? "" : "SQLState " + sql.getSQLState() + ": ") + message;
    }

    /** The first SQL exception among the causes and suppressed exceptions, where {@link DatabaseFailure} looks. */
    private static SQLException firstSql(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                SQLException found = firstSql(suppressed, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String sqlState(Throwable failure) {
        SQLException sql = firstSql(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
        return sql == null || sql.getSQLState() == null ? "no SQLState" : "SQLState " + sql.getSQLState();
    }

    @PreDestroy
    synchronized void stop() {
        if (prober != null) {
            prober.shutdownNow();
        }
    }

    /** One outage: when it began, and how many requests it has been answered 503 since. */
    private static final class Outage {

        private final Instant since;
        private final LongAdder answered = new LongAdder();

        private Outage(Instant since) {
            this.since = since;
        }
    }
}
