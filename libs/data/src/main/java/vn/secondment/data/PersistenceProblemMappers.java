package vn.secondment.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.secondment.rest.problem.ProblemMappers;
import vn.secondment.rest.problem.ProblemType;

import java.util.List;

/**
 * The database's own refusals as problems. Services check versions and uniqueness before writing; these cover the
 * race where two requests pass that check at the same moment and the database decides.
 */
public class PersistenceProblemMappers {

    private final ObjectMapper mapper;

    public PersistenceProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
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

    /** A refusal that surfaced at commit arrives wrapped by the transaction manager: answer as if unwrapped. */
    @ServerExceptionMapper({RollbackException.class, TransactionalException.class, PersistenceException.class})
    public Response atCommit(Exception e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return uniqueness(violation, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentEdit((RuntimeException) cause, uri);
            }
        }
        return ProblemMappers.internalError(mapper, e, uri);
    }
}
