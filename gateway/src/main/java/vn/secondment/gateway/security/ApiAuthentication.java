package vn.secondment.gateway.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import vn.secondment.gateway.http.ProblemWriter;
import vn.secondment.gateway.routing.RouteTable;
import vn.secondment.rest.problem.ProblemType;

import java.util.Optional;

/**
 * Turns away calls without a valid token before any service sees them, with a problem+json body.
 * <p>
 * quarkus-oidc verifies the bearer token of every request first (proactive authentication). An invalid token
 * fails the request, which {@link #answerFailedAuthentication} turns into a 401 problem; a missing token leaves an
 * anonymous identity, which {@link #requireToken} refuses on {@code /api/*}. The gateway does not use
 * {@code quarkus.http.auth.permission} for this because its refusal carries no body. Each refusal is logged with
 * its {@link TokenRejection reason}: INFO for a missing or expired token, which clients cause in ordinary use, WARN
 * for the others.
 */
@ApplicationScoped
public class ApiAuthentication {

    private static final Logger LOG = Logger.getLogger(ApiAuthentication.class);
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private final ProblemWriter problems;
    private final RouteTable routes;

    public ApiAuthentication(ProblemWriter problems, RouteTable routes) {
        this.problems = problems;
        this.routes = routes;
    }

    /** Route handler: lets only authenticated calls through. */
    public void requireToken(RoutingContext context) {
        if (identity(context).isPresent()) {
            context.next();
            return;
        }
        logRejection(context, TokenRejection.MISSING);
        context.response().putHeader(WWW_AUTHENTICATE, "Bearer");
        problems.send(context, ProblemType.UNAUTHENTICATED, "This API needs a bearer access token");
    }

    /** Failure handler: answers a token that failed verification; leaves every other failure to the next handler. */
    public void answerFailedAuthentication(RoutingContext context) {
        if (!isAuthenticationFailure(context.failure())) {
            context.next();
            return;
        }
        logRejection(context, TokenRejection.of(context.failure()));
        context.response().headers().set(WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        problems.send(context, ProblemType.UNAUTHENTICATED,
                "The bearer token is not valid: it may have expired or be meant for another audience");
    }

    /** One line per refused call, with the request id (MDC) and why; never the token or anything from it. */
    private void logRejection(RoutingContext context, TokenRejection reason) {
        String route = routes.label(context.normalizedPath());
        if (reason.isOrdinary()) {
            LOG.infof("Token refused (%s): %s on route %s", reason.label(), context.request().method(), route);
        } else {
            LOG.warnf("Token refused (%s): %s on route %s", reason.label(), context.request().method(), route);
        }
    }

    /** The verified caller, if the request carried a valid token. */
    public static Optional<SecurityIdentity> identity(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return Optional.of(user.getSecurityIdentity());
        }
        return Optional.empty();
    }

    /** The token's {@code sub}, the stable id of a user or client. */
    public static Optional<String> subject(RoutingContext context) {
        return identity(context).map(identity -> identity.getPrincipal() instanceof JsonWebToken token
                && token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName());
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
