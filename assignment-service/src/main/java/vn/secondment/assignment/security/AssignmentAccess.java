package vn.secondment.assignment.security;

import jakarta.enterprise.context.RequestScoped;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.data.AssignmentScope;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Who may do what with deployments, assignments and work plans (docs/DESIGN.md, security model):
 * <ul>
 *   <li>a platform admin manages every ministry; a ministry admin or coordinator manages their own ministry's
 *       deployments and assignments;</li>
 *   <li>an officer sees their own assignments and writes their own work plans, recognised by the token's verified
 *       email matching the official's work email;</li>
 *   <li>a province liaison sees who is assigned to their province, from every ministry;</li>
 *   <li>a viewer sees every ministry's assignments and coverage, read-only.</li>
 * </ul>
 * Deployments themselves (decisions, periods, target provinces) are public to every signed-in caller.
 */
@RequestScoped
public class AssignmentAccess {

    private final Caller caller;
    private final KnownOfficialRepository officials;
    private Set<UUID> ownOfficialIds;

    public AssignmentAccess(Caller caller, KnownOfficialRepository officials) {
        this.caller = caller;
        this.officials = officials;
    }

    public Caller caller() {
        return caller;
    }

    public boolean canManage(String ministryCode) {
        return caller.hasRole(Roles.PLATFORM_ADMIN)
                || ((caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.COORDINATOR))
                && caller.belongsTo(ministryCode));
    }

    /** Refuses (403) unless the caller manages {@code ministryCode}'s deployments. */
    public void requireManage(String ministryCode) {
        if (!canManage(ministryCode)) {
            throw ProblemException.forbidden("Only an admin or coordinator of " + ministryCode
                    + " may change its deployments and assignments");
        }
    }

    /**
     * Refuses (403) unless the caller may assign officials to {@code d} at all: an admin or coordinator of its
     * ministry or of a partner ministry (each assigns only their own officials: {@link #canManage} of the
     * official's ministry decides).
     */
    public void requireAssignInto(Deployment d) {
        if (!canManage(d.ministryCode) && d.partnerMinistries.stream().noneMatch(this::canManage)) {
            throw ProblemException.forbidden("Only an admin or coordinator of " + String.join(" or ",
                    Stream.concat(Stream.of(d.ministryCode), d.partnerMinistries.stream()).toList()) + " may assign officials to this deployment");
        }
    }

    /**
     * Whether the caller manages this assignment: the deployment's ministry, or the official's own ministry when
     * it is a partner of the deployment.
     */
    public boolean canManage(Assignment assignment) {
        return canManage(assignment.ministryCode) || canManage(assignment.officialMinistryCode);
    }

    public boolean canSee(Assignment assignment) {
        return scope().admits(assignment.ministryCode, assignment.provinceCode, assignment.officialId)
                || canManage(assignment.officialMinistryCode);
    }

    /** Whether the caller is the assigned official. */
    public boolean isOwn(Assignment assignment) {
        return ownOfficialIds().contains(assignment.officialId);
    }

    /** Everyone but an officer with no other role reads the coverage of every ministry. */
    public boolean canSeeCoverage() {
        return caller.hasRole(Roles.PLATFORM_ADMIN) || caller.hasRole(Roles.VIEWER)
                || caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.COORDINATOR)
                || caller.hasRole(Roles.PROVINCE_LIAISON);
    }

    public void requireCoverage() {
        if (!canSeeCoverage()) {
            throw ProblemException.forbidden("Coverage is read by admins, coordinators, liaisons and viewers");
        }
    }

    /** Which assignments the caller may read, as a filter every list applies. */
    public AssignmentScope scope() {
        return AssignmentScope.of(caller, this::ownOfficialIds);
    }

    /** The officials the caller is, by the token's verified email. */
    public Set<UUID> ownOfficialIds() {
        if (ownOfficialIds == null) {
            ownOfficialIds = caller.verifiedEmail().map(officials::idsOfEmail).map(Set::copyOf).orElse(Set.of());
        }
        return ownOfficialIds;
    }
}
