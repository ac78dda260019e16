package vn.secondment.gateway.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.secondment.gateway.config.GatewayConfig;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The tokens quarkus-oidc has verified, each kept until it expires, so that a caller's next requests with the same
 * token skip the signature check and the parsing of its claims (a third of the gateway's CPU per request, issue 22).
 * <p>
 * A token is found only by its exact text: a token altered in any way is another key and is verified in full. One
 * past its {@code exp} is forgotten and verified again, so quarkus-oidc refuses it as before. Without {@code exp} a
 * token is not kept. At most {@code gateway.token-cache.max-size} tokens are kept (0 turns the cache off); when full,
 * expired ones go first, then any. The services behind the gateway still verify every token themselves.
 * <p>
 * Two roles in one bean: as an identity provider tried before quarkus-oidc's it answers a known token, or nothing
 * (quarkus-oidc then verifies); as the first augmentor it keeps what quarkus-oidc has just verified. The other
 * augmentors run on every request either way.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /** Marks an identity answered from here, so that it is not stored again. */
    static final String REMEMBERED = VerifiedTokens.class.getName() + ".remembered";
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String BLOCKING_API = AuthenticationRequestContext.class.getName();

    private final int maxSize;
    private final LongSupplier clockMillis;
    private final Map<String, Remembered> tokens = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(GatewayConfig config, Clock clock) {
        this(config.tokenCache().maxSize(), clock::millis);
    }

    VerifiedTokens(int maxSize, LongSupplier clockMillis) {
        this.maxSize = maxSize;
        this.clockMillis = clockMillis;
    }

    /**
     * First among the identity providers (quarkus-oidc's has the default, {@code SYSTEM_FIRST + 1}) and first among
     * the augmentors, so that it keeps quarkus-oidc's identity before any other augmentor changes it.
     */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity known = known(request.getToken().getToken());
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        // this request's routing context, not the one of the request that verified the token
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                .addAttribute(ROUTING_CONTEXT, routing)
                .addAttribute(BLOCKING_API, routing == null ? null : routing.get(BLOCKING_API))
                .addAttribute(REMEMBERED, Boolean.TRUE)
                .build());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (maxSize > 0 && !identity.isAnonymous() && identity.getAttribute(REMEMBERED) == null
                && identity.getPrincipal() instanceof JsonWebToken token && token.getRawToken() != null
                && token.getClaim(Claims.exp.name()) instanceof Number expiresAt && expiresAt.longValue() > 0) {
            // kept as quarkus-oidc built it (its permission checks included); it still names the request that
            // verified it, a small object each, hence the bound
            remember(token.getRawToken(), new Remembered(identity, expiresAt.longValue() * 1000));
        }
        return Uni.createFrom().item(identity);
    }

    /** The identity verified for this exact token, if it is kept and has not expired. */
    SecurityIdentity known(String token) {
        if (maxSize <= 0 || token == null) {
            return null;
        }
        Remembered remembered = tokens.get(token);
        if (remembered == null) {
            return null;
        }
        if (clockMillis.getAsLong() >= remembered.expiresAtMillis()) {
            tokens.remove(token, remembered);
            return null;
        }
        return remembered.identity();
    }

    /** How many tokens are kept. */
    int size() {
        return tokens.size();
    }

    private void remember(String token, Remembered remembered) {
        if (tokens.size() >= maxSize) {
            long now = clockMillis.getAsLong();
            tokens.values().removeIf(kept -> now >= kept.expiresAtMillis());
            Iterator<String> any = tokens.keySet().iterator();
            while (tokens.size() >= maxSize && any.hasNext()) {
                any.next();
                any.remove();
            }
        }
        tokens.put(token, remembered);
    }

    private record Remembered(SecurityIdentity identity, long expiresAtMillis) {
    }
}
