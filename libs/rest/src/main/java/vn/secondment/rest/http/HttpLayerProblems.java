package vn.secondment.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.secondment.rest.config.HttpLimitsConfig;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemMappers;
import vn.secondment.rest.problem.ProblemType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Problem+json for what the HTTP layer refuses before any resource runs, which Quarkus would answer with an empty
 * body: a URI or headers over the limits ({@link HttpLimitsConfig}: 414, 431), a token that fails verification
 * (401, with {@code WWW-Authenticate}), and any other failure of a route. A path that is no URI ({@code /a/{b}})
 * is refused by Quarkus' root handler before any route, with an empty 400 that cannot be given a body.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

    /** After the gateway's own failure handler (-1000), before Quarkus' default error handling. */
    private static final int FAILURE_ORDER = -900;

    private final ObjectMapper json;
    private final HttpLimitsConfig limits;
    private final long maxBody;

    public HttpLayerProblems(ObjectMapper json, HttpLimitsConfig limits,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                             MemorySize maxBody) {
        this.json = json;
        this.limits = limits;
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        // right after RequestIds and SecurityHeaders, so that these answers carry them too
        router.route().order(Integer.MIN_VALUE + 1).handler(this::checkLimits);
        router.route().order(FAILURE_ORDER).failureHandler(this::answerFailure);
    }

    private void checkLimits(RoutingContext context) {
        int uriLength = context.request().uri().length();
        if (uriLength > limits.maxUriLength()) {
            send(context, ProblemType.URI_TOO_LONG, "The request URI has " + uriLength + " characters; at most "
                    + limits.maxUriLength() + " are accepted. Send fewer or shorter query parameters");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            send(context, ProblemType.HEADERS_TOO_LARGE, "The request headers have " + headerBytes
                    + " bytes; at most " + limits.maxHeaderBytes() + " are accepted");
            return;
        }
        context.next();
    }

    private void answerFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        if (isAuthenticationFailure(context.failure())) {
            context.response().headers().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            send(context, ProblemType.UNAUTHENTICATED,
                    "The bearer token is not valid: it may have expired or be meant for another audience");
            return;
        }
        if (context.failure() instanceof UnauthorizedException) {
            context.response().headers().set("WWW-Authenticate", "Bearer");
            send(context, ProblemType.UNAUTHENTICATED, "This API needs a bearer access token");
            return;
        }
        if (context.failure() instanceof ForbiddenException) {
            // an HTTP permission refused it, before any resource was matched: its roles are not known here
            send(context, ProblemType.FORBIDDEN, ProblemMappers.GENERIC_FORBIDDEN);
            return;
        }
        int status = context.statusCode();
        if (status == 413) {
            send(context, ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than the " + maxBody
                    + " bytes accepted");
        } else if (status >= 400 && status < 500) {
            ProblemType type = Arrays.stream(ProblemType.values())
                    .filter(t -> t.status() == status && t != ProblemType.VALIDATION)
                    .findFirst().orElse(ProblemType.HTTP);
            String detail = status == 400 ? "The request cannot be read: " + reason(context) : type.title();
            send(context, type, status, detail);
        } else {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(context.failure(), "Unexpected error %s on %s (request %s)", reference,
                    context.request().path(), RequestIds.of(context));
            send(context, ProblemType.INTERNAL, 500,
                    "An unexpected error occurred; quote reference " + reference + " to the operators");
        }
    }

    private static String reason(RoutingContext context) {
        Throwable failure = context.failure();
        // Vert.x' messages here are about the request line (an invalid character, a bad escape), never internals
        return failure != null && failure.getMessage() != null ? failure.getMessage()
                : "its request line is not a valid URI";
    }

    private void send(RoutingContext context, ProblemType type, String detail) {
        send(context, type, type.status(), detail);
    }

    private void send(RoutingContext context, ProblemType type, int status, String detail) {
        send(context, json, type, status, detail);
    }

    /**
     * Answers with a problem at the Vert.x level, before or outside Quarkus REST; the connection is closed when the
     * request was not read to its end, since what is left of it would be taken as the next request.
     */
    public static void send(RoutingContext context, ObjectMapper json, ProblemType type, int status, String detail) {
        send(context, json, type, status, detail, !context.request().isEnded());
    }

    /**
     * @param close whether to close the connection after the answer; without it the caller must read (or drop) what
     *              is left of the request
     */
    public static void send(RoutingContext context, ObjectMapper json, ProblemType type, int status, String detail,
                            boolean close) {
        HttpServerResponse response = context.response();
        String path;
        try {
            path = context.request().path();
        } catch (RuntimeException unreadable) {
            path = null;
        }
        Problem problem = new Problem(type.uri(), type.title(), status, detail, path, List.of());
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        try {
            response.end(json.writeValueAsString(problem));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationFailedException || cause instanceof AuthenticationCompletionException) {
                return true;
            }
        }
        return false;
    }
}
