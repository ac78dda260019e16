package vn.secondment.personnel.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.data.Like;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.personnel.UnitSnapshot;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.UnitType;
import vn.secondment.personnel.repository.OrgUnitRepository;
import vn.secondment.personnel.rest.UnitRequest;
import vn.secondment.personnel.security.DirectoryAccess;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.Text;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The organisational units of each ministry. Units are not personal: every signed-in caller may read them. */
@ApplicationScoped
public class UnitService {

    public static final String AUDIT_TYPE = "unit";

    private final OrgUnitRepository units;
    private final MinistryService ministries;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final Clock clock;

    public UnitService(OrgUnitRepository units, MinistryService ministries, AuditTrail audit, EventPublisher events, Clock clock) {
        this.units = units;
        this.ministries = ministries;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public OrgUnit create(UnitRequest request, DirectoryAccess access) {
        String ministry = request.ministryCode() != null ? request.ministryCode()
                : access.caller().ministry().orElseThrow(() ->
                        ProblemException.invalid("ministryCode", "is required when your account has no ministry"));
        access.requireManage(ministry);
        ministries.requireCurrent("ministryCode", ministry);

        OrgUnit unit = new OrgUnit();
        unit.id = UUID.randomUUID();
        unit.ministryCode = ministry;
        unit.createdAt = clock.instant();
        unit.createdBy = access.caller().username();
        unit.updatedAt = unit.createdAt;
        apply(request, unit);
        units.persist(unit);
        audit.record(AUDIT_TYPE, unit.id, ministry, "created", Map.of(), state(unit), unit.createdBy, null);
        events.publish(PersonnelEvents.UNIT_CREATED, unit.id, ministry, snapshot(unit));
        return unit;
    }

    @Transactional
    public OrgUnit replace(UUID id, String ifMatch, UnitRequest request, DirectoryAccess access) {
        OrgUnit unit = get(id);
        access.requireManage(unit.ministryCode);
        Versions.requireMatch(ifMatch, unit.version);
        if (request.ministryCode() != null && !request.ministryCode().equals(unit.ministryCode)) {
            throw ProblemException.invalid("ministryCode", "cannot change: a unit belongs to one ministry");
        }
        Map<String, Object> before = state(unit);
        apply(request, unit);
        if (audit.record(AUDIT_TYPE, unit.id, unit.ministryCode, "updated", before, state(unit),
                access.caller().username(), null)) {
            unit.updatedAt = clock.instant();
            units.flush();
            events.publish(PersonnelEvents.UNIT_CHANGED, unit.id, unit.ministryCode, snapshot(unit));
        }
        return unit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrgUnit get(UUID id) {
        return units.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Unit", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<OrgUnit> list(String ministry, UUID parentId, UnitType type, String q, Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (ministry != null && !ministry.isBlank()) {
            where.append(" and ministryCode = :ministry");
            params.and("ministry", ministry);
        }
        if (parentId != null) {
            where.append(" and parent.id = :parent");
            params.and("parent", parentId);
        }
        if (type != null) {
            where.append(" and type = :type");
            params.and("type", type);
        }
        if (q != null && !Text.fold(q).isEmpty()) {
            where.append(" and (nameKey like :q").append(Like.ESCAPE).append(" or lower(code) like :q")
                    .append(Like.ESCAPE).append(")");
            params.and("q", Like.containing(Text.fold(q)));
        }
        PanacheQuery<OrgUnit> query = units.find(where.toString(), Sort.by("ministryCode").and("code"), params)
                .page(Page.of(paging.page, paging.size));
        return new PageView<>(query.list(), paging.page, paging.size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<AuditRecordView> history(UUID id, Paging paging, DirectoryAccess access) {
        OrgUnit unit = get(id);
        if (!access.canReadAudit(unit.ministryCode)) {
            throw ProblemException.forbidden("Only an admin of " + unit.ministryCode + " may read its audit log");
        }
        return audit.history(AUDIT_TYPE, id, paging);
    }

    private void apply(UnitRequest request, OrgUnit unit) {
        String code = request.code();
        String name = Text.nfc("name", request.name());
        String nameKey = Text.fold(name);
        units.findByCode(unit.ministryCode, code).filter(other -> !other.id.equals(unit.id)).ifPresent(other -> {
            throw conflict("code", "is already used by " + other.name);
        });
        units.findByNameKey(unit.ministryCode, nameKey).filter(other -> !other.id.equals(unit.id)).ifPresent(o -> {
            throw conflict("name", "is already the name of unit " + o.code);
        });
        unit.parent = request.parentId() == null ? null : parent(unit, request.parentId());
        unit.code = code;
        unit.name = name;
        unit.nameKey = nameKey;
        unit.type = request.type();
        unit.active = request.active() == null || request.active();
    }

    private OrgUnit parent(OrgUnit unit, UUID parentId) {
        OrgUnit parent = units.findByIdOptional(parentId)
                .orElseThrow(() -> ProblemException.invalid("parentId", "is not a known unit"));
        if (!parent.ministryCode.equals(unit.ministryCode)) {
            throw ProblemException.invalid("parentId", "is a unit of another ministry");
        }
        for (OrgUnit ancestor = parent; ancestor != null; ancestor = ancestor.parent) {
            if (Objects.equals(ancestor.id, unit.id)) {
                throw ProblemException.invalid("parentId", "would put the unit inside itself");
            }
        }
        return parent;
    }

    private static ProblemException conflict(String field, String message) {
        return new ProblemException(ProblemType.CONFLICT, "Another unit of the ministry has this " + field,
                List.of(new Problem.Violation(field, message)));
    }

    private static Map<String, Object> state(OrgUnit unit) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("parentId", unit.parent == null ? null : unit.parent.id.toString());
        state.put("code", unit.code);
        state.put("name", unit.name);
        state.put("type", unit.type.name());
        state.put("active", unit.active);
        return state;
    }

    private static UnitSnapshot snapshot(OrgUnit unit) {
        return new UnitSnapshot(unit.id, unit.ministryCode, unit.parent == null ? null : unit.parent.id, unit.code,
                unit.name, unit.type.name(), unit.active);
    }
}
