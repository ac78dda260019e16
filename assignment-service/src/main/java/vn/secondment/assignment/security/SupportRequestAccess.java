package vn.secondment.assignment.security;

import jakarta.enterprise.context.RequestScoped;
import vn.secondment.assignment.SupportRequest;
import vn.secondment.data.Where;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.Optional;

/**
 * Who may do what with province support requests: the requesting province's liaisons file, answer and withdraw;
 * the asked ministry's admins and coordinators read, ask and decide; platform admins do either; viewers read every
 * request without the contact person. Nobody else sees a request.
 */
@RequestScoped
public class SupportRequestAccess {

    private final Caller caller;

    public SupportRequestAccess(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    /** The province's side: its liaison. */
    public boolean isProvince(String provinceCode) {
        return caller.hasRole(Roles.PROVINCE_LIAISON) && caller.province().filter(provinceCode::equals).isPresent();
    }

    /** The ministry's side: its admins and coordinators. */
    public boolean isMinistry(String ministryCode) {
        return (caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.COORDINATOR))
                && caller.belongsTo(ministryCode);
    }

    private boolean isPlatformAdmin() {
        return caller.hasRole(Roles.PLATFORM_ADMIN);
    }

    /** Who may file for {@code provinceCode}: its liaison, or a platform admin on its behalf. */
    public void requireFile(String provinceCode) {
        if (!isProvince(provinceCode) && !isPlatformAdmin()) {
            throw ProblemException.forbidden("Only a liaison of province " + provinceCode
                    + " (province-liaison) or a platform-admin may file its support requests");
        }
    }

    public boolean canSee(SupportRequest r) {
        return isPlatformAdmin() || caller.hasRole(Roles.VIEWER) || isProvince(r.provinceCode)
                || isMinistry(r.ministryCode);
    }

    /** The contact person is for the two sides. */
    public boolean canSeeContact(SupportRequest r) {
        return isPlatformAdmin() || isProvince(r.provinceCode) || isMinistry(r.ministryCode);
    }

    /** The side the caller writes for, or 403: the province's liaison, the ministry's staff (a platform admin too). */
    public SupportRequest.Side requireSide(SupportRequest r) {
        if (isProvince(r.provinceCode)) {
            return SupportRequest.Side.PROVINCE;
        }
        if (isMinistry(r.ministryCode) || isPlatformAdmin()) {
            return SupportRequest.Side.MINISTRY;
        }
        throw ProblemException.forbidden("Only a liaison of province " + r.provinceCode + " or an admin or "
                + "coordinator of " + r.ministryCode + " may write about this request");
    }

    /** Accepting and declining: the asked ministry's admins and coordinators, or a platform admin. */
    public void requireDecide(SupportRequest r) {
        if (!isMinistry(r.ministryCode) && !isPlatformAdmin()) {
            throw ProblemException.forbidden("Only an admin or coordinator of " + r.ministryCode
                    + " (ministry-admin, coordinator) or a platform-admin may accept or decline this request");
        }
    }

    /** Withdrawing: the requesting province's liaison, or a platform admin. */
    public void requireWithdraw(SupportRequest r) {
        if (!isProvince(r.provinceCode) && !isPlatformAdmin()) {
            throw ProblemException.forbidden("Only a liaison of province " + r.provinceCode
                    + " (province-liaison) or a platform-admin may withdraw this request");
        }
    }

    /** Narrows a list to what the caller may see (alias {@code x}). */
    public Where scope(Where where) {
        if (isPlatformAdmin() || caller.hasRole(Roles.VIEWER)) {
            return where;
        }
        Optional<String> province = caller.hasRole(Roles.PROVINCE_LIAISON) ? caller.province() : Optional.empty();
        Optional<String> ministry = caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.COORDINATOR)
                ? caller.ministry() : Optional.empty();
        if (province.isPresent() && ministry.isPresent()) {
            return where.and("(x.provinceCode = :ownProvince or x.ministryCode = :ownMinistry)")
                    .parameter("ownProvince", province.get()).parameter("ownMinistry", ministry.get());
        }
        if (province.isPresent()) {
            return where.and("x.provinceCode = :ownProvince", "ownProvince", province.get());
        }
        if (ministry.isPresent()) {
            return where.and("x.ministryCode = :ownMinistry", "ownMinistry", ministry.get());
        }
        return where.and("1 = 0");
    }
}
