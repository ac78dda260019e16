package vn.secondment.gateway.support;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes authentication of one test user take half a second, finishing on the event loop like a real key fetch
 * from Keycloak would, so tests can prove a request body sent meanwhile is not lost.
 */
@ApplicationScoped
public class SlowTokenVerification implements SecurityIdentityAugmentor {

    public static final String SLOW_USER = "slow.uploader";
    private static final long DELAY_MS = 500;

    private final Vertx vertx;

    public SlowTokenVerification(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !SLOW_USER.equals(identity.getPrincipal().getName())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(DELAY_MS, ignored -> emitter.complete(identity)));
    }
}
