package vn.secondment.gateway.security;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Why a bearer token was refused, in a word an operator can act on: an expired token is a client that does not
 * refresh, a wrong audience a token meant for another API, a bad signature a forgery or a key rotation.
 * Never the token itself, nor its claims.
 */
public enum TokenRejection {

    MISSING("missing"),
    EXPIRED("expired"),
    NOT_YET_VALID("not_yet_valid"),
    BAD_SIGNATURE("bad_signature"),
    WRONG_AUDIENCE("wrong_audience"),
    WRONG_ISSUER("wrong_issuer"),
    /** Malformed, opaque, signed with an unknown key, or refused for another reason. */
    INVALID("invalid");

    private final String label;

    TokenRejection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this is how a well-behaved client can fail (and retry), worth INFO rather than WARN. */
    public boolean isOrdinary() {
        return this == MISSING || this == EXPIRED;
    }

    /** Reads quarkus-oidc's failure: the jose4j verification error it wraps says what was wrong. */
    public static TokenRejection of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return EXPIRED;
                }
                if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)
                        || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
                    return NOT_YET_VALID;
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return BAD_SIGNATURE;
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return WRONG_AUDIENCE;
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return WRONG_ISSUER;
                }
                return INVALID;
            }
        }
        return INVALID;
    }
}
