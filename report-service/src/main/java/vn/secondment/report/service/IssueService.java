package vn.secondment.report.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.secondment.data.Sorting;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.EventType;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.report.IssueField;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.report.FieldVisit;
import vn.secondment.report.IssueHistory;
import vn.secondment.report.IssueKind;
import vn.secondment.report.IssueStatus;
import vn.secondment.report.LocalityIssue;
import vn.secondment.report.config.IssuesConfig;
import vn.secondment.report.mapping.IssueMapper;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.report.repository.FieldVisitRepository;
import vn.secondment.report.repository.KnownAssignmentRepository;
import vn.secondment.report.repository.IssueHistoryRepository;
import vn.secondment.report.repository.KnownUnitRepository;
import vn.secondment.report.repository.LocalityIssueRepository;
import vn.secondment.report.rest.IssueActionRequests;
import vn.secondment.report.rest.IssueFilter;
import vn.secondment.report.rest.IssueHistoryView;
import vn.secondment.report.rest.IssueRequest;
import vn.secondment.report.rest.IssueView;
import vn.secondment.report.security.IssueAccess;
import vn.secondment.rest.Formats;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;
import vn.secondment.rest.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Difficulties and recommendations of localities (khó khăn, vướng mắc, kiến nghị): raised by a seconded officer or
 * a province liaison, answered on the spot when the ministry already has guidance, otherwise escalated to one of its
 * units with a deadline, or referred to the ministry whose matter it is. Each step is kept in the issue's history,
 * audited and announced in the same transaction.
 */
@ApplicationScoped
public class IssueService {

    public static final String AUDIT_TYPE = "issue";
    public static final int MAX_TITLE = 300;
    public static final int MAX_TEXT = 8000;
    public static final Map<String, String> SORTABLE = new LinkedHashMap<>();
    public static final String DEFAULT_SORT = "-raisedAt";

    static {
        SORTABLE.put("raisedAt", "raisedAt");
        SORTABLE.put("deadline", "deadline");
        SORTABLE.put("status", "status");
        SORTABLE.put("provinceCode", "provinceCode");
        SORTABLE.put("ministryCode", "ministryCode");
    }

    private final LocalityIssueRepository issues;
    private final IssueHistoryRepository history;
    private final KnownAssignmentRepository assignments;
    private final FieldVisitRepository visits;
    private final KnownUnitRepository knownUnits;
    private final AdministrativeUnits units;
    private final IssueMapper mapper;
    private final IssuesConfig config;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final PastRecords past;
    private final Clock clock;

    public IssueService(LocalityIssueRepository issues, IssueHistoryRepository history,
                        KnownAssignmentRepository assignments, FieldVisitRepository visits,
                        KnownUnitRepository knownUnits, AdministrativeUnits units, IssueMapper mapper,
                        IssuesConfig config, AuditTrail audit, EventPublisher events, PastRecords past,
                        Clock clock) {
        this.issues = issues;
        this.history = history;
        this.assignments = assignments;
        this.visits = visits;
        this.knownUnits = knownUnits;
        this.units = units;
        this.mapper = mapper;
        this.config = config;
        this.audit = audit;
        this.events = events;
        this.past = past;
        this.clock = clock;
    }

    // --- raising

    /**
     * Raises an issue: an officer through their own assignment (its ministry and province), optionally during one
     * of its visits; a province liaison in their own province, addressed to a ministry. A coordinator records an
     * issue the officer raised in the past through the assignment, with {@code occurredAt}.
     */
    @Transactional
    public LocalityIssue raise(IssueRequest r, IssueAccess access) {
        LocalityIssue i;
        PastRecords.Past then = null;
        if (r.assignmentId() != null) {
            KnownAssignment a = assignments.findByIdOptional(r.assignmentId())
                    .orElseThrow(() -> ProblemException.notFound("Assignment", r.assignmentId()));
            if (r.occurredAt() != null) {
                if (!access.report().canSee(a)) {
                    throw ProblemException.notFound("Assignment", r.assignmentId());
                }
                then = past.of("occurredAt", r.occurredAt(), access.report(), a.ministryCode,
                        a.startDate.atStartOfDay(VietnamTime.ZONE).toInstant(), "the assignment's start").get();
            } else if (!access.report().isOwn(a)) {
                throw ProblemException.forbidden("Only the official of assignment " + a.assignmentId
                        + " raises issues through it");
            }
            if (a.status == AssignmentSnapshot.Status.WITHDRAWN) {
                throw new ProblemException(ProblemType.CONFLICT, "Assignment " + a.assignmentId
                        + " was withdrawn before the official went: no issues are raised through it");
            }
            FieldVisit visit = null;
            if (r.visitId() != null) {
                visit = visits.findByIdOptional(r.visitId())
                        .orElseThrow(() -> ProblemException.notFound("Field visit", r.visitId()));
                // a companion of a joint visit raises what they found on the same visit, not on a copy of it
                if (!visit.assignment.assignmentId.equals(a.assignmentId) && !visit.companions.contains(a)) {
                    throw new ProblemException(ProblemType.UNPROCESSABLE, "Field visit " + r.visitId()
                            + " belongs to another assignment",
                            List.of(new Problem.Violation("visitId", "must be a visit of assignment " + a.assignmentId
                                    + ", recorded or made as a companion")));
                }
            }
            requireSame("ministryCode", r.ministryCode(), a.ministryCode, "the assignment's ministry");
            requireSame("provinceCode", r.provinceCode(), a.provinceCode, "the assignment's province");
            String commune = r.communeCode() == null || r.communeCode().isBlank()
                    ? (visit == null ? null : visit.communeCode) : r.communeCode().strip();
            i = draft(a.ministryCode, a.provinceCode, commune, r.field(), r.kind(), r.title(), r.description(),
                    r.affectsCitizensOrBusinesses(), then == null ? null : then.occurredAt());
            i.assignmentId = a.assignmentId;
            i.officialId = a.officialId;
            i.visitId = visit == null ? null : visit.id;
        } else if (r.occurredAt() != null) {
            throw ProblemException.forbidden("An issue of the past is recorded through the assignment of the officer "
                    + "who raised it (assignmentId), by " + PastRecords.WHO);
        } else if (access.report().caller().hasRole(Roles.PROVINCE_LIAISON)) {
            String own = access.report().caller().province().orElseThrow(() -> ProblemException.forbidden(
                    "Your token names no province: a province liaison raises issues of their own province"));
            String province = r.provinceCode() == null || r.provinceCode().isBlank() ? own : r.provinceCode().strip();
            if (!province.equals(own)) {
                throw ProblemException.forbidden("A province liaison of " + own + " raises issues of that province "
                        + "only, not of " + province);
            }
            if (r.visitId() != null) {
                throw ProblemException.invalid("visitId", "only the official who made the visit links issues to it");
            }
            if (r.ministryCode() == null || !Fields.MINISTRY_CODE.matcher(r.ministryCode()).matches()) {
                throw ProblemException.invalid("ministryCode", "must name the ministry addressed, e.g. BNV or BTC");
            }
            String commune = r.communeCode() == null || r.communeCode().isBlank() ? null : r.communeCode().strip();
            i = draft(r.ministryCode(), province, commune, r.field(), r.kind(), r.title(), r.description(),
                    r.affectsCitizensOrBusinesses(), null);
        } else {
            throw ProblemException.forbidden("Issues are raised by a seconded officer (with their assignmentId) or by "
                    + "a province liaison");
        }
        if (then != null) {
            // recorded on behalf of the officer who raised it: the history names the officer's role
            return persistRaised(i, access.report().caller().username(), Roles.OFFICER, then);
        }
        return persistRaised(i, access.report().caller().username(), access.raiserRole(i), null);
    }

    /**
     * An issue recorded during {@code visit}, raised with it: in its commune, addressed to its ministry; for a visit
     * recorded after the fact ({@code then}), raised when the visit happened, so it counts in the visit's week.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LocalityIssue raiseDuringVisit(FieldVisit visit, IssueField field, IssueKind kind, String title,
                                          String description, boolean urgent, String actor, PastRecords.Past then) {
        KnownAssignment a = visit.assignment;
        LocalityIssue i = draft(a.ministryCode, a.provinceCode, visit.communeCode, field, kind, title, description,
                urgent, then == null ? null : then.occurredAt());
        i.assignmentId = a.assignmentId;
        i.officialId = a.officialId;
        i.visitId = visit.id;
        return persistRaised(i, actor, Roles.OFFICER, then);
    }

    /** A new issue's fields, checked: 400 for what is missing or malformed, 422 for a commune of another province. */
    private LocalityIssue draft(String ministry, String province, String commune, IssueField field, IssueKind kind,
                                String title, String description, boolean urgent, Instant raisedAt) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (field == null) {
            violations.add(new Problem.Violation("field", "must be one of " + Arrays.toString(IssueField.values())));
        }
        if (kind == null) {
            violations.add(new Problem.Violation("kind", "must be DIFFICULTY or RECOMMENDATION"));
        }
        String t = Fields.text("title", title, MAX_TITLE, true, violations);
        String d = Fields.text("description", description, MAX_TEXT, true, violations);
        if (commune != null && !Fields.COMMUNE_CODE.matcher(commune).matches()) {
            violations.add(new Problem.Violation("communeCode", Formats.COMMUNE_CODE_MESSAGE));
        }
        Fields.requireValid("The issue", violations);
        Instant now = ServiceClock.now(clock);
        Instant raised = raisedAt == null ? now : raisedAt;
        // the commune and province as they were on the day it was raised
        LocalDate today = VietnamTime.dayOf(raised);
        units.requireProvince("provinceCode", province,
                today.isBefore(AdministrativeUnits.FIRST_DAY) ? AdministrativeUnits.FIRST_DAY : today);
        if (commune != null) {
            Fields.requireCommuneIn(units, "communeCode", commune, province, today);
        }
        LocalityIssue i = new LocalityIssue();
        i.id = UUID.randomUUID();
        i.ministryCode = ministry;
        i.provinceCode = province;
        i.communeCode = commune;
        i.field = field;
        i.kind = kind;
        i.title = t;
        i.description = d;
        i.urgent = urgent;
        i.status = IssueStatus.OPEN;
        i.raisedAt = raised;
        i.raisedWeek = IsoWeek.of(today).toString();
        i.updatedAt = now;
        return i;
    }

    private LocalityIssue persistRaised(LocalityIssue i, String actor, String role, PastRecords.Past then) {
        AfterTheFact entered = then == null ? null : then.entered();
        i.raisedBy = actor;
        i.entered(entered);
        issues.persist(i);
        IssueHistory step = step(i, "RAISED", null, actor, role, i.raisedAt);
        step.ministry = i.ministryCode;
        entered(step, entered);
        audit.record(AUDIT_TYPE, i.id, i.ministryCode, "raised", Map.of(), mapper.auditState(i), actor,
                then == null ? null : then.note(null));
        events.publish(ReportEvents.ISSUE_RAISED, i.id, i.ministryCode, mapper.toSnapshot(i, i.raisedAt, entered));
        issues.flush();
        return i;
    }

    // --- transitions

    /** OPEN → ANSWERED_ON_SITE: the raising officer or a coordinator answers with guidance already in force. */
    @Transactional
    public LocalityIssue answerOnSite(UUID id, String ifMatch, IssueActionRequests.AnswerRequest r, IssueAccess access) {
        LocalityIssue i = changeable(id, ifMatch, access);
        String role;
        if (i.officialId != null && access.isRaiser(i)) {
            role = Roles.OFFICER;
        } else if (access.coordinates(i)) {
            role = access.coordinatorRole();
        } else {
            throw ProblemException.forbidden("Only the officer who raised issue " + id + " or a coordinator of "
                    + i.answeringMinistry() + " answers it on the spot");
        }
        requireStatus(i, "answer on the spot", IssueStatus.OPEN);
        PastRecords.Past then = pastStep(i, r == null ? null : r.occurredAt(), access);
        List<Problem.Violation> violations = new ArrayList<>();
        String answer = Fields.text("answer", r == null ? null : r.answer(), MAX_TEXT, true, violations);
        String guidance = Fields.citation("guidanceDocument", r == null ? null : r.guidanceDocument(), true,
                violations);
        Fields.requireValid("The on-site answer", violations);
        return transition(i, IssueStatus.ANSWERED_ON_SITE, "ANSWERED_ON_SITE", ReportEvents.ISSUE_ANSWERED_ON_SITE,
                access, role, answer, then, step -> {
                    i.answer = answer;
                    i.guidanceDocument = guidance;
                    i.answeredBy = access.report().caller().username();
                    i.answeredAt = step.at;
                    step.guidanceDocument = guidance;
                });
    }

    /**
     * OPEN, REFERRED or ESCALATED → ESCALATED: a coordinator of the answering ministry sends it to one of that
     * ministry's units, with a deadline (by default report.issues.escalation-days, or urgent-days when it affects
     * citizens or businesses, calendar days from today in Vietnam). A new escalation may be announced overdue again.
     */
    @Transactional
    public LocalityIssue escalate(UUID id, String ifMatch, IssueActionRequests.EscalationRequest r, IssueAccess access) {
        LocalityIssue i = changeable(id, ifMatch, access);
        access.requireCoordinate(i);
        requireStatus(i, "escalate", IssueStatus.OPEN, IssueStatus.REFERRED, IssueStatus.ESCALATED);
        PastRecords.Past then = pastStep(i, r == null ? null : r.occurredAt(), access);
        List<Problem.Violation> violations = new ArrayList<>();
        String unit = Fields.text("unitCode", r == null ? null : r.unitCode(), 32, true, violations);
        String note = Fields.text("note", r == null ? null : r.note(), MAX_TEXT, false, violations);
        LocalDate today = VietnamTime.dayOf(ServiceClock.now(clock));
        // an escalation entered after the fact is judged on the day it was made: its deadline may be past now
        LocalDate escalationDay = then == null ? today : VietnamTime.dayOf(then.occurredAt());
        LocalDate deadline = r == null || r.deadline() == null
                ? defaultDeadline(escalationDay, i.urgent, config) : r.deadline();
        if (deadline.isBefore(escalationDay)) {
            violations.add(new Problem.Violation("deadline", then == null
                    ? "must be today (" + today + ") or later"
                    : "must be the day of the escalation (" + escalationDay + ") or later"));
        }
        Fields.requireValid("The escalation", violations);
        String ministry = i.answeringMinistry();
        if (knownUnits.active(ministry, unit).isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, unit + " is not an active unit of " + ministry
                    + " known from personnel-service",
                    List.of(new Problem.Violation("unitCode", "must be the code of an active unit of " + ministry)));
        }
        return transition(i, IssueStatus.ESCALATED, "ESCALATED", ReportEvents.ISSUE_ESCALATED, access,
                access.coordinatorRole(), note, then, step -> {
                    i.escalatedToUnit = unit;
                    i.escalatedAt = step.at;
                    i.deadline = deadline;
                    // a deadline already over when it is entered is the past: the sweep does not announce it
                    i.overdueAnnouncedAt = deadline.isBefore(today) ? ServiceClock.now(clock) : null;
                    step.unit = unit;
                    step.deadline = deadline;
                });
    }

    /** ESCALATED → ANSWERED by the unit it was escalated to or a coordinator; REFERRED → ANSWERED by a coordinator. */
    @Transactional
    public LocalityIssue answer(UUID id, String ifMatch, IssueActionRequests.AnswerRequest r, IssueAccess access) {
        LocalityIssue i = changeable(id, ifMatch, access);
        String role;
        if (i.status == IssueStatus.ESCALATED && access.isEscalatedUnit(i)) {
            role = Roles.MINISTRY_UNIT;
        } else if (access.coordinates(i)) {
            role = access.coordinatorRole();
        } else {
            throw ProblemException.forbidden("Only the unit issue " + id + " is escalated to"
                    + (i.escalatedToUnit == null ? "" : " (" + i.escalatedToUnit + ")") + " or a coordinator of "
                    + i.answeringMinistry() + " answers it");
        }
        requireStatus(i, "answer", IssueStatus.ESCALATED, IssueStatus.REFERRED);
        PastRecords.Past then = pastStep(i, r == null ? null : r.occurredAt(), access);
        List<Problem.Violation> violations = new ArrayList<>();
        String answer = Fields.text("answer", r == null ? null : r.answer(), MAX_TEXT, true, violations);
        String guidance = Fields.citation("guidanceDocument", r == null ? null : r.guidanceDocument(), false,
                violations);
        Fields.requireValid("The answer", violations);
        return transition(i, IssueStatus.ANSWERED, "ANSWERED", ReportEvents.ISSUE_ANSWERED, access, role, answer,
                then, step -> {
                    i.answer = answer;
                    i.guidanceDocument = guidance;
                    i.answeredBy = access.report().caller().username();
                    i.answeredAt = step.at;
                    step.guidanceDocument = guidance;
                    step.unit = i.escalatedToUnit;
                });
    }

    /**
     * OPEN, ESCALATED or REFERRED → REFERRED: a coordinator of the answering ministry hands it to the ministry whose
     * matter it is. The issue keeps the ministry it was addressed to; the referred one answers it from now on.
     */
    @Transactional
    public LocalityIssue refer(UUID id, String ifMatch, IssueActionRequests.ReferralRequest r, IssueAccess access) {
        LocalityIssue i = changeable(id, ifMatch, access);
        access.requireCoordinate(i);
        requireStatus(i, "refer", IssueStatus.OPEN, IssueStatus.ESCALATED, IssueStatus.REFERRED);
        PastRecords.Past then = pastStep(i, r == null ? null : r.occurredAt(), access);
        List<Problem.Violation> violations = new ArrayList<>();
        String target = r == null || r.ministryCode() == null ? null : r.ministryCode().strip();
        if (target == null || !Fields.MINISTRY_CODE.matcher(target).matches()) {
            violations.add(new Problem.Violation("ministryCode", Formats.MINISTRY_CODE_MESSAGE));
        }
        String note = Fields.text("note", r == null ? null : r.note(), MAX_TEXT, false, violations);
        Fields.requireValid("The referral", violations);
        if (target.equals(i.answeringMinistry())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Issue " + id + " is already answered by " + target,
                    List.of(new Problem.Violation("ministryCode", "must be another ministry than " + target)));
        }
        return transition(i, IssueStatus.REFERRED, "REFERRED", ReportEvents.ISSUE_REFERRED, access,
                access.coordinatorRole(), note, then, step -> {
                    i.referTo(target);
                    step.ministry = target;
                });
    }

    /** ANSWERED or ANSWERED_ON_SITE → CLOSED, by the raiser or a coordinator of either ministry. */
    @Transactional
    public LocalityIssue close(UUID id, String ifMatch, IssueActionRequests.ReasonRequest r, IssueAccess access) {
        LocalityIssue i = changeable(id, ifMatch, access);
        String role = closerRole(i, access, "close");
        requireStatus(i, "close", IssueStatus.ANSWERED, IssueStatus.ANSWERED_ON_SITE);
        PastRecords.Past then = pastStep(i, r == null ? null : r.occurredAt(), access);
        List<Problem.Violation> violations = new ArrayList<>();
        String reason = Fields.text("reason", r == null ? null : r.reason(), 500, false, violations);
        Fields.requireValid("The closing", violations);
        return transition(i, IssueStatus.CLOSED, "CLOSED", ReportEvents.ISSUE_CLOSED, access, role, reason, then,
                step -> i.closedAt = step.at);
    }

    /**
     * CLOSED → OPEN, with the reason, by the raiser or a coordinator of either ministry: the answer did not settle
     * it. The previous answer stays in the history; the issue is answered or escalated again.
     */
    @Transactional
    public LocalityIssue reopen(UUID id, String ifMatch, IssueActionRequests.ReasonRequest r, IssueAccess access) {
        LocalityIssue i = changeable(id, ifMatch, access);
        String role = closerRole(i, access, "reopen");
        requireStatus(i, "reopen", IssueStatus.CLOSED);
        PastRecords.Past then = pastStep(i, r == null ? null : r.occurredAt(), access);
        List<Problem.Violation> violations = new ArrayList<>();
        String reason = Fields.text("reason", r == null ? null : r.reason(), 500, true, violations);
        Fields.requireValid("The reopening", violations);
        return transition(i, IssueStatus.OPEN, "REOPENED", ReportEvents.ISSUE_REOPENED, access, role, reason, then,
                step -> {
                    i.answer = null;
                    i.guidanceDocument = null;
                    i.answeredBy = null;
                    i.answeredAt = null;
                    i.closedAt = null;
                    i.escalatedToUnit = null;
                    i.escalatedAt = null;
                    i.deadline = null;
                    i.overdueAnnouncedAt = null;
                });
    }

    /**
     * Announces, once per escalation, each escalated issue whose deadline day (Vietnam time) ended before
     * {@code now} without an answer. Rows are locked, so two sweeps at once announce each issue once.
     *
     * @return how many were announced
     */
    @Transactional
    public int announceOverdue(Instant now) {
        LocalDate today = VietnamTime.dayOf(now);
        List<LocalityIssue> due = issues.getEntityManager().createQuery("from LocalityIssue i where i.status = :status"
                        + " and i.deadline < :today and i.overdueAnnouncedAt is null order by i.deadline, i.id",
                        LocalityIssue.class)
                .setParameter("status", IssueStatus.ESCALATED)
                .setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (LocalityIssue i : due) {
            Map<String, Object> before = mapper.auditState(i);
            i.overdueAnnouncedAt = now;
            IssueHistory step = step(i, "OVERDUE", i.status, "system", "system", now);
            step.unit = i.escalatedToUnit;
            step.deadline = i.deadline;
            audit.record(AUDIT_TYPE, i.id, i.answeringMinistry(), "overdue", before, mapper.auditState(i), "system",
                    "the deadline " + i.deadline + " passed without an answer");
            events.publish(ReportEvents.ISSUE_OVERDUE, i.id, i.answeringMinistry(), mapper.toSnapshot(i, now, null));
        }
        issues.flush();
        return due.size();
    }

    // --- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalityIssue get(UUID id, IssueAccess access) {
        LocalityIssue i = issues.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Issue", id));
        if (!access.canSee(i)) {
            throw ProblemException.notFound("Issue", id);
        }
        return i;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IssueHistoryView> history(UUID id, IssueAccess access) {
        LocalityIssue i = get(id, access);
        boolean personal = access.report().seesPersonalDetails();
        return history.of(i.id).stream().map(h -> mapper.toView(h, personal)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<IssueView> list(IssueFilter filter, Paging paging, IssueAccess access) {
        LocalDate today = today();
        PanacheQuery<LocalityIssue> query = find(where(filter, access, today), sort(filter))
                .page(Page.of(paging.page, paging.size));
        boolean personal = access.report().seesPersonalDetails();
        return new PageView<>(query.list().stream().map(i -> mapper.toView(i, today, personal)).toList(),
                paging.page, paging.size, query.count());
    }

    /** What the list and the export match: the caller's scope and the filters, overdue as of {@code today}. */
    public Where where(IssueFilter filter, IssueAccess access, LocalDate today) {
        Where where = access.restrict(Where.from("LocalityIssue i"), "i")
                .and("(i.ministryCode in :ministries or i.referredToMinistry in :ministries)", "ministries",
                        filter.ministries)
                .and("i.provinceCode = :province", "province", filter.province)
                .and("i.communeCode = :commune", "commune", filter.commune)
                .and("i.field = :field", "field", filter.field)
                .and("i.kind = :kind", "kind", filter.kind)
                .and("i.status = :status", "status", filter.status)
                .and("i.urgent = :urgent", "urgent", filter.urgent)
                .and("i.raisedWeek = :week", "week",
                        filter.raisedWeek == null ? null : IsoWeek.parse("raisedWeek", filter.raisedWeek).toString())
                .and("i.raisedAt >= :from", "from",
                        filter.from == null ? null : filter.from.atStartOfDay(VietnamTime.ZONE).toInstant())
                .and("i.raisedAt < :to", "to",
                        filter.to == null ? null : filter.to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant())
                .and("i.escalatedToUnit = :unit", "unit", filter.unit)
                .and("i.assignmentId = :assignment", "assignment", filter.assignment)
                .and("i.visitId = :visit", "visit", filter.visit);
        if (filter.enteredAfterTheFact != null) {
            where.and(filter.enteredAfterTheFact ? "i.enteredAt is not null" : "i.enteredAt is null");
        }
        if (filter.overdue != null) {
            where.and(filter.overdue ? "(i.status = :escalated and i.deadline < :today)"
                            : "(i.status <> :escalated or i.deadline is null or i.deadline >= :today)")
                    .parameter("escalated", IssueStatus.ESCALATED)
                    .parameter("today", today);
        }
        return where;
    }

    /** The order asked for ({@code sort}, 400 for a field that cannot be sorted on), the id last. */
    public static Sort sort(IssueFilter filter) {
        return Sorting.parse(filter.sort, DEFAULT_SORT, SORTABLE);
    }

    /** How many issues {@code where} matches. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Where where) {
        return issues.find(where.jpql(), where.parameters()).count();
    }

    /**
     * Every issue {@code where} matches, as its view, in the order {@code sort}, read from a database cursor in a
     * transaction of its own: an export streams them without holding them in memory, after the request's scope
     * and personal-details decision were taken ({@code personal}).
     */
    public void each(Where where, Sort sort, boolean personal, LocalDate today, Consumer<IssueView> consumer) {
        ReportRules.inChunks(find(where, sort), issues.getEntityManager(),
                chunk -> chunk.forEach(i -> consumer.accept(mapper.toView(i, today, personal))));
    }

    private PanacheQuery<LocalityIssue> find(Where where, Sort sort) {
        return issues.find(where.jpql(), sort, where.parameters());
    }

    /** The issue ids of each visit, in the order they were raised. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> idsByVisit(List<UUID> visitIds) {
        Map<UUID, List<UUID>> result = new LinkedHashMap<>();
        if (visitIds.isEmpty()) {
            return result;
        }
        issues.getEntityManager().createQuery("select i.visitId, i.id from LocalityIssue i where i.visitId in :visits"
                        + " order by i.raisedAt, i.id", Object[].class)
                .setParameter("visits", visitIds)
                .getResultList()
                .forEach(row -> result.computeIfAbsent((UUID) row[0], v -> new ArrayList<>()).add((UUID) row[1]));
        return result;
    }

    public IssueView view(LocalityIssue i, IssueAccess access) {
        return mapper.toView(i, today(), access.report().seesPersonalDetails());
    }

    // --- helpers

    private interface StepChange {
        void apply(IssueHistory step);
    }

    /**
     * The past step a request names ({@code occurredAt}), by a coordinator of either ministry (or a platform admin),
     * not before the issue's last step; null for a step taken now.
     */
    private PastRecords.Past pastStep(LocalityIssue i, OffsetDateTime occurredAt, IssueAccess access) {
        if (occurredAt == null) {
            return null;
        }
        String ministry = access.coordinates(i) || !access.report().canCoordinate(i.ministryCode)
                ? i.answeringMinistry() : i.ministryCode;
        return past.of("occurredAt", occurredAt, access.report(), ministry, history.lastAt(i.id),
                "the issue's previous step").orElseThrow();
    }

    /**
     * Moves {@code i} to {@code to}, with its history step, audit record and event, all in this transaction; at the
     * time it happened for a step entered after the fact ({@code then}).
     */
    private LocalityIssue transition(LocalityIssue i, IssueStatus to, String action, EventType event,
                                     IssueAccess access, String role, String note, PastRecords.Past then,
                                     StepChange change) {
        Instant now = ServiceClock.now(clock);
        Instant at = then == null ? now : then.occurredAt();
        AfterTheFact entered = then == null ? null : then.entered();
        Map<String, Object> before = mapper.auditState(i);
        String actor = access.report().caller().username();
        IssueHistory step = step(i, action, i.status, actor, role, at);
        entered(step, entered);
        step.toStatus = to;
        step.note = note;
        i.status = to;
        i.updatedAt = now;
        i.entered(entered);
        change.apply(step);
        audit.record(AUDIT_TYPE, i.id, i.answeringMinistry(), action.toLowerCase(Locale.ROOT), before,
                mapper.auditState(i), actor, then == null ? note : then.note(note));
        events.publish(event, i.id, i.answeringMinistry(), mapper.toSnapshot(i, at, entered));
        issues.flush();
        return i;
    }

    private static void entered(IssueHistory step, AfterTheFact entered) {
        if (entered != null) {
            step.enteredBy = entered.enteredBy();
            step.enteredAt = entered.enteredAt();
        }
    }

    private IssueHistory step(LocalityIssue i, String action, IssueStatus from, String actor, String role,
                              Instant at) {
        IssueHistory step = new IssueHistory();
        step.id = UUID.randomUUID();
        step.issueId = i.id;
        step.step = history.nextStep(i.id);
        step.at = at;
        step.action = action;
        step.actor = actor;
        step.actorRole = role;
        step.fromStatus = from;
        step.toStatus = i.status;
        history.persist(step);
        return step;
    }

    /**
     * The issue to change: 404 when it does not exist or the caller cannot see it, checked before the version so
     * that a 412 never confirms to an outsider that the issue exists; then 428/412 on a missing or stale If-Match.
     */
    private LocalityIssue changeable(UUID id, String ifMatch, IssueAccess access) {
        LocalityIssue i = get(id, access);
        Versions.requireMatch(ifMatch, i.version);
        return i;
    }

    private static String closerRole(LocalityIssue i, IssueAccess access, String what) {
        if (access.isRaiser(i)) {
            return access.raiserRole(i);
        }
        if (access.coordinatesEither(i)) {
            return access.coordinatorRole();
        }
        throw ProblemException.forbidden("Only whoever raised issue " + i.id + " or a coordinator of "
                + i.ministryCode + (i.referredToMinistry == null ? "" : " or " + i.referredToMinistry)
                + " may " + what + " it");
    }

    private static void requireStatus(LocalityIssue i, String what, IssueStatus... allowed) {
        if (!Arrays.asList(allowed).contains(i.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "Issue " + i.id + " is " + i.status + ": cannot " + what
                    + " it (only when " + Arrays.toString(allowed) + ")");
        }
    }

    private static void requireSame(String field, String given, String expected, String what) {
        if (given != null && !given.isBlank() && !given.strip().equals(expected)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, field + " is " + what + " (" + expected + ")",
                    List.of(new Problem.Violation(field, "must be " + expected + ", " + what + ", or left out")));
        }
    }

    /**
     * The deadline of an escalation made on {@code escalationDay} (Vietnam) that names none: the configured
     * calendar days later, fewer for an urgent issue (one that affects citizens or businesses).
     */
    static LocalDate defaultDeadline(LocalDate escalationDay, boolean urgent, IssuesConfig config) {
        return escalationDay.plusDays(urgent ? config.urgentDays() : config.escalationDays());
    }

    /** Today in Vietnam, the day an escalation's deadline is judged against. */
    public LocalDate today() {
        return VietnamTime.dayOf(clock.instant());
    }
}
