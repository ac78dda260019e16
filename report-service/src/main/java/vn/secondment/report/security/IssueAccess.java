package vn.secondment.report.security;

import jakarta.enterprise.context.RequestScoped;
import vn.secondment.data.Where;
import vn.secondment.report.LocalityIssue;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who sees and moves an issue. It is seen by the coordinators and admins of the ministry it was addressed to and of
 * the ministry it was referred to, the liaison of its province (whichever ministry), the officer who raised it, the
 * unit it is escalated to, platform admins and viewers. The ministry that answers it now (the referred one after a
 * referral) escalates, answers and refers it; the raiser or a coordinator of either ministry closes and reopens it.
 */
@RequestScoped
public class IssueAccess {

    private final ReportAccess access;
    private final Caller caller;

    public IssueAccess(ReportAccess access) {
        this.access = access;
        this.caller = access.caller();
    }

    public ReportAccess report() {
        return access;
    }

    public boolean canSee(LocalityIssue i) {
        return caller.hasRole(Roles.PLATFORM_ADMIN) || caller.hasRole(Roles.VIEWER)
                || coordinatesEither(i) || isLiaisonOf(i.provinceCode) || isRaiser(i) || isEscalatedUnit(i);
    }

    /** Narrows a query on {@code alias} (a LocalityIssue) to what {@link #canSee} admits. */
    public Where restrict(Where where, String alias) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN) || caller.hasRole(Roles.VIEWER)) {
            return where;
        }
        List<String> any = new ArrayList<>();
        Optional<String> ministry = caller.ministry();
        if ((caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.MINISTRY_ADMIN)) && ministry.isPresent()) {
            any.add("(" + alias + ".ministryCode = :scopeMinistry or " + alias + ".referredToMinistry = :scopeMinistry)");
            where.parameter("scopeMinistry", ministry.get());
        }
        if (caller.hasRole(Roles.PROVINCE_LIAISON) && caller.province().isPresent()) {
            any.add(alias + ".provinceCode = :scopeProvince");
            where.parameter("scopeProvince", caller.province().get());
        }
        if (!access.ownOfficialIds().isEmpty()) {
            any.add(alias + ".officialId in :scopeOfficials");
            where.parameter("scopeOfficials", access.ownOfficialIds());
        }
        if (caller.hasRole(Roles.MINISTRY_UNIT) && ministry.isPresent() && caller.unit().isPresent()) {
            any.add("(" + alias + ".escalatedToUnit = :scopeUnit and coalesce(" + alias + ".referredToMinistry, "
                    + alias + ".ministryCode) = :scopeUnitMinistry)");
            where.parameter("scopeUnit", caller.unit().get());
            where.parameter("scopeUnitMinistry", ministry.get());
        }
        return where.and(any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")");
    }

    /** The officer who raised it, or a liaison of its province when a liaison raised it. */
    public boolean isRaiser(LocalityIssue i) {
        return i.officialId != null ? access.ownOfficialIds().contains(i.officialId)
                : isLiaisonOf(i.provinceCode);
    }

    public boolean isLiaisonOf(String provinceCode) {
        return caller.hasRole(Roles.PROVINCE_LIAISON) && caller.province().map(provinceCode::equals).orElse(false);
    }

    public boolean isEscalatedUnit(LocalityIssue i) {
        return i.escalatedToUnit != null && access.isUnit(i.answeringMinistry(), i.escalatedToUnit);
    }

    /** A coordinator (or admin) of the ministry that answers it now. */
    public boolean coordinates(LocalityIssue i) {
        return access.canCoordinate(i.answeringMinistry());
    }

    public boolean coordinatesEither(LocalityIssue i) {
        return access.canCoordinate(i.ministryCode)
                || (i.referredToMinistry != null && access.canCoordinate(i.referredToMinistry));
    }

    /** Refuses (403) unless a coordinator of the ministry that answers it now. */
    public void requireCoordinate(LocalityIssue i) {
        if (!coordinates(i)) {
            throw ProblemException.forbidden("Only a coordinator of " + i.answeringMinistry()
                    + ", the ministry that answers issue " + i.id + ", may route or answer it");
        }
    }

    /** The role the caller acts in when coordinating: what the history shows. */
    public String coordinatorRole() {
        return caller.hasRole(Roles.PLATFORM_ADMIN) ? Roles.PLATFORM_ADMIN
                : caller.hasRole(Roles.COORDINATOR) ? Roles.COORDINATOR : Roles.MINISTRY_ADMIN;
    }

    public String raiserRole(LocalityIssue i) {
        return i.officialId != null ? Roles.OFFICER : Roles.PROVINCE_LIAISON;
    }
}
