package vn.secondment.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemType;

import java.util.List;

/** Writes the gateway's own errors as RFC 9457 {@code application/problem+json}, like every service does. */
@ApplicationScoped
public class ProblemWriter {

    private static final Logger LOG = Logger.getLogger(ProblemWriter.class);

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void send(RoutingContext context, ProblemType problem, String detail) {
        send(context, problem, detail, null);
    }

    /** With {@code Retry-After} (whole seconds), unless {@code retryAfterSeconds} is null. */
    public void send(RoutingContext context, ProblemType problem, String detail, String retryAfterSeconds) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            // too late for a status: a streamed answer broke half-way; the client sees the connection drop
            LOG.debugf("Cannot answer %s to %s: the response has started", problem, context.normalizedPath());
            response.reset();
            return;
        }
        if (!context.request().isEnded()) {
            // the body is not wanted; draining it keeps the client's connection usable
            context.request().resume();
        }
        if (retryAfterSeconds != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body(problem, detail, context.normalizedPath()));
    }

    public Buffer body(ProblemType problem, String detail, String instance) {
        Problem body = new Problem(problem.uri(), problem.title(), problem.status(), detail, instance, List.of());
        try {
            return Buffer.buffer(json.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
