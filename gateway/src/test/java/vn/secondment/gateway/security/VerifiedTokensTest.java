package vn.secondment.gateway.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;

    private final AtomicLong clock = new AtomicLong(NOW);

    @Test
    void answersAVerifiedTokenUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock::get);
        SecurityIdentity verified = verified("header.claims-of-an.signature", NOW / 1000 + 60);
        tokens.augment(verified, null).await().indefinitely();

        SecurityIdentity answered = answer(tokens, "header.claims-of-an.signature");
        assertThat(answered.getPrincipal()).isSameAs(verified.getPrincipal());
        assertThat(answered.getRoles()).containsExactly("officer");
        assertThat((Object) answered.getAttribute(VerifiedTokens.REMEMBERED)).isEqualTo(Boolean.TRUE);

        clock.set(NOW + 59_999);
        assertThat(answer(tokens, "header.claims-of-an.signature")).isNotNull();
        clock.set(NOW + 60_000);
        assertThat(answer(tokens, "header.claims-of-an.signature")).as("expired: verified again").isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void knowsOnlyTheExactToken() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock::get);
        tokens.augment(verified("header.claims-of-an.signature", NOW / 1000 + 60), null).await().indefinitely();

        assertThat(answer(tokens, "header.claims-of-an.signaturf")).isNull();
        assertThat(answer(tokens, "header.claims-of-bo.signature")).isNull();
        assertThat(answer(tokens, "header.claims-of-an.signature ")).isNull();
    }

    @Test
    void keepsNoMoreThanItsMaximum() {
        VerifiedTokens tokens = new VerifiedTokens(3, clock::get);
        for (int i = 0; i < 10; i++) {
            tokens.augment(verified("token-" + i, NOW / 1000 + 60), null).await().indefinitely();
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        assertThat(answer(tokens, "token-9")).as("the latest is kept").isNotNull();
    }

    @Test
    void makesRoomByForgettingExpiredTokensFirst() {
        VerifiedTokens tokens = new VerifiedTokens(2, clock::get);
        tokens.augment(verified("short", NOW / 1000 + 1), null).await().indefinitely();
        tokens.augment(verified("long", NOW / 1000 + 600), null).await().indefinitely();
        clock.set(NOW + 5_000);
        tokens.augment(verified("new", NOW / 1000 + 600), null).await().indefinitely();

        assertThat(answer(tokens, "long")).isNotNull();
        assertThat(answer(tokens, "new")).isNotNull();
    }

    @Test
    void keepsNothingWhenTurnedOffOrWithoutAnExpiry() {
        VerifiedTokens off = new VerifiedTokens(0, clock::get);
        off.augment(verified("token", NOW / 1000 + 60), null).await().indefinitely();
        assertThat(answer(off, "token")).isNull();

        VerifiedTokens tokens = new VerifiedTokens(10, clock::get);
        tokens.augment(verified("no-expiry", 0), null).await().indefinitely();
        tokens.augment(QuarkusSecurityIdentity.builder().setAnonymous(true).build(), null).await().indefinitely();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void doesNotStoreAgainWhatItAnswered() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock::get);
        SecurityIdentity verified = verified("token", NOW / 1000 + 60);
        tokens.augment(verified, null).await().indefinitely();
        SecurityIdentity answered = answer(tokens, "token");

        SecurityIdentity augmented = tokens.augment(answered, null).await().indefinitely();
        assertThat(augmented).isSameAs(answered);
        assertThat(answer(tokens, "token").getPrincipal()).isSameAs(verified.getPrincipal());
    }

    private static SecurityIdentity answer(VerifiedTokens tokens, String token) {
        return tokens.authenticate(new TokenAuthenticationRequest(new AccessTokenCredential(token)), null)
                .await().indefinitely();
    }

    /** What quarkus-oidc makes of a token it verified: a JWT principal with the raw token and its expiry. */
    private static SecurityIdentity verified(String rawToken, long expiresAtSeconds) {
        Map<String, Object> claims = expiresAtSeconds > 0
                ? Map.of(Claims.raw_token.name(), rawToken, Claims.sub.name(), "subject-" + rawToken,
                        Claims.exp.name(), expiresAtSeconds)
                : Map.of(Claims.raw_token.name(), rawToken, Claims.sub.name(), "subject-" + rawToken);
        JsonWebToken principal = new JsonWebToken() {
            @Override
            public String getName() {
                return "subject-" + rawToken;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRole("officer")
                .addCredential(new AccessTokenCredential(rawToken)).build();
    }
}
