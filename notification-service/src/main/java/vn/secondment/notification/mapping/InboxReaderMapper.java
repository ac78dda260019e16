package vn.secondment.notification.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.EmailSubscription;
import vn.secondment.notification.InboxReader;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The readers whose inbox rule decides what they see: a signed-in caller, or a subscriber as last stored. */
@ApplicationScoped
public class InboxReaderMapper {

    private static final List<String> ROLES = List.of(Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN,
            Roles.COORDINATOR, Roles.OFFICER, Roles.PROVINCE_LIAISON, Roles.MINISTRY_UNIT, Roles.VIEWER);

    /** The caller as their token tells now. */
    public InboxReader toReader(Caller caller) {
        return new InboxReader(caller.subject(), caller.verifiedEmail().map(e -> e.toLowerCase(Locale.ROOT)).orElse(null),
                ROLES.stream().filter(caller::hasRole).collect(Collectors.toSet()), caller.ministry().orElse(null),
                caller.province().orElse(null), caller.unit().orElse(null));
    }

    /** The reader this subscriber was when they last subscribed. */
    public InboxReader toReader(EmailSubscription s) {
        return new InboxReader(s.subject, s.email, new HashSet<>(s.roles), s.ministry, s.province, s.unit);
    }
}
