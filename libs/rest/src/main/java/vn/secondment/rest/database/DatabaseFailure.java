package vn.secondment.rest.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The database failures a request can meet that are not the request's fault nor a bug, and pass by themselves:
 * each is answered 503 with {@code Retry-After}. Recognised in the causes (and suppressed exceptions: the transaction
 * manager attaches a failed commit's as suppressed) of whatever Hibernate, JPA, Panache or the transaction wrap them
 * in, by SQLState and by the JDK's own exception classes, so no driver or pool class is needed here. Only SQL
 * exceptions count: the driver wraps a socket's timeout or refusal in one (class 08), while the same socket
 * exceptions elsewhere (an HTTP call) say nothing about the database.
 */
public enum DatabaseFailure {

    /**
     * The database cannot be reached or stopped answering: refused or dropped connections (SQLState class 08), a
     * server shutting down or starting (57P01..03), no connection slot (53300), a socket that timed out (a silent
     * server), or no connection from the pool within its acquisition timeout. Starts an outage.
     */
    UNREACHABLE,

    /** A statement ran past {@code statement_timeout} (57014): the database is alive but too slow for now. */
    TIMEOUT,

    /** A row or table stayed locked by another transaction past {@code lock_timeout} (55P03), or a deadlock (40P01). */
    LOCKED;

    /**
     * Agroal's only word for "no connection within the acquisition timeout" ("Sorry, acquisition timeout!",
     * "Acquisition timeout while waiting for new connection"): a plain SQLException, no SQLState.
     */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";
    private static final String DRIVER_PACKAGE = "org.postgresql.";
    /**
     * pgjdbc's words for a connection attempt given up by the pool (its creation cancelled at the acquisition
     * timeout while the login waited), wrapped in a SQLException of SQLState XX000.
     */
    private static final String CONNECT_INTERRUPTED = "Interrupted while attempting to connect";

    /** What {@code failure} says about the database, if it is one of these. */
    public static Optional<DatabaseFailure> of(Throwable failure) {
        return Optional.ofNullable(find(failure, Collections.newSetFromMap(new IdentityHashMap<>())));
    }

    private static DatabaseFailure find(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            DatabaseFailure kind = kind(cause);
            if (kind != null) {
                return kind;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                DatabaseFailure found = find(suppressed, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static DatabaseFailure kind(Throwable cause) {
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null) {
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03") || state.equals("53300")) {
                    return UNREACHABLE;
                }
                if (state.equals("57014")) {
                    return TIMEOUT;
                }
                if (state.equals("55P03") || state.equals("40P01")) {
                    return LOCKED;
                }
            }
            if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
                return UNREACHABLE;
            }
            if (sql instanceof SQLTimeoutException) {
                return TIMEOUT;
            }
            if (state == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT)) {
                return UNREACHABLE;
            }
            if (sql.getCause() != null && sql.getCause().getMessage() != null
                    && sql.getCause().getMessage().startsWith(CONNECT_INTERRUPTED)) {
                return UNREACHABLE;
            }
        }
        // with assertions enabled (as in the tests), pgjdbc asserts instead of reporting a connection lost during a
        // batch (BatchResultHandler: "getAutoCommit() should not throw"); without, that is an 08006 like the rest
        if (cause instanceof AssertionError && cause.getStackTrace().length > 0
                && cause.getStackTrace()[0].getClassName().startsWith(DRIVER_PACKAGE)) {
            return UNREACHABLE;
        }
        return null;
    }
}
