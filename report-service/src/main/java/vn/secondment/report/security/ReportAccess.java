package vn.secondment.report.security;

import jakarta.enterprise.context.RequestScoped;
import vn.secondment.data.AssignmentScope;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.report.repository.KnownOfficialRepository;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.Set;
import java.util.UUID;

/**
 * Who may do what with reports, visits and issues (docs/DESIGN.md, security model):
 * <ul>
 *   <li>an officer writes only their own reports, visits and issues, recognised by the token's verified email
 *       matching the official's work email;</li>
 *   <li>a coordinator (or ministry admin) reads their ministry's, reviews its reports and escalates its issues;</li>
 *   <li>a ministry unit answers the issues escalated to it;</li>
 *   <li>a province liaison reads their province's from every ministry and raises and follows its issues;</li>
 *   <li>a platform admin or viewer reads everything; a viewer sees figures, not personal details.</li>
 * </ul>
 */
@RequestScoped
public class ReportAccess {

    private final Caller caller;
    private final KnownOfficialRepository officials;
    private Set<UUID> ownOfficialIds;

    public ReportAccess(Caller caller, KnownOfficialRepository officials) {
        this.caller = caller;
        this.officials = officials;
    }

    public Caller caller() {
        return caller;
    }

    /** Whose assignments' records the caller may read, as a filter every list applies (alias of the assignment). */
    public AssignmentScope scope() {
        return AssignmentScope.of(caller, this::ownOfficialIds);
    }

    public boolean canSee(KnownAssignment a) {
        return scope().admits(a.ministryCode, a.provinceCode, a.officialId);
    }

    /** The officials the caller is, by the token's verified email. */
    public Set<UUID> ownOfficialIds() {
        if (ownOfficialIds == null) {
            ownOfficialIds = caller.hasRole(Roles.OFFICER)
                    ? caller.verifiedEmail().map(officials::idsOfEmail).map(Set::copyOf).orElse(Set.of())
                    : Set.of();
        }
        return ownOfficialIds;
    }

    /** Whether the caller is the official of this assignment. */
    public boolean isOwn(KnownAssignment a) {
        return ownOfficialIds().contains(a.officialId);
    }

    /** Refuses (403) unless the caller is the assignment's official: only they write its reports and visits. */
    public void requireOwn(KnownAssignment a) {
        if (!isOwn(a)) {
            throw ProblemException.forbidden("Only the assigned official writes this assignment's reports and visits");
        }
    }

    /** A coordinator or ministry admin of {@code ministryCode}, or a platform admin: reviews and escalates. */
    public boolean canCoordinate(String ministryCode) {
        return caller.hasRole(Roles.PLATFORM_ADMIN)
                || ((caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.MINISTRY_ADMIN))
                && caller.belongsTo(ministryCode));
    }

    /** Refuses (403) unless {@link #canCoordinate(String)}. */
    public void requireCoordinate(String ministryCode) {
        if (!canCoordinate(ministryCode)) {
            throw ProblemException.forbidden("Only a coordinator of " + ministryCode
                    + " may review its reports and route its issues");
        }
    }

    /** Whether the caller is the unit {@code unitCode} of {@code ministryCode}. */
    public boolean isUnit(String ministryCode, String unitCode) {
        return caller.hasRole(Roles.MINISTRY_UNIT) && caller.ministry().map(ministryCode::equals).orElse(false)
                && caller.unit().map(unitCode::equals).orElse(false);
    }

    /** Figures are counts without names: every role but a plain officer reads every ministry's. */
    public void requireFigures() {
        boolean reader = caller.hasRole(Roles.PLATFORM_ADMIN) || caller.hasRole(Roles.VIEWER)
                || caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.COORDINATOR)
                || caller.hasRole(Roles.PROVINCE_LIAISON) || caller.hasRole(Roles.MINISTRY_UNIT);
        if (!reader) {
            throw ProblemException.forbidden("Figures are read by admins, coordinators, units, liaisons and viewers");
        }
    }

    /** Whether personal details (names, people met) may be shown: everyone but a viewer with no other role. */
    public boolean seesPersonalDetails() {
        return !caller.hasRole(Roles.VIEWER) || caller.hasRole(Roles.PLATFORM_ADMIN);
    }
}
