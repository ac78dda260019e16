package vn.secondment.data;

import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Whose secondment records (assignments and what hangs off them: work plans, reports, visits) a caller may read
 * (docs/DESIGN.md, security model): everything for a platform admin or viewer, otherwise the union of their
 * ministry's (ministry admin, coordinator), their province's from every ministry (province liaison) and their own
 * (officer, by the officials their verified email is).
 */
public record AssignmentScope(boolean everything, Optional<String> ministry, Optional<String> province,
                              Set<UUID> officials) {

    public static final AssignmentScope EVERYTHING =
            new AssignmentScope(true, Optional.empty(), Optional.empty(), Set.of());

    /** The scope of {@code caller}; {@code ownOfficials} is asked only for an officer. */
    public static AssignmentScope of(Caller caller, Supplier<Set<UUID>> ownOfficials) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN) || caller.hasRole(Roles.VIEWER)) {
            return EVERYTHING;
        }
        Optional<String> ministry = caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.COORDINATOR)
                ? caller.ministry() : Optional.empty();
        Optional<String> province = caller.hasRole(Roles.PROVINCE_LIAISON) ? caller.province() : Optional.empty();
        Set<UUID> own = caller.hasRole(Roles.OFFICER) ? ownOfficials.get() : Set.of();
        return new AssignmentScope(false, ministry, province, own);
    }

    public boolean admits(String ministryCode, String provinceCode, UUID officialId) {
        return everything || ministry.map(ministryCode::equals).orElse(false)
                // a group's member has no province (issue 20): a bound provinceCode::equals would throw on it
                || province.map(p -> p.equals(provinceCode)).orElse(false)
                || officials.contains(officialId);
    }

    public boolean nothing() {
        return !everything && ministry.isEmpty() && province.isEmpty() && officials.isEmpty();
    }

    /**
     * Narrows a query to what the scope admits; {@code alias} names the entity with {@code ministryCode},
     * {@code provinceCode} and {@code officialId} (an assignment).
     */
    public Where restrict(Where where, String alias) {
        return restrict(where, alias, false);
    }

    /**
     * As {@link #restrict(Where, String)}, where a ministry's scope also takes its own officials seconded under
     * another ministry's deployment, by the entity's {@code officialMinistryCode} (an assignment of
     * assignment-service, which knows the official's ministry).
     */
    public Where restrictWithOwnOfficials(Where where, String alias) {
        return restrict(where, alias, true);
    }

    private Where restrict(Where where, String alias, boolean ownOfficialsElsewhere) {
        if (everything) {
            return where;
        }
        List<String> any = new ArrayList<>();
        ministry.ifPresent(m -> {
            any.add(alias + ".ministryCode = :scopeMinistry");
            if (ownOfficialsElsewhere) {
                any.add(alias + ".officialMinistryCode = :scopeMinistry");
            }
            where.parameter("scopeMinistry", m);
        });
        province.ifPresent(p -> {
            any.add(alias + ".provinceCode = :scopeProvince");
            where.parameter("scopeProvince", p);
        });
        if (!officials.isEmpty()) {
            any.add(alias + ".officialId in :scopeOfficials");
            where.parameter("scopeOfficials", officials);
        }
        return where.and(any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")");
    }
}
