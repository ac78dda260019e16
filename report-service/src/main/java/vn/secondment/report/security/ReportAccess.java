package vn.secondment.report.security;

import jakarta.enterprise.context.RequestScoped;
import vn.secondment.data.Where;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.ArrayList;
import java.util.List;

/**
 * Whose reports a caller may read (docs/DESIGN.md, security model): platform admins and viewers every ministry's,
 * a ministry admin or coordinator their ministry's, a province liaison their province's from every ministry.
 * Officers' own reports arrive with the report workflow, which links a signed-in officer to their assignments.
 */
@RequestScoped
public class ReportAccess {

    private final Caller caller;

    public ReportAccess(Caller caller) {
        this.caller = caller;
    }

    /** Narrows a query whose assignment alias is {@code a} to what the caller may read. */
    public Where restrict(Where where) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN) || caller.hasRole(Roles.VIEWER)) {
            return where;
        }
        List<String> any = new ArrayList<>();
        if (caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.COORDINATOR)) {
            caller.ministry().ifPresent(m -> {
                any.add("a.ministryCode = :scopeMinistry");
                where.parameter("scopeMinistry", m);
            });
        }
        if (caller.hasRole(Roles.PROVINCE_LIAISON)) {
            caller.province().ifPresent(p -> {
                any.add("a.provinceCode = :scopeProvince");
                where.parameter("scopeProvince", p);
            });
        }
        return where.and(any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")");
    }
}
