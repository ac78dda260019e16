package vn.secondment.personnel.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;
import vn.secondment.data.Sorting;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.mapping.OfficialMapper;
import vn.secondment.personnel.repository.OfficialRepository;
import vn.secondment.personnel.repository.OrgUnitRepository;
import vn.secondment.personnel.rest.OfficialFilter;
import vn.secondment.personnel.rest.OfficialRequest;
import vn.secondment.personnel.rest.Patterns;
import vn.secondment.personnel.security.DirectoryAccess;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.Text;
import vn.secondment.rest.http.MergePatch;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The officials of the directory: every change is checked against the caller's scope and the record's version,
 * audited, and announced through the outbox in the same transaction.
 */
@ApplicationScoped
public class OfficialService {

    public static final String AUDIT_TYPE = "official";
    /** The sortable fields of lists, API name → entity attribute. */
    public static final Map<String, String> SORTABLE = new LinkedHashMap<>();
    public static final String DEFAULT_SORT = "fullName";

    static {
        SORTABLE.put("fullName", "sortName");
        SORTABLE.put("ministryCode", "ministryCode");
        SORTABLE.put("createdAt", "createdAt");
        SORTABLE.put("updatedAt", "updatedAt");
    }

    private final OfficialRepository officials;
    private final OrgUnitRepository units;
    private final MinistryService ministries;
    private final OfficialMapper mapper;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final MergePatch mergePatch;
    private final Clock clock;

    public OfficialService(OfficialRepository officials, OrgUnitRepository units, MinistryService ministries,
                           OfficialMapper mapper, AuditTrail audit, EventPublisher events, MergePatch mergePatch, Clock clock) {
        this.officials = officials;
        this.units = units;
        this.ministries = ministries;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /** Adds an official to a ministry and announces it ({@code official.registered}) in the same transaction. */
    @Transactional
    public Official register(OfficialRequest request, DirectoryAccess access) {
        String ministry = request.ministryCode() != null ? request.ministryCode()
                : access.caller().ministry().orElseThrow(() ->
                        ProblemException.invalid("ministryCode", "is required when your account has no ministry"));
        access.requireManage(ministry);
        ministries.requireCurrent("ministryCode", ministry);

        Official official = new Official();
        official.id = UUID.randomUUID();
        official.ministryCode = ministry;
        official.createdAt = clock.instant();
        official.createdBy = access.caller().username();
        official.updatedAt = official.createdAt;
        requireUniqueEmail(request.email(), official.id);
        apply(request, official, unitResolver(ministry));
        officials.persist(official);

        audit.record(AUDIT_TYPE, official.id, ministry, "created", Map.of(), mapper.auditState(official),
                official.createdBy, null);
        events.publish(PersonnelEvents.OFFICIAL_REGISTERED, official.id, ministry, mapper.toSnapshot(official, null));
        return official;
    }

    /** Reads one official: an officer only their own record; personal fields are masked by the view. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Official get(UUID id, DirectoryAccess access) {
        Official official = officials.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Official", id));
        if (!access.canSee(official)) {
            // same answer as a missing record: colleagues' records are not probed this way
            throw ProblemException.notFound("Official", id);
        }
        return official;
    }

    /** Full update (PUT): every editable field takes the request's value. */
    @Transactional
    public Official replace(UUID id, String ifMatch, OfficialRequest request, DirectoryAccess access) {
        Official official = editable(id, ifMatch, access);
        if (request.ministryCode() != null && !request.ministryCode().equals(official.ministryCode)) {
            throw ProblemException.invalid("ministryCode", "cannot change: deactivate the official here and "
                    + "register them in the new ministry");
        }
        return update(official, request, access);
    }

    /** Partial update (PATCH, JSON Merge Patch): only the fields present in the patch change. */
    @Transactional
    public Official patch(UUID id, String ifMatch, JsonNode patch, DirectoryAccess access) {
        Official official = editable(id, ifMatch, access);
        OfficialRequest merged = mergePatch.apply(mapper.toRequest(official), patch);
        if (!official.ministryCode.equals(merged.ministryCode())) {
            throw ProblemException.invalid("ministryCode", "cannot change: deactivate the official here and "
                    + "register them in the new ministry");
        }
        return update(official, merged, access);
    }

    /** The official can no longer be seconded; the record stays for history. */
    @Transactional
    public Official deactivate(UUID id, String ifMatch, String reason, DirectoryAccess access) {
        return changeActive(id, ifMatch, false, reason, access);
    }

    /** The official can be seconded again; announced as an update with {@code active = true}. */
    @Transactional
    public Official reactivate(UUID id, String ifMatch, String reason, DirectoryAccess access) {
        return changeActive(id, ifMatch, true, reason, access);
    }

    private Official changeActive(UUID id, String ifMatch, boolean active, String reason, DirectoryAccess access) {
        Official official = editable(id, ifMatch, access);
        if (official.active == active) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Official " + id + " is already " + (active ? "active" : "inactive"));
        }
        Map<String, Object> before = mapper.auditState(official);
        String why = Text.nfc("reason", reason);
        official.active = active;
        official.deactivatedAt = active ? null : clock.instant();
        official.deactivationReason = active ? null : why;
        if (!active && Boolean.TRUE.equals(official.loginEnabled)) {
            // disabled in Keycloak after this commits (LoginService), or by its retries while Keycloak is away
            official.loginDisablePending = true;
        }
        touch(official, access);
        audit.record(AUDIT_TYPE, official.id, official.ministryCode, active ? "reactivated" : "deactivated", before,
                mapper.auditState(official), official.updatedBy, why);
        events.publish(active ? PersonnelEvents.OFFICIAL_UPDATED : PersonnelEvents.OFFICIAL_DEACTIVATED,
                official.id, official.ministryCode, mapper.toSnapshot(official, null));
        return official;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<Official> list(OfficialFilter filter, Paging paging, DirectoryAccess access) {
        SearchPlan plan = plan(filter, access);
        if (plan.empty()) {
            return new PageView<>(List.of(), paging.page, paging.size, 0);
        }
        PanacheQuery<Official> query = query(plan).page(Page.of(paging.page, paging.size));
        return new PageView<>(query.list(), paging.page, paging.size, query.count());
    }

    /** A list's query, decided from the request: the filter, the sort and the caller's scope. */
    public record SearchPlan(OfficialFilter filter, Sort sort, Optional<String> onlyEmail, boolean empty) {
    }

    /** Checks the filter and sort, and narrows an officer to their own record (nothing without a verified email). */
    public SearchPlan plan(OfficialFilter filter, DirectoryAccess access) {
        Sort sort = Sorting.parse(filter.sort, DEFAULT_SORT, SORTABLE);
        if (access.ownRecordOnly()) {
            Optional<String> email = access.caller().verifiedEmail();
            return new SearchPlan(filter, sort, email, email.isEmpty());
        }
        return new SearchPlan(filter, sort, Optional.empty(), false);
    }

    public PanacheQuery<Official> query(SearchPlan plan) {
        return officials.search(plan.filter(), plan.onlyEmail(), plan.sort());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<AuditRecordView> history(UUID id, Paging paging, DirectoryAccess access) {
        Official official = get(id, access);
        if (!access.canReadAudit(official.ministryCode)) {
            throw ProblemException.forbidden("Only an admin of " + official.ministryCode
                    + " may read its audit log");
        }
        return audit.history(AUDIT_TYPE, id, paging);
    }

    /**
     * Copies a request onto an official and recomputes its search keys. Shared by single changes and imports so
     * both store exactly the same thing.
     */
    public void apply(OfficialRequest request, Official official, UnitResolver unitOf) {
        official.fullName = Text.nfc("fullName", request.fullName());
        official.gender = request.gender();
        official.dateOfBirth = request.dateOfBirth();
        official.unit = request.unitId() == null ? null : unitOf.unit(request.unitId());
        official.position = blankToNull(Text.nfc("position", request.position()));
        official.grade = blankToNull(Text.nfc("grade", request.grade()));
        official.category = request.category();
        official.email = Text.nfc("email", request.email());
        official.phone = blankToNull(Patterns.compactPhone(request.phone()));
        official.expertise = expertise(request.expertise());
        official.refreshKeys();
    }

    /** Finds the unit of a request within the official's ministry. */
    @FunctionalInterface
    public interface UnitResolver {
        OrgUnit unit(UUID id);
    }

    public UnitResolver unitResolver(String ministry) {
        return id -> {
            OrgUnit unit = units.findByIdOptional(id)
                    .orElseThrow(() -> ProblemException.invalid("unitId", "is not a known unit"));
            if (!unit.ministryCode.equals(ministry)) {
                throw ProblemException.invalid("unitId", "is a unit of another ministry");
            }
            if (!unit.active) {
                throw ProblemException.invalid("unitId", "is a closed unit");
            }
            return unit;
        };
    }

    private Official editable(UUID id, String ifMatch, DirectoryAccess access) {
        Official official = get(id, access);
        access.requireManage(official.ministryCode);
        Versions.requireMatch(ifMatch, official.version);
        // the response names the unit after this transaction has ended: load it while the session is open
        Hibernate.initialize(official.unit);
        return official;
    }

    private Official update(Official official, OfficialRequest request, DirectoryAccess access) {
        Map<String, Object> before = mapper.auditState(official);
        requireUniqueEmail(request.email(), official.id);
        apply(request, official, unitResolver(official.ministryCode));
        Map<String, Object> after = mapper.auditState(official);
        if (audit.record(AUDIT_TYPE, official.id, official.ministryCode, "updated", before, after,
                access.caller().username(), null)) {
            touch(official, access);
            events.publish(PersonnelEvents.OFFICIAL_UPDATED, official.id, official.ministryCode,
                    mapper.toSnapshot(official, null));
        }
        return official;
    }

    private void touch(Official official, DirectoryAccess access) {
        official.updatedAt = clock.instant();
        official.updatedBy = access.caller().username();
        // flush now so the new version is the one the response's ETag names
        officials.flush();
    }

    private void requireUniqueEmail(String email, UUID officialId) {
        officials.findByEmail(email.strip()).filter(other -> !other.id.equals(officialId)).ifPresent(other -> {
            throw new ProblemException(ProblemType.CONFLICT, "Another official has this work email",
                    List.of(new Problem.Violation("email", "is already the work email of another official")));
        });
    }

    private static List<String> expertise(List<String> values) {
        if (values == null) {
            return new ArrayList<>();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            distinct.add(Text.nfc("expertise[" + i + "]", values.get(i)));
        }
        return new ArrayList<>(distinct);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
