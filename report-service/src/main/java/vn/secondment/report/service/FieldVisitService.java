package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.secondment.data.AssignmentScope;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.report.FieldVisit;
import vn.secondment.report.LocalityIssue;
import vn.secondment.report.mapping.FieldVisitMapper;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.report.repository.FieldVisitRepository;
import vn.secondment.report.repository.KnownAssignmentRepository;
import vn.secondment.report.rest.FieldVisitFilter;
import vn.secondment.report.rest.FieldVisitRequest;
import vn.secondment.report.rest.FieldVisitView;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.Formats;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Field visits (khảo sát, làm việc tại xã, phường): the assigned official records each visit to a commune of their
 * province within the assignment's period, with the issues raised during it; the record is announced with those
 * issues in the same transaction. Officials of the same deployment who went along are named as companions: the
 * visit stays one record (one set of issues, counted once) that each of them sees as their own. Every change is
 * audited.
 */
@ApplicationScoped
public class FieldVisitService {

    public static final String AUDIT_TYPE = "field-visit";
    public static final int MAX_PEOPLE_MET = 2000;
    public static final int MAX_ACTIVITIES = 4000;
    public static final int MAX_FINDINGS = 8000;

    private final FieldVisitRepository visits;
    private final KnownAssignmentRepository assignments;
    private final IssueService issues;
    private final AdministrativeUnits units;
    private final FieldVisitMapper mapper;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final PastRecords past;
    private final Clock clock;

    public FieldVisitService(FieldVisitRepository visits, KnownAssignmentRepository assignments, IssueService issues,
                             AdministrativeUnits units, FieldVisitMapper mapper, AuditTrail audit,
                             EventPublisher events, PastRecords past, Clock clock) {
        this.visits = visits;
        this.assignments = assignments;
        this.issues = issues;
        this.units = units;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.past = past;
        this.clock = clock;
    }

    /**
     * Records a visit: the official's own (their actions take the clock; an occurredAt is 403), or one made in the
     * past, recorded on the official's behalf by a coordinator or ministry admin of the assignment's ministry or a
     * platform admin ({@link PastRecords}): the visit's day is the fact (400 on visitDate in the future, before the
     * assignment or too old), and the issues raised with it are raised that day.
     */
    @Transactional
    public FieldVisitView create(FieldVisitRequest r, ReportAccess access) {
        if (r.assignmentId() == null) {
            throw ProblemException.invalid("assignmentId", "must name the assignment the visit belongs to");
        }
        KnownAssignment a = assignments.findByIdOptional(r.assignmentId())
                .orElseThrow(() -> ProblemException.notFound("Assignment", r.assignmentId()));
        PastRecords.Past then = null;
        if (access.isOwn(a)) {
            if (r.occurredAt() != null) {
                past.requireRecorder(access, a.ministryCode);
            }
        } else {
            ReportRules.requireVisible(a, access, "Assignment", a.assignmentId);
            if (!access.canCoordinate(a.ministryCode)) {
                access.requireOwn(a);
            }
            if (r.visitDate() == null) {
                throw ProblemException.invalid("visitDate", "must not be null");
            }
            then = past.ofDay("visitDate", r.visitDate(), r.occurredAt(), access, a.ministryCode, a.startDate,
                    "the assignment's start");
        }
        if (a.status == AssignmentSnapshot.Status.WITHDRAWN) {
            throw new ProblemException(ProblemType.CONFLICT, "Assignment " + a.assignmentId
                    + " was withdrawn before the official went: it has no visits");
        }
        List<FieldVisitRequest.VisitIssueRequest> drafts = r.issues() == null ? List.of() : r.issues();
        Instant now = ServiceClock.now(clock);
        String actor = access.caller().username();
        FieldVisit v = new FieldVisit();
        v.id = UUID.randomUUID();
        v.assignment = a;
        v.createdAt = now;
        v.createdBy = actor;
        v.updatedAt = now;
        v.updatedBy = actor;
        v.entered(then == null ? null : then.entered());
        apply(v, r, now);
        v.companions = companions(a, r.companionOfficialIds(), v.visitDate);
        visits.persist(v);
        List<UUID> issueIds = new ArrayList<>();
        for (FieldVisitRequest.VisitIssueRequest d : drafts) {
            if (d == null) {
                throw ProblemException.invalid("issues", "must not contain null");
            }
            LocalityIssue i = issues.raiseDuringVisit(v, d.field(), d.kind(), d.title(), d.description(),
                    d.affectsCitizensOrBusinesses(), actor, then);
            issueIds.add(i.id);
        }
        audit.record(AUDIT_TYPE, v.id, a.ministryCode, "created", Map.of(), mapper.auditState(v), actor,
                then == null ? null : then.note(null));
        events.publish(ReportEvents.FIELD_VISIT_RECORDED, v.id, a.ministryCode,
                mapper.toRecorded(v, issueIds, then == null ? null : then.entered()));
        visits.flush();
        return mapper.toView(v, issueIds, true);
    }

    /**
     * Replaces the visit's details (If-Match required) and, when named, its companions; only the official who
     * recorded it (a companion gets 403).
     */
    @Transactional
    public FieldVisitView update(UUID id, String ifMatch, FieldVisitRequest r, ReportAccess access) {
        FieldVisit v = visits.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Field visit", id));
        if (!access.isOwn(v.assignment)) {
            // a companion reads the visit but does not correct it: the official who recorded it does
            if (!canSee(v, access)) {
                throw ProblemException.notFound("Field visit", id);
            }
            access.requireOwn(v.assignment);
        }
        Versions.requireMatch(ifMatch, v.version);
        if (r.assignmentId() != null && !r.assignmentId().equals(v.assignment.assignmentId)) {
            throw ProblemException.invalid("assignmentId", "a visit stays with its assignment "
                    + v.assignment.assignmentId);
        }
        if (r.issues() != null && !r.issues().isEmpty()) {
            throw ProblemException.invalid("issues", "issues found later are raised with POST /issues and this "
                    + "visit's id");
        }
        Map<String, Object> before = mapper.auditState(v);
        String actor = access.caller().username();
        Instant now = ServiceClock.now(clock);
        apply(v, r, now);
        // a new day must still fall within each companion's assignment: the kept ones are checked again
        List<UUID> companionIds = r.companionOfficialIds() != null ? r.companionOfficialIds()
                : mapper.companionOfficialIds(v);
        Set<KnownAssignment> companions = companions(v.assignment, companionIds, v.visitDate);
        if (!companions.equals(v.companions)) {
            v.companions = companions;
        }
        if (audit.record(AUDIT_TYPE, v.id, v.assignment.ministryCode, "updated", before, mapper.auditState(v), actor,
                null)) {
            v.updatedAt = now;
            v.updatedBy = actor;
        }
        visits.flush();
        return view(v, access);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FieldVisitView get(UUID id, ReportAccess access) {
        FieldVisit v = visits.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Field visit", id));
        if (!canSee(v, access)) {
            throw ProblemException.notFound("Field visit", id);
        }
        return view(v, access);
    }

    /** The visits the caller may see (by the assignment: ministry, province or their own), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<FieldVisitView> list(FieldVisitFilter filter, Paging paging, ReportAccess access) {
        AssignmentScope scope = access.scope();
        if (scope.nothing()) {
            return new PageView<>(List.of(), paging.page, paging.size, 0);
        }
        // the recorder's assignment is alias a; a companion counts as a participant for the scope and the filters
        Where where = Where.from("FieldVisit v join v.assignment a");
        restrictToParticipants(where, scope);
        where.and("a.ministryCode in :ministries", "ministries", filter.ministries)
                .and("a.provinceCode = :province", "province", filter.province)
                .and("v.communeCode = :commune", "commune", filter.commune)
                .and("(a.assignmentId = :assignment or exists (select 1 from FieldVisit va join va.companions ca "
                        + "where va = v and ca.assignmentId = :assignment))", "assignment", filter.assignment)
                .and("(a.officialId = :official or exists (select 1 from FieldVisit vo join vo.companions co "
                        + "where vo = v and co.officialId = :official))", "official", filter.official)
                .and("v.visitDate >= :from", "from", filter.from)
                .and("v.visitDate <= :to", "to", filter.to)
                .and("v.communeGroup = :group", "group", filter.group);
        if (filter.enteredAfterTheFact != null) {
            where.and(filter.enteredAfterTheFact ? "v.enteredAt is not null" : "v.enteredAt is null");
        }
        TypedQuery<FieldVisit> query = visits.getEntityManager().createQuery("select v " + where.jpql()
                + " order by v.visitDate desc, a.ministryCode, a.provinceCode, v.id", FieldVisit.class);
        TypedQuery<Long> count = visits.getEntityManager().createQuery("select count(v) " + where.jpql(), Long.class);
        where.parameterMap().forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<FieldVisit> page = query.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList();
        Map<UUID, List<UUID>> issueIds = issues.idsByVisit(page.stream().map(v -> v.id).toList());
        boolean personal = access.seesPersonalDetails();
        return new PageView<>(page.stream()
                .map(v -> mapper.toView(v, issueIds.getOrDefault(v.id, List.of()), personal)).toList(),
                paging.page, paging.size, count.getSingleResult());
    }

    /** Whether the caller may read the visit: through the recorder's assignment or any companion's. */
    private static boolean canSee(FieldVisit v, ReportAccess access) {
        return access.canSee(v.assignment) || v.companions.stream().anyMatch(access::canSee);
    }

    /**
     * Narrows the list to the visits the scope admits through the recorder's assignment (alias a) or a companion's:
     * an officer sees the visits they made with a colleague, a liaison those made by an official of their province.
     */
    private static void restrictToParticipants(Where where, AssignmentScope scope) {
        if (scope.everything()) {
            return;
        }
        List<String> recorder = new ArrayList<>();
        List<String> companion = new ArrayList<>();
        scope.ministry().ifPresent(m -> {
            recorder.add("a.ministryCode = :scopeMinistry");
            companion.add("cs.ministryCode = :scopeMinistry");
            where.parameter("scopeMinistry", m);
        });
        scope.province().ifPresent(p -> {
            recorder.add("a.provinceCode = :scopeProvince");
            companion.add("cs.provinceCode = :scopeProvince");
            where.parameter("scopeProvince", p);
        });
        if (!scope.officials().isEmpty()) {
            recorder.add("a.officialId in :scopeOfficials");
            companion.add("cs.officialId in :scopeOfficials");
            where.parameter("scopeOfficials", scope.officials());
        }
        if (recorder.isEmpty()) {
            where.and("1 = 0");
            return;
        }
        where.and("(" + String.join(" or ", recorder) + " or exists (select 1 from FieldVisit vs join vs.companions cs "
                + "where vs = v and (" + String.join(" or ", companion) + ")))");
    }

    /**
     * The assignments of the officials named as companions: for each, one in the recorder's deployment, not
     * withdrawn, whose period covers the visit's day; 400 on the element naming the official otherwise, and for a
     * duplicate or the recorder.
     */
    private Set<KnownAssignment> companions(KnownAssignment recorder, List<UUID> officialIds, LocalDate day) {
        Set<KnownAssignment> found = new LinkedHashSet<>();
        if (officialIds == null || officialIds.isEmpty()) {
            return found;
        }
        if (officialIds.size() > FieldVisitRequest.MAX_COMPANIONS) {
            throw ProblemException.invalid("companionOfficialIds", "at most " + FieldVisitRequest.MAX_COMPANIONS
                    + " officials");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < officialIds.size(); i++) {
            UUID official = officialIds.get(i);
            String field = "companionOfficialIds[" + i + "]";
            if (official == null) {
                violations.add(new Problem.Violation(field, "must not be null"));
            } else if (official.equals(recorder.officialId)) {
                violations.add(new Problem.Violation(field, "official " + official + " records the visit: name only "
                        + "the others who made it"));
            } else if (!seen.add(official)) {
                violations.add(new Problem.Violation(field, "official " + official + " is named twice"));
            } else {
                List<KnownAssignment> candidates = assignments.list("deploymentId = ?1 and officialId = ?2 "
                                + "and status <> ?3 and startDate <= ?4 and endDate >= ?4 order by startDate",
                        recorder.deploymentId, official, AssignmentSnapshot.Status.WITHDRAWN, day);
                if (candidates.isEmpty()) {
                    violations.add(new Problem.Violation(field, "official " + official + " has no assignment in "
                            + "deployment " + recorder.deploymentId + " covering " + day));
                } else {
                    found.add(candidates.get(0));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The visit's companions are not officials of its "
                    + "deployment on " + day, violations);
        }
        return found;
    }

    private FieldVisitView view(FieldVisit v, ReportAccess access) {
        return mapper.toView(v, issues.idsByVisit(List.of(v.id)).getOrDefault(v.id, List.of()),
                access.seesPersonalDetails());
    }

    /**
     * Checks and sets the visit's details: 400 for missing or malformed fields; 422 for a day outside the
     * assignment's period or in the future, or a commune that is not of the assignment's province on that day.
     */
    private void apply(FieldVisit v, FieldVisitRequest r, Instant now) {
        KnownAssignment a = v.assignment;
        List<Problem.Violation> violations = new ArrayList<>();
        if (r.visitDate() == null) {
            violations.add(new Problem.Violation("visitDate", "must not be null"));
        }
        String commune = r.communeCode() == null ? null : r.communeCode().strip();
        if (commune == null || commune.isEmpty()) {
            violations.add(new Problem.Violation("communeCode", "must not be blank"));
        } else if (!Fields.COMMUNE_CODE.matcher(commune).matches()) {
            violations.add(new Problem.Violation("communeCode", Formats.COMMUNE_CODE_MESSAGE));
        }
        if (r.communeGroup() == null) {
            violations.add(new Problem.Violation("communeGroup", "must be CENTRAL_WARD, LARGE_AREA, REMOTE or OTHER"));
        }
        String peopleMet = Fields.text("peopleMet", r.peopleMet(), MAX_PEOPLE_MET, false, violations);
        String activities = Fields.text("activities", r.activities(), MAX_ACTIVITIES, true, violations);
        String findings = Fields.text("findings", r.findings(), MAX_FINDINGS, false, violations);
        Fields.requireValid("The field visit", violations);
        LocalDate today = VietnamTime.dayOf(now);
        if (r.visitDate().isBefore(a.startDate) || r.visitDate().isAfter(a.endDate)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The visit of " + r.visitDate()
                    + " is outside the assignment's period " + a.startDate + " to " + a.endDate,
                    List.of(new Problem.Violation("visitDate", "must fall within " + a.startDate + " to " + a.endDate)));
        }
        if (r.visitDate().isAfter(today)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "A visit is recorded once it has happened",
                    List.of(new Problem.Violation("visitDate", "must be today (" + today + ") or earlier")));
        }
        Fields.requireCommuneIn(units, "communeCode", commune, a.provinceCode, r.visitDate());
        v.visitDate = r.visitDate();
        v.communeCode = commune;
        v.communeGroup = r.communeGroup();
        v.peopleMet = peopleMet;
        v.activities = activities;
        v.findings = findings;
    }
}
