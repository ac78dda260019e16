package vn.secondment.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signed access tokens shaped like the platform's Keycloak tokens ({@code realm_access.roles},
 * {@code ministry}, {@code province}, audience {@code secondment-api}), accepted by services under
 * {@link WithRealInfrastructure}.
 * <pre>{@code
 * String token = TestTokens.user("bnv.admin").roles(Roles.MINISTRY_ADMIN).ministry("BNV").token();
 * }</pre>
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/secondment";
    public static final String AUDIENCE = "secondment-api";
    /** The private key of quarkus-test-oidc-server, whose public half its WireMock server publishes. */
    static final String SIGNING_KEY = "privateKey.jwk";

    private final String username;
    private String subject;
    private final Set<String> roles = new LinkedHashSet<>();
    private String ministry;
    private String province;
    private String unit;
    private String email;
    private String audience = AUDIENCE;

    private TestTokens(String username) {
        this.username = username;
        this.subject = UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }

    public static TestTokens user(String username) {
        return new TestTokens(username);
    }

    public TestTokens roles(String... names) {
        roles.addAll(List.of(names));
        return this;
    }

    public TestTokens ministry(String code) {
        this.ministry = code;
        return this;
    }

    public TestTokens province(String code) {
        this.province = code;
        return this;
    }

    /** The unit code of a ministry unit (Vụ, Cục), claim {@code unit}. */
    public TestTokens unit(String code) {
        this.unit = code;
        return this;
    }

    /** A verified email, as Keycloak puts it in the token: how an officer is matched to their record. */
    public TestTokens email(String address) {
        this.email = address;
        return this;
    }

    public TestTokens subject(String sub) {
        this.subject = sub;
        return this;
    }

    public TestTokens audience(String aud) {
        this.audience = aud;
        return this;
    }

    /** The stable {@code sub} this builder puts in the token. */
    public String subject() {
        return subject;
    }

    public String token() {
        var claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .preferredUserName(username)
                .audience(audience)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .expiresIn(3600);
        if (ministry != null) {
            claims.claim("ministry", ministry);
        }
        if (province != null) {
            claims.claim("province", province);
        }
        if (unit != null) {
            claims.claim("unit", unit);
        }
        if (email != null) {
            claims.claim("email", email).claim("email_verified", true);
        }
        return claims.jws().keyId("1").sign(SIGNING_KEY);
    }
}
