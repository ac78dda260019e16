package vn.secondment.notification;

import java.util.Set;

/**
 * What decides which inbox entries a user sees: their token subject, their verified email (lower case), their
 * platform roles, their ministry, province and unit. Taken from the token once per request (by
 * {@code InboxReaderMapper}), so a live stream keeps it after the request scope is gone.
 */
public record InboxReader(String subject, String email, Set<String> roles, String ministry, String province,
                          String unit) {

    public InboxReader {
        roles = Set.copyOf(roles);
    }
}
