package vn.secondment.rest.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.secondment.rest.problem.ProblemException;

import java.util.Optional;

/**
 * Who is calling, read from the verified access token: subject, roles, and the scope claims
 * {@code ministry} (a ministry code such as {@code BNV}), {@code province} (a 2-digit province code,
 * for province liaisons) and {@code unit} (a unit code of the ministry such as {@code VU-TCCB}, for ministry units). Every service checks scope with these methods, not with ad-hoc claim reads.
 */
@RequestScoped
public class Caller {

    public static final String MINISTRY_CLAIM = "ministry";
    public static final String PROVINCE_CLAIM = "province";
    public static final String UNIT_CLAIM = "unit";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The stable user (or client) id, the token's {@code sub}. */
    public String subject() {
        return token.getSubject();
    }

    public String username() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> ministry() {
        return Optional.ofNullable(token.<String>getClaim(MINISTRY_CLAIM)).filter(s -> !s.isBlank());
    }

    public Optional<String> province() {
        return Optional.ofNullable(token.<String>getClaim(PROVINCE_CLAIM)).filter(s -> !s.isBlank());
    }

    public Optional<String> unit() {
        return Optional.ofNullable(token.<String>getClaim(UNIT_CLAIM)).filter(s -> !s.isBlank());
    }

    /**
     * The caller's email when the identity provider verified it ({@code email_verified}): what links a signed-in
     * officer to their record in the directory and to their assignments.
     */
    public Optional<String> verifiedEmail() {
        Object verified = token.getClaim("email_verified");
        String email = token.getClaim("email");
        if (email == null || !(Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified)))) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    /** Whether the caller may act for {@code ministryCode}: a platform admin, or a member of that ministry. */
    public boolean belongsTo(String ministryCode) {
        return hasRole(Roles.PLATFORM_ADMIN) || ministry().map(m -> m.equals(ministryCode)).orElse(false);
    }

    /** Refuses (403 problem) unless {@link #belongsTo(String)}. */
    public void requireMinistry(String ministryCode) {
        if (!belongsTo(ministryCode)) {
            throw ProblemException.forbidden("You may act only for your own ministry ("
                    + ministry().orElse("none") + "), not for " + ministryCode);
        }
    }
}
