package vn.secondment.personnel.security;

import jakarta.enterprise.context.RequestScoped;
import vn.secondment.personnel.Official;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.function.Predicate;

/**
 * Who may do what in the directory (docs/DESIGN.md, security model):
 * <ul>
 *   <li>a platform admin manages every ministry; a ministry admin manages their own ministry's units and officials;</li>
 *   <li>personal details (phone, date of birth) are shown to the official's own ministry's admins and coordinators
 *       and to the official; everyone else (viewers, liaisons, other ministries) sees them masked;</li>
 *   <li>an officer without another role sees only their own record, recognised by the verified email of the token
 *       matching the official's work email;</li>
 *   <li>the audit log of a ministry's records is read by that ministry's admins.</li>
 * </ul>
 */
@RequestScoped
public class DirectoryAccess {

    private final Caller caller;

    public DirectoryAccess(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    public boolean canManage(String ministryCode) {
        return caller.hasRole(Roles.PLATFORM_ADMIN)
                || (caller.hasRole(Roles.MINISTRY_ADMIN) && caller.belongsTo(ministryCode));
    }

    /** Refuses (403) unless the caller manages {@code ministryCode}. */
    public void requireManage(String ministryCode) {
        if (!canManage(ministryCode)) {
            throw ProblemException.forbidden("Only an admin of " + ministryCode + " may change its directory");
        }
    }

    public boolean canReadAudit(String ministryCode) {
        return canManage(ministryCode);
    }

    /** Whether the caller sees only their own record (an officer with no broader role). */
    public boolean ownRecordOnly() {
        return caller.hasRole(Roles.OFFICER) && !caller.hasRole(Roles.PLATFORM_ADMIN)
                && !caller.hasRole(Roles.MINISTRY_ADMIN) && !caller.hasRole(Roles.COORDINATOR)
                && !caller.hasRole(Roles.VIEWER) && !caller.hasRole(Roles.PROVINCE_LIAISON);
    }

    public boolean canSee(Official official) {
        return !ownRecordOnly() || isSelf(official);
    }

    public boolean canSeePersonal(Official official) {
        return personalDataPolicy().test(official);
    }

    /**
     * {@link #canSeePersonal} as a plain function of the official, detached from the request, for work that
     * outlives the request's scope (a streamed export).
     */
    public Predicate<Official> personalDataPolicy() {
        boolean everyMinistry = caller.hasRole(Roles.PLATFORM_ADMIN);
        boolean ownMinistry = caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.COORDINATOR);
        String ministry = caller.ministry().orElse(null);
        String email = caller.verifiedEmail().orElse(null);
        return official -> everyMinistry
                || (ownMinistry && official.ministryCode.equals(ministry))
                || (email != null && email.equalsIgnoreCase(official.email));
    }

    private boolean isSelf(Official official) {
        return caller.verifiedEmail().map(email -> email.equalsIgnoreCase(official.email)).orElse(false);
    }
}
