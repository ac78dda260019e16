package vn.secondment.rest.database;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailureTest {

    @Test
    void recognisesAnUnreachableDatabaseByItsConnectionSqlStates() {
        for (String state : new String[]{"08001", "08003", "08006", "57P01", "57P03", "53300"}) {
            assertThat(DatabaseFailure.of(new SQLException("no", state))).as(state)
                    .contains(DatabaseFailure.UNREACHABLE);
        }
    }

    @Test
    void recognisesThePoolsAcquisitionTimeoutAndTheJdksConnectionExceptions() {
        assertThat(DatabaseFailure.of(new SQLException("Sorry, acquisition timeout!")))
                .contains(DatabaseFailure.UNREACHABLE);
        assertThat(DatabaseFailure.of(new SQLException("Acquisition timeout while waiting for new connection")))
                .contains(DatabaseFailure.UNREACHABLE);
        assertThat(DatabaseFailure.of(new SQLTransientConnectionException("gone")))
                .contains(DatabaseFailure.UNREACHABLE);
        assertThat(DatabaseFailure.of(new SQLException("Something unusual has occurred to cause the driver to fail.",
                "XX000", new RuntimeException("Interrupted while attempting to connect."))))
                .contains(DatabaseFailure.UNREACHABLE);
        assertThat(DatabaseFailure.of(new SQLException("internal error", "XX000"))).isEmpty();
    }

    @Test
    void recognisesTheDriversAssertionOnAConnectionLostMidBatchButNoOtherAssertion() {
        AssertionError driver = new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
        driver.setStackTrace(new StackTraceElement[]{new StackTraceElement("org.postgresql.jdbc.BatchResultHandler",
                "isAutoCommit", "BatchResultHandler.java", 115)});
        assertThat(DatabaseFailure.of(new RuntimeException(driver))).contains(DatabaseFailure.UNREACHABLE);
        assertThat(DatabaseFailure.of(new AssertionError("ours"))).isEmpty();
    }

    @Test
    void tellsAStatementTimeoutFromALockTimeoutOrADeadlock() {
        assertThat(DatabaseFailure.of(new SQLException("canceling statement due to statement timeout", "57014")))
                .contains(DatabaseFailure.TIMEOUT);
        assertThat(DatabaseFailure.of(new SQLException("canceling statement due to lock timeout", "55P03")))
                .contains(DatabaseFailure.LOCKED);
        assertThat(DatabaseFailure.of(new SQLException("deadlock detected", "40P01")))
                .contains(DatabaseFailure.LOCKED);
    }

    @Test
    void findsTheSqlExceptionWrappedByTheOrmOrAttachedAsSuppressedByTheTransaction() {
        SQLException socket = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new SocketTimeoutException("Read timed out"));
        RuntimeException wrapped = new IllegalStateException("commit failed",
                new RuntimeException("JDBC exception", socket));
        assertThat(DatabaseFailure.of(wrapped)).contains(DatabaseFailure.UNREACHABLE);

        Exception rollback = new Exception("rolled back");
        rollback.addSuppressed(new RuntimeException(new SQLException("canceling statement", "57014")));
        assertThat(DatabaseFailure.of(new RuntimeException(rollback))).contains(DatabaseFailure.TIMEOUT);
    }

    @Test
    void leavesTheRequestsOwnFailuresAndOtherSocketsAlone() {
        assertThat(DatabaseFailure.of(new SQLException("duplicate key", "23505"))).isEmpty();
        assertThat(DatabaseFailure.of(new SQLException("syntax error", "42601"))).isEmpty();
        assertThat(DatabaseFailure.of(new SQLException("something"))).isEmpty();
        assertThat(DatabaseFailure.of(new IllegalArgumentException("bug"))).isEmpty();
        // an HTTP call's refusal says nothing about the database
        assertThat(DatabaseFailure.of(new RuntimeException(new ConnectException("Connection refused")))).isEmpty();
        assertThat(DatabaseFailure.of(new RuntimeException(new SocketTimeoutException()))).isEqualTo(Optional.empty());
    }

    @Test
    void survivesACycleOfCauses() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseFailure.of(first)).isEmpty();
    }
}
