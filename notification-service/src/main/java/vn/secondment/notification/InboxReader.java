package vn.secondment.notification;

import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What decides which inbox entries a user sees: their token subject, their verified email (lower case), their
 * platform roles, their ministry, province and unit. Taken from the token once per request, so a live stream keeps
 * it after the request scope is gone.
 */
public record InboxReader(String subject, String email, Set<String> roles, String ministry, String province,
                          String unit) {

    private static final List<String> ROLES = List.of(Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN,
            Roles.COORDINATOR, Roles.OFFICER, Roles.PROVINCE_LIAISON, Roles.MINISTRY_UNIT, Roles.VIEWER);

    public InboxReader {
        roles = Set.copyOf(roles);
    }

    public static InboxReader of(Caller caller) {
        return new InboxReader(caller.subject(), caller.verifiedEmail().map(e -> e.toLowerCase(Locale.ROOT)).orElse(null),
                ROLES.stream().filter(caller::hasRole).collect(Collectors.toSet()), caller.ministry().orElse(null),
                caller.province().orElse(null), caller.unit().orElse(null));
    }
}
