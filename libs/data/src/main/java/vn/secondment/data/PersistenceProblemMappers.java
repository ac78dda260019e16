package vn.secondment.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.secondment.rest.database.DatabaseOutage;
import vn.secondment.rest.problem.ProblemMappers;
import vn.secondment.rest.problem.ProblemType;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The database's own refusals as problems. Services check versions and uniqueness before writing; these cover the
 * race where two requests pass that check at the same moment and the database decides.
 */
public class PersistenceProblemMappers {

    /** SQLSTATE class 23: unique, foreign key, check and exclusion constraints. */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    private final ObjectMapper mapper;
    private final DatabaseOutage databaseOutage;

    public PersistenceProblemMappers(ObjectMapper mapper, DatabaseOutage databaseOutage) {
        this.mapper = mapper;
        this.databaseOutage = databaseOutage;
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentEdit(RuntimeException e, UriInfo uri) {
        return ProblemMappers.render(mapper, ProblemType.PRECONDITION_FAILED, 412,
                "Someone else changed this resource at the same moment; read it again and retry", uri, List.of());
    }

    @ServerExceptionMapper
    public Response uniqueness(ConstraintViolationException e, UriInfo uri) {
        return ProblemMappers.render(mapper, ProblemType.CONFLICT, 409,
                "The change conflicts with a record written at the same moment; read again and retry", uri, List.of());
    }

    /**
     * A refusal that surfaced at commit arrives wrapped by the transaction manager (and, when the commit's checked
     * exception leaves an intercepted bean method, by Arc): answer as if unwrapped. A database that does not answer
     * (Hibernate's connection and timeout exceptions are persistence exceptions too) is a 503.
     */
    @ServerExceptionMapper({RollbackException.class, TransactionalException.class, PersistenceException.class,
            ArcUndeclaredThrowableException.class})
    public Response atCommit(Exception e, UriInfo uri) {
        Response answer = fromCauses(e, uri, new HashSet<>());
        if (answer != null) {
            return answer;
        }
        return databaseOutage.respond(e, uri).orElseGet(() -> ProblemMappers.internalError(mapper, e, uri));
    }

    /**
     * The first refusal in the causes of {@code e}, including suppressed ones: the transaction manager attaches a
     * failed COMMIT's SQL exception to its RollbackException as suppressed, not as its cause.
     */
    private Response fromCauses(Throwable e, UriInfo uri, Set<Throwable> seen) {
        for (Throwable cause = e; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return uniqueness(violation, uri);
            }
            // a deferred constraint is checked by the database's COMMIT, below Hibernate: a bare SQL exception
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION)) {
                return ProblemMappers.render(mapper, ProblemType.CONFLICT, 409,
                        "The change conflicts with a record written at the same moment; read again and retry", uri,
                        List.of());
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentEdit((RuntimeException) cause, uri);
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                Response answer = fromCauses(suppressed, uri, seen);
                if (answer != null) {
                    return answer;
                }
            }
        }
        return null;
    }

}
