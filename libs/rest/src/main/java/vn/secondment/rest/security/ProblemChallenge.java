package vn.secondment.rest.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.rest.http.HttpLayerProblems;
import vn.secondment.rest.problem.ProblemType;

import java.util.Optional;
import java.util.Set;

/**
 * The 401 of a call without a token, with a problem+json body. Quarkus refuses it (an {@code authenticated} HTTP
 * permission, or {@code @Authenticated}) by asking the authentication mechanisms for a challenge and ending the
 * answer with no body; this mechanism authenticates no one (the bearer token mechanism does) and only answers that
 * challenge, first, with the same {@code WWW-Authenticate: Bearer} and a body.
 */
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

    private final ObjectMapper json;

    public ProblemChallenge(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.response().headWritten()) {
            context.response().headers().set("WWW-Authenticate", "Bearer");
            HttpLayerProblems.send(context, json, ProblemType.UNAUTHENTICATED, 401,
                    "This API needs a bearer access token", false);
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /** Before the bearer token mechanism, so that its challenge is the one sent when no mechanism was tried. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}
