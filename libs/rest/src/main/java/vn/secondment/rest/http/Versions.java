package vn.secondment.rest.http;

import jakarta.ws.rs.core.EntityTag;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.util.regex.Pattern;

/**
 * Optimistic locking over HTTP: a resource's ETag is its row version, and every change to an existing resource
 * (PUT, PATCH, state changes) must send it back in {@code If-Match}. A missing header is refused with 428 so that
 * no client can overwrite an edit it has not seen; a stale one with 412.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";
    private static final Pattern UNQUOTED_VERSION = Pattern.compile("\\d+");

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Refuses the change unless {@code ifMatch} names {@code currentVersion} (or is {@code *}). Weak tags are
     * accepted like strong ones: a compressing proxy may have weakened the tag the client saw.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send the ETag you last read in an If-Match header, so that no one else's change is overwritten");
        }
        String current = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            } else if (!UNQUOTED_VERSION.matcher(tag).matches()) {
                // not an entity tag at all (a bare version number is let through: some clients drop the quotes)
                throw ProblemException.invalid(IF_MATCH, "must be the ETag last read, e.g. \"" + current
                        + "\", or *; " + candidate.strip() + " is not an entity tag");
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The resource was changed since you read it: "
                + "it is now at ETag \"" + current + "\", you sent " + ifMatch.strip() + ". Read it again and retry");
    }
}
