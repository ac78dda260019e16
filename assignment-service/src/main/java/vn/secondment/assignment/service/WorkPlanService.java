package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.ActivityKind;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.AssignmentStatus;
import vn.secondment.assignment.Period;
import vn.secondment.assignment.WorkPlan;
import vn.secondment.assignment.WorkPlanActivity;
import vn.secondment.assignment.WorkPlanStatus;
import vn.secondment.assignment.mapping.WorkPlanMapper;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.assignment.repository.AssignmentRepository;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.assignment.repository.WorkPlanRepository;
import vn.secondment.assignment.rest.WeekPlanState;
import vn.secondment.assignment.rest.WorkPlanActivityRequest;
import vn.secondment.assignment.rest.WorkPlanFilter;
import vn.secondment.assignment.rest.WorkPlanRequest;
import vn.secondment.assignment.rest.WorkPlanSubmissionRequest;
import vn.secondment.assignment.rest.WorkPlanSummaryView;
import vn.secondment.assignment.rest.WorkPlanView;
import vn.secondment.assignment.rest.WorkPlanWeekView;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.data.AssignmentScope;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.rest.Formats;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.PastLimits;
import vn.secondment.rest.Text;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;
import vn.secondment.rest.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Weekly work plans (lịch công tác tuần): the assigned official writes, per ISO week of the assignment, the dated
 * activities of the week, each in a commune of the assignment's province when it happens in one, and submits the plan
 * to the ministry before the week starts; a plan submitted at or after the week's Monday 00:00 (Vietnam) is late.
 * A coordinator or ministry admin may record a past plan on the official's behalf with its real dates
 * ({@code occurredAt}), kept apart by who entered it and when. Every change is audited; a submission is announced in
 * the same transaction.
 */
@ApplicationScoped
public class WorkPlanService {

    public static final String AUDIT_TYPE = "work-plan";
    public static final int MAX_ACTIVITIES = 50;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_TITLE = 300;
    public static final int MAX_LOCATION = 300;
    public static final int MAX_DETAILS = 2000;

    private static final Pattern COMMUNE_CODE = Pattern.compile(Formats.COMMUNE_CODE);

    private final WorkPlanRepository plans;
    private final AssignmentRepository assignments;
    private final KnownOfficialRepository officials;
    private final AdministrativeUnits units;
    private final WorkPlanMapper mapper;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final Clock clock;
    private final PastLimits pastLimits;

    public WorkPlanService(WorkPlanRepository plans, AssignmentRepository assignments,
                           KnownOfficialRepository officials, AdministrativeUnits units, WorkPlanMapper mapper,
                           AuditTrail audit, EventPublisher events, Clock clock, PastLimits pastLimits) {
        this.plans = plans;
        this.assignments = assignments;
        this.officials = officials;
        this.units = units;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.pastLimits = pastLimits;
    }

    /** A plan written by {@link #put}: whether it was created, and how it now reads. */
    public record Written(WorkPlanView plan, boolean created) {
    }

    /**
     * Creates the week's plan, or replaces its note and activities (If-Match required then). An edit of a submitted
     * plan makes it a draft again, to be submitted again; a replacement that changes nothing changes nothing. With
     * {@code occurredAt}, a coordinator or ministry admin records the plan as the official wrote it then (its dates
     * the real ones, marked as entered after the fact); a plan the official submitted themselves is not replaced so.
     */
    @Transactional
    public Written put(UUID assignmentId, String weekText, String ifMatch, WorkPlanRequest request,
                       AssignmentAccess access) {
        IsoWeek week = IsoWeek.parse("week", weekText);
        Instant occurredAt = request.occurredAt() == null ? null : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Assignment a = occurredAt == null ? writable(assignmentId, access) : recordable(assignmentId, access);
        WorkPlan plan = plans.of(a.id, week.toString()).orElse(null);
        if (plan != null) {
            Versions.requireMatch(ifMatch, plan.version);
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "There is no work plan for " + week
                    + " yet: send the first one without If-Match");
        }
        if (occurredAt != null) {
            if (plan != null && plan.status == WorkPlanStatus.SUBMITTED && plan.enteredBy == null) {
                throw new ProblemException(ProblemType.CONFLICT, "The official submitted the work plan for " + week
                        + " at " + plan.submittedAt + ": a record of the past does not replace it");
            }
            requirePast(a, week, plan, occurredAt, "written");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        String note = text("note", request.note(), MAX_NOTE, violations);
        List<WorkPlanActivityRequest> activities = activities(a, week, request.activities(), violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The work plan for " + week + " is not valid",
                    violations);
        }
        String actor = access.caller().username();
        Instant now = now();
        // a plan recorded after the fact carries its real dates; who entered it, and when, is kept beside them
        Instant at = occurredAt == null ? now : occurredAt;
        boolean created = plan == null;
        Map<String, Object> before;
        if (created) {
            plan = new WorkPlan();
            plan.id = UUID.randomUUID();
            plan.assignment = a;
            plan.week = week.toString();
            plan.weekStart = week.monday();
            plan.status = WorkPlanStatus.DRAFT;
            plan.createdAt = at;
            plan.createdBy = actor;
            plan.updatedAt = at;
            plan.updatedBy = actor;
            before = Map.of();
        } else {
            before = mapper.auditState(plan);
        }
        plan.note = note;
        replaceActivities(plan, activities);
        if (created) {
            markEntered(plan, occurredAt, actor, now);
            plans.persist(plan);
            audit.record(AUDIT_TYPE, plan.id, a.ministryCode, "created", before, mapper.auditState(plan), actor,
                    occurredAt == null ? null : enteredReason("written", occurredAt));
        } else if (!mapper.auditState(plan).equals(before)) {
            boolean wasSubmitted = plan.status == WorkPlanStatus.SUBMITTED;
            plan.status = WorkPlanStatus.DRAFT;
            plan.submittedAt = null;
            plan.late = false;
            plan.updatedAt = at;
            plan.updatedBy = actor;
            // the official rewriting it makes the plan their own again; a record of the past marks it
            markEntered(plan, occurredAt, actor, now);
            String reason = wasSubmitted ? "edited after it was submitted: to be submitted again" : null;
            if (occurredAt != null) {
                reason = enteredReason("edited", occurredAt) + (wasSubmitted ? "; to be submitted again" : "");
            }
            audit.record(AUDIT_TYPE, plan.id, a.ministryCode, "updated", before, mapper.auditState(plan), actor,
                    reason);
        }
        plans.flush();
        return new Written(mapper.toView(plan), created);
    }

    /**
     * Sends the plan to the ministry: DRAFT → SUBMITTED now, late when now is at or after the week's Monday 00:00 in
     * Vietnam. An empty plan, or one that no longer fits the assignment (its period changed), is refused (422).
     * With {@code request.occurredAt}, a coordinator or ministry admin records the submission as it happened then:
     * late is judged against that moment, and the event carries {@link AfterTheFact} so nobody is notified of it.
     */
    @Transactional
    public WorkPlanView submit(UUID assignmentId, String weekText, String ifMatch, WorkPlanSubmissionRequest request,
                               AssignmentAccess access) {
        IsoWeek week = IsoWeek.parse("week", weekText);
        Instant occurredAt = request == null || request.occurredAt() == null ? null
                : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (request != null && occurredAt == null) {
            throw ProblemException.invalid("occurredAt", "must not be null when a body is sent: without one, the "
                    + "official submits now");
        }
        Assignment a = occurredAt == null ? writable(assignmentId, access) : recordable(assignmentId, access);
        WorkPlan plan = plans.of(a.id, week.toString()).orElseThrow(() -> missing(a, week));
        Versions.requireMatch(ifMatch, plan.version);
        if (plan.status == WorkPlanStatus.SUBMITTED) {
            throw new ProblemException(ProblemType.CONFLICT, "The work plan for " + week + " was already submitted at "
                    + plan.submittedAt + "; an edit makes it a draft to submit again");
        }
        if (plan.activities.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "An empty work plan cannot be submitted",
                    List.of(new Problem.Violation("activities", "add at least one activity before submitting")));
        }
        List<Problem.Violation> stale = new ArrayList<>();
        activities(a, week, plan.activities.stream().map(mapper::toRequest).toList(), stale);
        if (!stale.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The work plan for " + week + " no longer fits the "
                    + "assignment (" + a.startDate + " to " + a.endDate + "): edit it before submitting", stale);
        }
        if (occurredAt != null) {
            requirePast(a, week, plan, occurredAt, "submitted");
        }
        String actor = access.caller().username();
        Map<String, Object> before = mapper.auditState(plan);
        Instant now = now();
        // late is judged against when it really happened: now for the official, occurredAt for a record of the past
        Instant at = occurredAt == null ? now : occurredAt;
        plan.status = WorkPlanStatus.SUBMITTED;
        plan.submittedAt = at;
        plan.late = !at.isBefore(week.monday().atStartOfDay(VietnamTime.ZONE).toInstant());
        plan.updatedAt = at;
        plan.updatedBy = actor;
        AfterTheFact recorded = null;
        String reason = plan.late ? "submitted after the week had started" : null;
        if (occurredAt != null) {
            markEntered(plan, occurredAt, actor, now);
            recorded = new AfterTheFact(actor, now);
            reason = enteredReason("submitted", occurredAt) + (plan.late ? ", after the week had started" : "");
        }
        audit.record(AUDIT_TYPE, plan.id, a.ministryCode, "submitted", before, mapper.auditState(plan), actor,
                reason);
        events.publish(AssignmentEvents.WORK_PLAN_SUBMITTED, plan.id, a.ministryCode,
                mapper.toSubmitted(plan, recorded));
        plans.flush();
        return mapper.toView(plan);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkPlanView get(UUID assignmentId, String weekText, AssignmentAccess access) {
        IsoWeek week = IsoWeek.parse("week", weekText);
        Assignment a = visible(assignmentId, access);
        return mapper.toView(plans.of(a.id, week.toString()).orElseThrow(() -> missing(a, week)));
    }

    /** Every ISO week that meets the assignment's period, oldest first, with its plan's state. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkPlanWeekView> weeks(UUID assignmentId, AssignmentAccess access) {
        Assignment a = visible(assignmentId, access);
        Map<String, WorkPlan> byWeek = plans.ofAssignment(a.id).stream()
                .collect(Collectors.toMap(p -> p.week, Function.identity()));
        LocalDate today = VietnamTime.today(clock);
        List<WorkPlanWeekView> weeks = new ArrayList<>();
        IsoWeek last = IsoWeek.of(a.endDate);
        for (IsoWeek w = IsoWeek.of(a.startDate); w.compareTo(last) <= 0; w = w.next()) {
            WorkPlan p = byWeek.get(w.toString());
            boolean started = !today.isBefore(w.monday());
            WeekPlanState state = p == null ? (started ? WeekPlanState.MISSING : WeekPlanState.NOT_DUE)
                    : WeekPlanState.valueOf(p.status.name());
            boolean overdue = started && state != WeekPlanState.SUBMITTED;
            weeks.add(new WorkPlanWeekView(w.toString(), w.monday(), w.sunday(), state, p == null ? null : p.id,
                    p == null ? null : p.submittedAt, p != null && p.late, overdue,
                    p == null ? 0 : p.activities.size(), p == null ? null : mapper.enteredAfterTheFact(p)));
        }
        return weeks;
    }

    /** The plans the caller may see (by the assignment: ministry, province or their own), newest week first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<WorkPlanSummaryView> list(WorkPlanFilter filter, Paging paging, AssignmentAccess access) {
        AssignmentScope scope = access.scope();
        if (scope.nothing()) {
            return new PageView<>(List.of(), paging.page, paging.size, 0);
        }
        // the scope's condition is written on alias a
        Where where = scope.restrict(Where.from("WorkPlan p join p.assignment a"), "a")
                .and("a.ministryCode in :ministries", "ministries", filter.ministries)
                .and("a.provinceCode = :province", "province", filter.province)
                .and("p.week = :week", "week", filter.week == null ? null : IsoWeek.parse("week", filter.week).toString())
                .and("p.status = :status", "status", filter.status)
                .and("p.late = :late", "late", filter.late);
        if (filter.enteredAfterTheFact != null) {
            where.and(filter.enteredAfterTheFact ? "p.enteredBy is not null" : "p.enteredBy is null");
        }
        TypedQuery<WorkPlan> query = plans.getEntityManager().createQuery("select p " + where.jpql()
                + " order by p.weekStart desc, a.ministryCode, a.provinceCode, p.id", WorkPlan.class);
        TypedQuery<Long> count = plans.getEntityManager().createQuery("select count(p) " + where.jpql(), Long.class);
        where.parameterMap().forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<WorkPlan> page = query.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList();
        List<UUID> officialIds = page.stream().map(p -> p.assignment.officialId).distinct().toList();
        Map<UUID, KnownOfficial> who = officialIds.isEmpty() ? Map.of() : officials.list("id in ?1", officialIds)
                .stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        return new PageView<>(page.stream().map(p -> mapper.toSummary(p, who.get(p.assignment.officialId))).toList(),
                paging.page, paging.size, count.getSingleResult());
    }

    // --- the past

    /**
     * Refuses (400 on {@code occurredAt}) a moment that cannot be when the plan was really written or submitted: out of
     * the platform's {@link PastLimits}; before the earlier of the assignment's start and the Monday of the week before
     * the plan's week (a plan is written before its week, so the first week's plan may predate the assignment's start
     * by up to a week, never more); before the plan's last recorded change (a plan is written before it is
     * submitted).
     */
    private void requirePast(Assignment a, IsoWeek week, WorkPlan plan, Instant occurredAt, String action) {
        Instant weekBefore = week.monday().minusWeeks(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        Instant assignmentStart = a.startDate.atStartOfDay(VietnamTime.ZONE).toInstant();
        Instant earliest = weekBefore.isBefore(assignmentStart) ? weekBefore : assignmentStart;
        String problem = pastLimits.problem(occurredAt, now(), earliest, "the Monday before its week ("
                + week.monday().minusWeeks(1) + ") or the assignment's start (" + a.startDate
                + "), whichever is earlier").orElse(null);
        if (problem == null && plan != null && occurredAt.isBefore(plan.updatedAt)) {
            problem = "must not be before the plan's last change (" + plan.updatedAt + ")";
        }
        if (problem != null) {
            throw new ProblemException(ProblemType.VALIDATION, "The work plan for " + week + " cannot be recorded as "
                    + action + " at " + occurredAt, List.of(new Problem.Violation("occurredAt", problem)));
        }
    }

    /** Marks the plan as entered after the fact by {@code actor} now, or (for the official's own change) not. */
    private static void markEntered(WorkPlan plan, Instant occurredAt, String actor, Instant now) {
        plan.enteredBy = occurredAt == null ? null : actor;
        plan.enteredAt = occurredAt == null ? null : now;
    }

    private static String enteredReason(String action, Instant occurredAt) {
        return "entered after the fact on behalf of the official: " + action + " at " + occurredAt;
    }

    // --- rules

    /**
     * The activities as they will be stored (text in NFC, blank codes absent), adding to {@code violations} every
     * field that breaks a rule: the week must meet the assignment's period; each day must fall in the week and in
     * the period; a commune must be one of the province's; a commune survey needs its commune; a title is required.
     */
    private List<WorkPlanActivityRequest> activities(Assignment a, IsoWeek week, List<WorkPlanActivityRequest> given,
                                                     List<Problem.Violation> violations) {
        if (!new Period(week.monday(), week.sunday()).overlaps(a.period())) {
            violations.add(new Problem.Violation("week", week + " (" + week.monday() + " to " + week.sunday()
                    + ") is outside the assignment's period " + a.startDate + " to " + a.endDate));
        }
        List<WorkPlanActivityRequest> activities = given == null ? List.of() : given;
        if (activities.size() > MAX_ACTIVITIES) {
            violations.add(new Problem.Violation("activities", "at most " + MAX_ACTIVITIES
                    + " activities a week, not " + activities.size()));
            return List.of();
        }
        List<WorkPlanActivityRequest> result = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            String field = "activities[" + i + "]";
            WorkPlanActivityRequest activity = activities.get(i);
            if (activity == null) {
                violations.add(new Problem.Violation(field, "must not be null"));
                continue;
            }
            LocalDate day = activity.day();
            if (day == null) {
                violations.add(new Problem.Violation(field + ".day", "must not be null"));
            } else if (!week.contains(day)) {
                violations.add(new Problem.Violation(field + ".day", "must fall within " + week + " ("
                        + week.monday() + " to " + week.sunday() + ")"));
            } else if (!a.period().contains(day)) {
                violations.add(new Problem.Violation(field + ".day", "must fall within the assignment's period "
                        + a.startDate + " to " + a.endDate));
            }
            if (activity.kind() == null) {
                violations.add(new Problem.Violation(field + ".kind", "must not be null"));
            }
            String commune = activity.communeCode() == null || activity.communeCode().isBlank() ? null
                    : activity.communeCode().strip();
            if (commune == null) {
                if (activity.kind() == ActivityKind.COMMUNE_SURVEY) {
                    violations.add(new Problem.Violation(field + ".communeCode",
                            "is required for a commune survey"));
                }
            } else if (!COMMUNE_CODE.matcher(commune).matches()) {
                violations.add(new Problem.Violation(field + ".communeCode", Formats.COMMUNE_CODE_MESSAGE));
            } else {
                LocalDate on = day != null && week.contains(day) ? day : week.monday();
                LocalDate asOf = on.isBefore(AdministrativeUnits.FIRST_DAY) ? AdministrativeUnits.FIRST_DAY : on;
                if (a.provinceCode == null) {
                    // a group's member works wherever the group goes: any commune of its provinces (any at all for
                    // a standing group at the ministry)
                    Optional<String> province = units.commune(commune, asOf).map(c -> c.provinceCode());
                    if (province.isEmpty()) {
                        violations.add(new Problem.Violation(field + ".communeCode", commune
                                + " is not a commune in force on " + asOf));
                    } else if (!a.deployment.provinceCodes.isEmpty()
                            && !a.deployment.provinceCodes.contains(province.get())) {
                        violations.add(new Problem.Violation(field + ".communeCode", commune + " lies in province "
                                + province.get() + ", which the " + a.deployment.type + " does not visit"));
                    }
                } else {
                    try {
                        units.requireCommuneIn(field + ".communeCode", commune, a.provinceCode, asOf);
                    } catch (ProblemException e) {
                        violations.addAll(e.violations());
                    }
                }
            }
            int found = violations.size();
            String title = text(field + ".title", activity.title(), MAX_TITLE, violations);
            if (violations.size() == found && (title == null || title.isEmpty())) {
                violations.add(new Problem.Violation(field + ".title", "must not be blank"));
            }
            String location = text(field + ".location", activity.location(), MAX_LOCATION, violations);
            String details = text(field + ".details", activity.details(), MAX_DETAILS, violations);
            result.add(new WorkPlanActivityRequest(day, activity.kind(), commune, blankToNull(location), title,
                    blankToNull(details)));
        }
        return result;
    }

    /** NFC text of at most {@code max} characters, or a violation of {@code field}; null stays null. */
    private static String text(String field, String value, int max, List<Problem.Violation> violations) {
        String normal;
        try {
            normal = Text.nfc(field, value);
        } catch (ProblemException e) {
            violations.addAll(e.violations());
            return null;
        }
        if (normal != null && normal.length() > max) {
            violations.add(new Problem.Violation(field, "must be at most " + max + " characters, not "
                    + normal.length()));
        }
        return normal;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Rewrites the activities in place (position i keeps its row), so positions stay unique at every flush. */
    private static void replaceActivities(WorkPlan plan, List<WorkPlanActivityRequest> activities) {
        for (int i = 0; i < activities.size(); i++) {
            WorkPlanActivityRequest given = activities.get(i);
            WorkPlanActivity activity;
            if (i < plan.activities.size()) {
                activity = plan.activities.get(i);
            } else {
                activity = new WorkPlanActivity();
                activity.id = UUID.randomUUID();
                activity.workPlan = plan;
                activity.position = i;
                plan.activities.add(activity);
            }
            setIfChanged(activity, given);
        }
        while (plan.activities.size() > activities.size()) {
            plan.activities.remove(plan.activities.size() - 1);
        }
    }

    private static void setIfChanged(WorkPlanActivity activity, WorkPlanActivityRequest given) {
        if (!Objects.equals(activity.day, given.day())) {
            activity.day = given.day();
        }
        if (activity.kind != given.kind()) {
            activity.kind = given.kind();
        }
        if (!Objects.equals(activity.communeCode, given.communeCode())) {
            activity.communeCode = given.communeCode();
        }
        if (!Objects.equals(activity.location, given.location())) {
            activity.location = given.location();
        }
        if (!Objects.equals(activity.title, given.title())) {
            activity.title = given.title();
        }
        if (!Objects.equals(activity.details, given.details())) {
            activity.details = given.details();
        }
    }

    // --- access

    /** The assignment the caller may read; 404 otherwise, so colleagues' assignments are not probed. */
    private Assignment visible(UUID id, AssignmentAccess access) {
        Assignment a = assignments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Assignment", id));
        if (!access.canSee(a)) {
            throw ProblemException.notFound("Assignment", id);
        }
        return a;
    }

    /** The caller's own assignment, still held; 403 for others who can see it, 404 for the rest. */
    private Assignment writable(UUID id, AssignmentAccess access) {
        Assignment a = assignments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Assignment", id));
        if (!access.isOwn(a)) {
            if (access.canSee(a)) {
                throw ProblemException.forbidden("Only the assigned official writes and submits the work plans of "
                        + "assignment " + id);
            }
            throw ProblemException.notFound("Assignment", id);
        }
        if (!a.status.holds()) {
            throw new ProblemException(ProblemType.CONFLICT, "Assignment " + id + " is " + a.status
                    + ": work plans are written only for a planned or active assignment");
        }
        return a;
    }

    /**
     * The assignment whose plans the caller may record after the fact: a coordinator or ministry admin of the
     * assignment's ministry, or a platform admin (403 naming them for others who can see it, 404 for the rest).
     * The weeks an official really held it count, so a completed assignment (or one replaced after arrival) may be
     * recorded too; a withdrawn one was never worked.
     */
    private Assignment recordable(UUID id, AssignmentAccess access) {
        Assignment a = assignments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Assignment", id));
        if (!access.canManage(a.ministryCode)) {
            if (access.canSee(a) || access.isOwn(a)) {
                throw ProblemException.forbidden("occurredAt records a work plan after the fact: only a "
                        + Roles.COORDINATOR + " or " + Roles.MINISTRY_ADMIN + " of " + a.ministryCode + ", or a "
                        + Roles.PLATFORM_ADMIN + ", may send it; the official's own writing and submission take the "
                        + "time they happen");
            }
            throw ProblemException.notFound("Assignment", id);
        }
        boolean worked = a.status.holds() || a.status == AssignmentStatus.COMPLETED
                || (a.status == AssignmentStatus.REPLACED && a.arrivedOn != null);
        if (!worked) {
            throw new ProblemException(ProblemType.CONFLICT, "Assignment " + id + " is " + a.status
                    + ": it was never worked, so it has no work plans to record");
        }
        return a;
    }

    private static ProblemException missing(Assignment a, IsoWeek week) {
        return new ProblemException(ProblemType.NOT_FOUND, "Assignment " + a.id + " has no work plan for " + week);
    }

    /** Now, to the microsecond the database keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
