package vn.secondment.assignment.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.AssignmentRevision;
import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.AssignmentStatus;
import vn.secondment.assignment.Decision;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.Period;
import vn.secondment.assignment.RevisionChange;
import vn.secondment.assignment.mapping.AssignmentMapper;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.assignment.repository.AssignmentRepository;
import vn.secondment.assignment.repository.DeploymentRepository;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.assignment.rest.ArrivalRequest;
import vn.secondment.assignment.rest.AssignmentDetailsRequest;
import vn.secondment.assignment.rest.AssignmentFilter;
import vn.secondment.assignment.rest.AssignmentRequest;
import vn.secondment.assignment.rest.PeriodChangeRequest;
import vn.secondment.assignment.rest.ReplacementRequest;
import vn.secondment.assignment.rest.StatusChangeRequest;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.data.AssignmentScope;
import vn.secondment.data.Sorting;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.personnel.AnnexAssignmentRequested;
import org.jboss.logging.Logger;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.Text;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.http.MergePatch;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Assignments of officials to provinces. The rules live here: an official never holds two overlapping assignments
 * (in any deployment of any ministry), a deployment's coverage rule is never exceeded silently, focus communes
 * belong to the province. Every change is a dated revision, audited and announced in the same transaction.
 */
@ApplicationScoped
public class AssignmentService {

    public static final String AUDIT_TYPE = "assignment";
    public static final Map<String, String> SORTABLE = new LinkedHashMap<>();
    public static final String DEFAULT_SORT = "provinceCode";
    /** Who creates an annex's assignment when the import's event does not say who imported it. */
    public static final String ANNEX_ACTOR = "personnel-service";
    private static final Logger LOG = Logger.getLogger(AssignmentService.class);
    /** Who completes an assignment on a final report's acceptance when the event does not say who accepted it. */
    public static final String FINAL_REPORT_ACTOR = "report-service";
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static {
        SORTABLE.put("startDate", "startDate");
        SORTABLE.put("provinceCode", "provinceCode");
        SORTABLE.put("ministryCode", "ministryCode");
        SORTABLE.put("createdAt", "createdAt");
    }

    private final AssignmentRepository assignments;
    private final DeploymentRepository deployments;
    private final KnownOfficialRepository officials;
    private final DecisionService decisions;
    private final AdministrativeUnits units;
    private final Revisions revisions;
    private final AssignmentMapper mapper;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final MergePatch mergePatch;
    private final Clock clock;

    public AssignmentService(AssignmentRepository assignments, DeploymentRepository deployments,
                             KnownOfficialRepository officials, DecisionService decisions, AdministrativeUnits units,
                             Revisions revisions,
                             AssignmentMapper mapper, AuditTrail audit, EventPublisher events, MergePatch mergePatch, Clock clock) {
        this.assignments = assignments;
        this.deployments = deployments;
        this.officials = officials;
        this.decisions = decisions;
        this.units = units;
        this.revisions = revisions;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    @Transactional
    public Assignment create(UUID deploymentId, AssignmentRequest request, AssignmentAccess access) {
        Deployment d = deployments.findByIdOptional(deploymentId)
                .orElseThrow(() -> ProblemException.notFound("Deployment", deploymentId));
        access.requireAssignInto(d);
        return createIn(d, UUID.randomUUID(), request, access, access.caller().username(), null);
    }

    /**
     * One row of a decision annex imported into a deployment in personnel-service: the assignment with the id chosen
     * there, by the rules of {@link #create} (the importer's ministry scope was checked by personnel-service, whose
     * event this is). A row whose assignment exists (by id, or the same official in the deployment) is skipped, so
     * importing an annex again changes nothing; a row that breaks a rule now (the world moved since the import) is
     * skipped too, and recorded in the deployment's audit log, where its coordinators see it.
     *
     * @return the assignment created; empty when skipped or refused
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Assignment> createFromAnnex(AnnexAssignmentRequested row) {
        Deployment d = deployments.findById(row.deploymentId());
        if (d == null) {
            LOG.warnf("Annex import %s: assignment %s of official %s names deployment %s, unknown here; skipped",
                    row.importId(), row.assignmentId(), row.officialId(), row.deploymentId());
            return Optional.empty();
        }
        if (assignments.findById(row.assignmentId()) != null
                || assignments.count("deployment.id = ?1 and officialId = ?2", d.id, row.officialId()) > 0) {
            LOG.infof("Annex import %s: official %s already has an assignment in deployment %s; skipped",
                    row.importId(), row.officialId(), d.id);
            return Optional.empty();
        }
        String actor = row.requestedBy() != null ? row.requestedBy() : ANNEX_ACTOR;
        String note = "imported from annex " + row.importId();
        try {
            if (!d.ministryCode.equals(row.ministryCode())) {
                throw ProblemException.forbidden("the annex was imported by " + row.ministryCode()
                        + ", not by the deployment's ministry " + d.ministryCode);
            }
            KnownOfficial official = officials.findById(row.officialId());
            if (official != null && !official.ministryCode.equals(row.ministryCode())) {
                throw ProblemException.forbidden(official.fullName + " belongs to " + official.ministryCode
                        + ", not to " + row.ministryCode());
            }
            AssignmentRole role = "LEAD".equals(row.role()) ? AssignmentRole.LEAD : AssignmentRole.MEMBER;
            return Optional.of(createIn(d, row.assignmentId(), new AssignmentRequest(row.officialId(),
                    row.provinceCode(), role, null, null, List.of(), null, false, null), null, actor, note));
        } catch (ProblemException refused) {
            String why = refused.getMessage() + refused.violations().stream()
                    .map(v -> "; " + v.field() + ": " + v.message()).reduce("", String::concat);
            LOG.warnf("Annex import %s: assignment %s of official %s in deployment %s refused: %s", row.importId(),
                    row.assignmentId(), row.officialId(), d.id, refused.type());
            Map<String, Object> refusal = new LinkedHashMap<>();
            refusal.put("assignmentId", row.assignmentId());
            refusal.put("officialId", row.officialId());
            refusal.put("provinceCode", row.provinceCode());
            refusal.put("role", row.role());
            refusal.put("refusal", why);
            audit.record(DeploymentService.AUDIT_TYPE, d.id, d.ministryCode, "annex-row-refused", Map.of(), refusal,
                    actor, note);
            return Optional.empty();
        }
    }

    /**
     * Adds an assignment to {@code d} by every rule; {@code access} null when an event (not a caller) asks, its
     * scope checked by the event's producer.
     */
    private Assignment createIn(Deployment d, UUID id, AssignmentRequest request, AssignmentAccess access,
                                String actor, String note) {
        if (!d.status.open()) {
            throw new ProblemException(ProblemType.CONFLICT, "Deployment " + d.id + " is " + d.status
                    + ": no assignment can be added");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        AssignmentRole role = request.role() != null ? request.role() : AssignmentRole.MEMBER;
        String leadTitle = request.leadTitle() == null || request.leadTitle().isBlank() ? null
                : Text.nfc("leadTitle", request.leadTitle().strip());
        violations.addAll(placeViolations(d, request.provinceCode(), role, leadTitle, request.focusCommunes()));
        LocalDate start = request.startDate() != null ? request.startDate() : d.startDate;
        LocalDate end = request.endDate() != null ? request.endDate() : d.endDate;
        if (end.isBefore(start)) {
            violations.add(new Problem.Violation("endDate", "must not be before startDate (" + start + ")"));
        }
        violations.addAll(outsideDeployment(d, start, end));
        if (request.provinceCode() != null) {
            violations.addAll(communeViolations(request.focusCommunes(), request.provinceCode(), start));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The assignment is not valid", violations);
        }
        KnownOfficial official = requireAssignable("officialId", request.officialId());
        if (!d.accepts(official.ministryCode)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The official cannot be assigned",
                    List.of(new Problem.Violation("officialId", official.fullName + " belongs to "
                            + official.ministryCode + "; this deployment takes officials of " + d.ministryCode
                            + (d.partnerMinistries.isEmpty() ? "" : " and " + String.join(", ", d.partnerMinistries)))));
        }
        // a ministry decides about its own officials: a partner's officials are assigned by the partner's admins
        if (access != null && !access.canManage(official.ministryCode)) {
            throw ProblemException.forbidden(official.fullName + " belongs to " + official.ministryCode
                    + ": only an admin or coordinator of " + official.ministryCode + " may assign them");
        }
        Period period = new Period(start, end);
        requireFree(official.id, period, d.period(), Set.of());
        if (role == AssignmentRole.LEAD) {
            requireNoOtherLeader(d, null);
        }
        if (!request.allowExcess() && !d.type.group()) {
            requireRoom(d, request.provinceCode(), period, null);
        }

        Assignment a = new Assignment();
        a.id = id;
        a.deployment = d;
        a.ministryCode = d.ministryCode;
        a.officialId = official.id;
        a.officialMinistryCode = official.ministryCode;
        a.provinceCode = request.provinceCode();
        a.role = role;
        a.leadTitle = leadTitle;
        a.focusCommunes = new ArrayList<>(distinct(request.focusCommunes()));
        a.startDate = start;
        a.endDate = end;
        a.status = AssignmentStatus.PLANNED;
        a.createdAt = clock.instant();
        a.createdBy = actor;
        a.updatedAt = a.createdAt;
        a.updatedBy = a.createdBy;
        assignments.persist(a);
        Decision decision = request.decision() != null
                ? decisions.require(d.ministryCode, null, request.decision(), a.createdBy) : decisions.issuing(d);
        revisions.record(a, RevisionChange.CREATED, decision.signedOn, null, decision, a.createdBy);
        audit.record(AUDIT_TYPE, a.id, a.ministryCode, "created", Map.of(), mapper.auditState(a), a.createdBy,
                (request.allowExcess() ? decision.number + " (above the coverage rule, accepted deliberately)"
                        : decision.number) + (note == null ? "" : " (" + note + ")"));
        events.publish(AssignmentEvents.ASSIGNMENT_CREATED, a.id, a.ministryCode, mapper.toSnapshot(a));
        return a;
    }

    /** One assignment the caller may see; others answer 404, so colleagues' assignments are not probed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Assignment get(UUID id, AssignmentAccess access) {
        Assignment a = assignments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Assignment", id));
        if (!access.canSee(a)) {
            throw ProblemException.notFound("Assignment", id);
        }
        return a;
    }

    /** The version in force on {@code date}; 404 when the assignment had not been decided yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AssignmentRevision asOf(Assignment a, LocalDate date) {
        return assignments.asOf(a.id, date).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "Assignment " + a.id + " had not been decided yet on " + date));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignmentRevision> revisions(UUID id) {
        return assignments.revisions(id);
    }

    /** Role and focus communes (JSON Merge Patch); periods and states change through their own operations. */
    @Transactional
    public Assignment patchDetails(UUID id, String ifMatch, JsonNode patch, AssignmentAccess access) {
        Assignment a = changeable(id, ifMatch, access);
        AssignmentDetailsRequest merged = mergePatch.apply(
                new AssignmentDetailsRequest(a.role, List.copyOf(a.focusCommunes), a.leadTitle), patch);
        // a leader who becomes a member leads with no title any more
        String leadTitle = merged.role() == AssignmentRole.MEMBER && !patch.has("leadTitle") ? null
                : merged.leadTitle() == null || merged.leadTitle().isBlank() ? null
                : Text.nfc("leadTitle", merged.leadTitle().strip());
        List<Problem.Violation> violations = new ArrayList<>(placeViolations(a.deployment, a.provinceCode,
                merged.role(), leadTitle, merged.focusCommunes()).stream()
                .filter(v -> !v.field().equals("provinceCode") || merged.role() != a.role).toList());
        if (a.provinceCode != null) {
            violations.addAll(communeViolations(merged.focusCommunes(), a.provinceCode, a.startDate));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The assignment is not valid", violations);
        }
        if (merged.role() == AssignmentRole.LEAD && a.role != AssignmentRole.LEAD && a.status.holds()) {
            requireNoOtherLeader(a.deployment, a.id);
        }
        Map<String, Object> before = mapper.auditState(a);
        a.role = merged.role();
        a.leadTitle = leadTitle;
        a.focusCommunes = new ArrayList<>(distinct(merged.focusCommunes()));
        if (audit.record(AUDIT_TYPE, a.id, a.ministryCode, "updated", before, mapper.auditState(a),
                access.caller().username(), null)) {
            touch(a, access.caller().username());
        }
        return a;
    }

    /** Extension, early return or a moved period, by a later decision; the old period stays as a revision. */
    @Transactional
    public Assignment changePeriod(UUID id, String ifMatch, PeriodChangeRequest request, AssignmentAccess access) {
        Assignment a = changeable(id, ifMatch, access);
        requireHolding(a, "change the period of");
        if (request.assignments() != null) {
            throw ProblemException.invalid("assignments", "applies to a deployment's reschedule only");
        }
        Period to = DeploymentService.period(request.startDate(), request.endDate());
        if (a.status == AssignmentStatus.ACTIVE && !to.startDate().equals(a.startDate)) {
            throw ProblemException.invalid("startDate", "cannot move: the official arrived on " + a.arrivedOn
                    + "; change only the end date");
        }
        if (to.equals(a.period())) {
            throw new ProblemException(ProblemType.CONFLICT, "The assignment already runs " + to.startDate() + " to "
                    + to.endDate());
        }
        List<Problem.Violation> outside = outsideDeployment(a.deployment, to.startDate(), to.endDate());
        if (!outside.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The new period is not valid", outside);
        }
        requireFree(a.officialId, to, a.deployment.period(), Set.of(a.id));
        if (!a.deployment.type.group()) {
            requireRoom(a.deployment, a.provinceCode, to, a.id);
        }
        RevisionChange change = to.startDate().equals(a.startDate)
                ? (to.endDate().isAfter(a.endDate) ? RevisionChange.EXTENDED : RevisionChange.SHORTENED)
                : RevisionChange.RESCHEDULED;
        String actor = access.caller().username();
        move(a, to, change, decisions.require(a.ministryCode, request.decisionId(), request.decision(), actor),
                Text.nfc("reason", request.reason()), actor);
        return a;
    }

    /** The official's arrival is confirmed: active from that day; the deployment is then in progress. */
    @Transactional
    public Assignment arrive(UUID id, String ifMatch, ArrivalRequest request, AssignmentAccess access) {
        Assignment a = changeable(id, ifMatch, access);
        if (a.status != AssignmentStatus.PLANNED) {
            throw new ProblemException(ProblemType.CONFLICT, "Assignment " + id + " is " + a.status
                    + ": only a planned assignment can start");
        }
        Deployment d = a.deployment;
        if (d.status == DeploymentStatus.DRAFT) {
            throw new ProblemException(ProblemType.CONFLICT, "The deployment's decision " + d.decisionNumber
                    + " has not been issued yet");
        }
        if (!a.period().contains(request.arrivedOn())) {
            throw ProblemException.invalid("arrivedOn", "must fall within the assignment's period " + a.startDate
                    + " to " + a.endDate);
        }
        String actor = access.caller().username();
        Map<String, Object> before = mapper.auditState(a);
        a.status = AssignmentStatus.ACTIVE;
        a.arrivedOn = request.arrivedOn();
        touch(a, actor);
        revisions.record(a, RevisionChange.STARTED, request.arrivedOn(), null, null, actor);
        audit.record(AUDIT_TYPE, a.id, a.ministryCode, "started", before, mapper.auditState(a), actor, null);
        events.publish(AssignmentEvents.ASSIGNMENT_STARTED, a.id, a.ministryCode, mapper.toSnapshot(a));
        if (d.status == DeploymentStatus.ISSUED) {
            d.status = DeploymentStatus.IN_PROGRESS;
            d.updatedAt = clock.instant();
            d.updatedBy = actor;
            revisions.record(d, RevisionChange.STARTED, request.arrivedOn(), null, null, actor);
        }
        return a;
    }

    /** The official's work in the province is over (on the planned end, or earlier: an early return). */
    @Transactional
    public Assignment complete(UUID id, String ifMatch, StatusChangeRequest request, AssignmentAccess access) {
        Assignment a = changeable(id, ifMatch, access);
        if (a.status != AssignmentStatus.ACTIVE) {
            throw new ProblemException(ProblemType.CONFLICT, "Assignment " + id + " is " + a.status
                    + ": only an active assignment can be completed (withdraw a planned one)");
        }
        LocalDate endedOn = request.effectiveOn() != null ? request.effectiveOn() : a.endDate;
        if (endedOn.isBefore(a.arrivedOn) || endedOn.isAfter(a.endDate)) {
            throw ProblemException.invalid("effectiveOn", "must fall between the arrival " + a.arrivedOn
                    + " and the end " + a.endDate + "; extend the period first to end later");
        }
        String actor = access.caller().username();
        complete(a, endedOn, Text.nfc("reason", request.reason()),
                decisions.resolve(a.ministryCode, request.decisionId(), request.decision(), "decisionId", "decision",
                        actor), actor);
        return a;
    }

    /**
     * The ministry accepted the official's final report (report-service's final-report.accepted): the work is over,
     * so an assignment still held (planned or active) is completed, as {@link #complete} would, ending on its end
     * date, or on the day of acceptance (Vietnam) when that is earlier: the report closes the work, and the weeks
     * after it should owe nothing. Never before the start or the arrival. A planned assignment is completed too:
     * its arrival was never confirmed, but the accepted report shows the work was done; its arrival stays unknown.
     * An assignment no longer held (completed, withdrawn, replaced) or unknown here is left as it is.
     *
     * @return whether the assignment was completed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean completeOnFinalReport(UUID id, UUID reportId, Instant acceptedAt, String acceptedBy) {
        Assignment a = assignments.findById(id);
        if (a == null || !a.status.holds()) {
            return false;
        }
        LocalDate acceptedOn = VietnamTime.dayOf(acceptedAt);
        LocalDate earliest = a.arrivedOn != null ? a.arrivedOn : a.startDate;
        LocalDate endedOn = acceptedOn.isBefore(a.endDate) ? acceptedOn : a.endDate;
        if (endedOn.isBefore(earliest)) {
            endedOn = earliest;
        }
        String reason = "Báo cáo tổng hợp cuối đợt (" + reportId + ") đã được chấp nhận ngày "
                + acceptedOn.format(VIETNAMESE_DATE);
        complete(a, endedOn, reason, null, acceptedBy == null ? FINAL_REPORT_ACTOR : acceptedBy);
        return true;
    }

    private void complete(Assignment a, LocalDate endedOn, String reason, Decision decision, String actor) {
        Map<String, Object> before = mapper.auditState(a);
        a.status = AssignmentStatus.COMPLETED;
        a.endDate = endedOn;
        touch(a, actor);
        revisions.record(a, RevisionChange.COMPLETED, endedOn, reason, decision, actor);
        audit.record(AUDIT_TYPE, a.id, a.ministryCode, "completed", before, mapper.auditState(a), actor, reason);
        events.publish(AssignmentEvents.ASSIGNMENT_ENDED, a.id, a.ministryCode, mapper.toSnapshot(a));
    }

    /** Called off before the official went; an official on site ends their assignment instead. */
    @Transactional
    public Assignment withdraw(UUID id, String ifMatch, StatusChangeRequest request, AssignmentAccess access) {
        Assignment a = changeable(id, ifMatch, access);
        String actor = access.caller().username();
        Decision decision = decisions.resolve(a.ministryCode, request.decisionId(), request.decision(), "decisionId",
                "decision", actor);
        withdraw(a, DeploymentService.effectiveOn(request, decision, clock), Text.nfc("reason", request.reason()),
                decision, actor);
        return a;
    }

    /**
     * Another official takes over from {@code from}: the replaced assignment ends the day before and links to the
     * new one, which keeps the province, role, focus communes and end date.
     */
    @Transactional
    public Assignment replace(UUID id, String ifMatch, ReplacementRequest request, AssignmentAccess access) {
        Assignment old = changeable(id, ifMatch, access);
        requireHolding(old, "replace");
        if (!old.period().contains(request.from())
                || (old.arrivedOn != null && !request.from().isAfter(old.arrivedOn))) {
            throw ProblemException.invalid("from", "must fall within the assignment's period " + old.startDate
                    + " to " + old.endDate + (old.arrivedOn == null ? "" : ", after the arrival on " + old.arrivedOn));
        }
        KnownOfficial official = requireAssignable("officialId", request.officialId());
        if (official.id.equals(old.officialId)) {
            throw ProblemException.invalid("officialId", "is already the assigned official");
        }
        if (!old.deployment.accepts(official.ministryCode)) {
            throw ProblemException.invalid("officialId", official.fullName + " belongs to " + official.ministryCode
                    + ", not to a ministry of this deployment");
        }
        Period period = new Period(request.from(), old.endDate);
        requireFree(official.id, period, old.deployment.period(), Set.of());
        String actor = access.caller().username();
        String reason = Text.nfc("reason", request.reason());
        Decision decision = decisions.require(old.ministryCode, null, request.decision(), actor);

        Assignment next = new Assignment();
        next.id = UUID.randomUUID();
        next.deployment = old.deployment;
        next.ministryCode = old.ministryCode;
        next.officialId = official.id;
        next.officialMinistryCode = official.ministryCode;
        next.provinceCode = old.provinceCode;
        next.role = old.role;
        next.leadTitle = old.leadTitle;
        next.focusCommunes = new ArrayList<>(old.focusCommunes);
        next.startDate = period.startDate();
        next.endDate = period.endDate();
        next.status = AssignmentStatus.PLANNED;
        next.replacesId = old.id;
        next.createdAt = clock.instant();
        next.createdBy = actor;
        next.updatedAt = next.createdAt;
        next.updatedBy = actor;

        Map<String, Object> before = mapper.auditState(old);
        old.status = AssignmentStatus.REPLACED;
        old.replacedById = next.id;
        if (old.arrivedOn != null) {
            // the official was on site until the day before the successor starts
            old.endDate = request.from().minusDays(1);
        }
        touch(old, actor);
        assignments.persist(next);
        revisions.record(old, RevisionChange.REPLACED, decision.effectiveFrom, reason, decision, actor);
        revisions.record(next, RevisionChange.CREATED, decision.effectiveFrom, reason, decision, actor);
        audit.record(AUDIT_TYPE, old.id, old.ministryCode, "replaced", before, mapper.auditState(old), actor,
                decision.number + ": " + reason);
        audit.record(AUDIT_TYPE, next.id, next.ministryCode, "created", Map.of(), mapper.auditState(next), actor,
                decision.number + ": " + reason);
        events.publish(AssignmentEvents.ASSIGNMENT_REPLACED, old.id, old.ministryCode, mapper.toSnapshot(old));
        events.publish(AssignmentEvents.ASSIGNMENT_CREATED, next.id, next.ministryCode, mapper.toSnapshot(next));
        return next;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<Assignment> list(AssignmentFilter filter, Paging paging, AssignmentAccess access) {
        AssignmentScope scope = access.scope();
        if (scope.nothing()) {
            return new PageView<>(List.of(), paging.page, paging.size, 0);
        }
        Where where = scope.restrictWithOwnOfficials(Where.from("Assignment a"), "a")
                .and("a.deployment.id = :deployment", "deployment", filter.deployment)
                .and("a.ministryCode in :ministries", "ministries", filter.ministries)
                .and("a.provinceCode = :province", "province", filter.province)
                .and("a.status = :status", "status", filter.status)
                .and("a.officialId = :official", "official", filter.official)
                .and("a.startDate <= :date and a.endDate >= :date", "date", filter.date)
                .and("exists (select 1 from AssignmentRevision r where r.assignmentId = a.id"
                        + " and r.effectiveFrom <= :asOf)", "asOf", filter.asOf);
        PanacheQuery<Assignment> query = assignments.find(where.jpql(),
                Sorting.parse(filter.sort, DEFAULT_SORT, SORTABLE).and("startDate").and("id"), where.parameters())
                .page(Page.of(paging.page, paging.size));
        return new PageView<>(query.list(), paging.page, paging.size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<AuditRecordView> history(UUID id, Paging paging, AssignmentAccess access) {
        Assignment a = assignments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Assignment", id));
        if (!access.canManage(a)) {
            if (access.canSee(a)) {
                access.requireManage(a.ministryCode);
            }
            throw ProblemException.notFound("Assignment", id);
        }
        return audit.history(AUDIT_TYPE, id, paging);
    }

    /** An assignment that moved with its deployment: its period before and after, and whether it was clipped. */
    public record Moved(UUID assignmentId, LocalDate previousStartDate, LocalDate previousEndDate, LocalDate startDate,
                        LocalDate endDate, boolean clipped) {
    }

    /**
     * The deployment moved from {@code from} to {@code to}: every assignment still held moves with it, start by
     * the start's shift (unless the official has already arrived) and end by the end's shift, each as an amendment
     * by the same decision with its own assignment.rescheduled event. One that would then lie outside the new period
     * refuses the whole move (409 naming it), or with {@code fit} is clipped into it; either way the move is refused
     * as a whole (409 naming them) when one would overlap another assignment of its official, and with {@code fit}
     * when clipping leaves no day or would start it after the day its official arrived.
     *
     * @return the assignments that moved
     */
    List<Moved> followDeployment(Deployment d, Period from, Period to, Decision decision, String reason,
                                 String actor, boolean fit) {
        long startShift = ChronoUnit.DAYS.between(from.startDate(), to.startDate());
        long endShift = ChronoUnit.DAYS.between(from.endDate(), to.endDate());
        List<Map<String, Object>> conflicts = new ArrayList<>();
        List<Map<String, Object>> outside = new ArrayList<>();
        List<Map<String, Object>> unfit = new ArrayList<>();
        List<Assignment> moving = new ArrayList<>();
        List<Period> targets = new ArrayList<>();
        List<Boolean> clippedOnes = new ArrayList<>();
        for (Assignment a : assignments.ofDeployment(d.id)) {
            if (!a.status.holds()) {
                continue;
            }
            LocalDate start = a.status == AssignmentStatus.PLANNED ? a.startDate.plusDays(startShift) : a.startDate;
            LocalDate end = a.endDate.plusDays(endShift);
            Period target = new Period(start, end.isBefore(start) ? start : end);
            boolean clipped = false;
            if (!to.contains(target)) {
                if (!fit) {
                    // an official on site keeps the day they arrived: a deployment cannot start after it
                    outside.add(Map.of("assignmentId", a.id, "period", a.period(), "movedPeriod", target));
                    continue;
                }
                LocalDate clippedStart = target.startDate().isBefore(to.startDate()) ? to.startDate()
                        : target.startDate();
                LocalDate clippedEnd = target.endDate().isAfter(to.endDate()) ? to.endDate() : target.endDate();
                if (clippedEnd.isBefore(clippedStart)) {
                    unfit.add(unfit(a, null, "NO_DAY_LEFT", "no day of it lies within the new period"));
                    continue;
                }
                if (a.arrivedOn != null && a.arrivedOn.isBefore(clippedStart)) {
                    unfit.add(unfit(a, new Period(clippedStart, clippedEnd), "ARRIVED_BEFORE_START",
                            "the official arrived on " + a.arrivedOn + ", before the new start"));
                    continue;
                }
                target = new Period(clippedStart, clippedEnd);
                clipped = true;
            }
            if (target.equals(a.period())) {
                continue;
            }
            Period moved = target;
            Optional<Assignment> overlapping = firstOverlapping(occupiedBy(a.officialId, Set.of(a.id)), moved);
            if (overlapping.isPresent()) {
                if (fit) {
                    Map<String, Object> refused = unfit(a, moved, "OVERLAP",
                            "would overlap another assignment of the official");
                    refused.put("conflictingAssignment", describe(overlapping.get()));
                    unfit.add(refused);
                } else {
                    conflicts.add(Map.of("assignmentId", a.id, "movedPeriod", moved, "conflictingAssignment",
                            describe(overlapping.get())));
                }
                continue;
            }
            moving.add(a);
            targets.add(moved);
            clippedOnes.add(clipped);
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, outside.size() + " assignment(s) would lie outside the "
                    + "deployment's new period " + to.startDate() + " to " + to.endDate() + ": change or complete "
                    + "them first, or send \"assignments\": \"FIT\" to clip them into it; nothing was moved")
                    .with("outsideAssignments", outside);
        }
        if (!conflicts.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, conflicts.size() + " assignment(s) would overlap another "
                    + "assignment of the same official; nothing was moved").with("conflicts", conflicts);
        }
        if (!unfit.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, unfit.size() + " assignment(s) cannot fit into the "
                    + "deployment's new period " + to.startDate() + " to " + to.endDate() + ": change, complete or "
                    + "withdraw them first; nothing was moved").with("unfitAssignments", unfit);
        }
        List<Moved> moved = new ArrayList<>();
        for (int i = 0; i < moving.size(); i++) {
            Assignment a = moving.get(i);
            Period previous = a.period();
            move(a, targets.get(i), RevisionChange.RESCHEDULED, decision, reason, actor);
            moved.add(new Moved(a.id, previous.startDate(), previous.endDate(), a.startDate, a.endDate,
                    clippedOnes.get(i)));
        }
        return moved;
    }

    private static Map<String, Object> unfit(Assignment a, Period target, String reason, String detail) {
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("assignmentId", a.id);
        refused.put("period", a.period());
        if (target != null) {
            refused.put("movedPeriod", target);
        }
        refused.put("reason", reason);
        refused.put("detail", detail);
        return refused;
    }

    /** Cancelling a deployment: its planned assignments are withdrawn; refused while an official is on site. */
    void withdrawAll(Deployment d, LocalDate effectiveOn, String reason, Decision decision, String actor) {
        List<Assignment> held = assignments.ofDeployment(d.id).stream().filter(a -> a.status.holds()).toList();
        List<UUID> onSite = held.stream().filter(a -> a.status == AssignmentStatus.ACTIVE).map(a -> a.id).toList();
        if (!onSite.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, onSite.size() + " official(s) are on site: complete their "
                    + "assignments before cancelling the deployment").with("activeAssignments", onSite);
        }
        held.forEach(a -> withdraw(a, effectiveOn, reason, decision, actor));
    }

    long holdingIn(Deployment d) {
        return assignments.countHolding(d.id);
    }

    private void withdraw(Assignment a, LocalDate effectiveOn, String reason, Decision decision, String actor) {
        if (a.status != AssignmentStatus.PLANNED) {
            throw new ProblemException(ProblemType.CONFLICT, "Assignment " + a.id + " is " + a.status
                    + ": only a planned assignment can be withdrawn (complete an active one)");
        }
        Map<String, Object> before = mapper.auditState(a);
        a.status = AssignmentStatus.WITHDRAWN;
        touch(a, actor);
        revisions.record(a, RevisionChange.WITHDRAWN, effectiveOn, reason, decision, actor);
        audit.record(AUDIT_TYPE, a.id, a.ministryCode, "withdrawn", before, mapper.auditState(a), actor, reason);
        events.publish(AssignmentEvents.ASSIGNMENT_WITHDRAWN, a.id, a.ministryCode, mapper.toSnapshot(a));
    }

    private void move(Assignment a, Period to, RevisionChange change, Decision decision, String reason,
                      String actor) {
        Map<String, Object> before = mapper.auditState(a);
        a.startDate = to.startDate();
        a.endDate = to.endDate();
        touch(a, actor);
        revisions.record(a, change, decision.effectiveFrom, reason, decision, actor);
        audit.record(AUDIT_TYPE, a.id, a.ministryCode, change.name().toLowerCase(), before, mapper.auditState(a),
                actor, decision.number + ": " + reason);
        events.publish(AssignmentEvents.ASSIGNMENT_RESCHEDULED, a.id, a.ministryCode, mapper.toSnapshot(a));
    }

    /**
     * The overlap rule: 409 naming the first assignment of the official that meets {@code period} and suggesting
     * the nearest free period of the same length within the deployment's period {@code within}, if there is one.
     */
    private void requireFree(UUID officialId, Period period, Period within, Set<UUID> excluded) {
        List<Assignment> occupied = occupiedBy(officialId, excluded);
        firstOverlapping(occupied, period).ifPresent(other -> {
            Optional<Period> suggestion = FreePeriods.nearest(occupied.stream().map(Assignment::period).toList(),
                    period, within);
            ProblemException conflict = new ProblemException(ProblemType.CONFLICT, "The official already holds "
                    + "assignment " + other.id + " " + place(other) + " (" + other.ministryCode
                    + ", " + other.deployment.decisionNumber + ") from " + other.startDate + " to " + other.endDate
                    + suggestion.map(free -> "; nearest free period of the same length: " + free.startDate() + " to "
                            + free.endDate()).orElse("; no free period of the same length within the deployment ("
                            + within.startDate() + " to " + within.endDate() + ")"))
                    .with("conflictingAssignment", describe(other));
            suggestion.ifPresent(free -> conflict.with("suggestedPeriod", free));
            throw conflict;
        });
    }

    /** Where an assignment sends its official, for messages: a province, or the group and its kind. */
    private static String place(Assignment a) {
        return a.provinceCode != null ? "in province " + a.provinceCode
                : "in " + a.deployment.type + " \"" + a.deployment.name + "\"";
    }

    /**
     * Where an official goes and as what. A resident secondment sends each official to one of its provinces. A
     * delegation's or working group's members go with it (no province), or, for a delegation, a member may be sent
     * to one of its provinces; its leader leads the whole group, with the title they lead with.
     */
    private List<Problem.Violation> placeViolations(Deployment d, String provinceCode, AssignmentRole role,
                                                    String leadTitle, List<String> focusCommunes) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (provinceCode == null) {
            if (!d.type.group()) {
                violations.add(new Problem.Violation("provinceCode", "is required: a resident secondment sends "
                        + "each official to one province (only a delegation's or working group's members go without)"));
            } else if (focusCommunes != null && !focusCommunes.isEmpty()) {
                violations.add(new Problem.Violation("focusCommunes", "need a province: a member who goes with the "
                        + "whole group has none"));
            }
        } else if (d.type == DeploymentType.STANDING_WORKING_GROUP) {
            violations.add(new Problem.Violation("provinceCode", "must be absent: a standing working group sits at "
                    + "the ministry"));
        } else if (!d.provinceCodes.contains(provinceCode)) {
            violations.add(new Problem.Violation("provinceCode",
                    provinceCode + " is not a target province of this deployment"));
        } else if (d.type.group() && role == AssignmentRole.LEAD) {
            violations.add(new Problem.Violation("provinceCode", "must be absent for the leader: they lead the "
                    + "whole " + d.type + ", wherever it goes"));
        }
        if (role == AssignmentRole.LEAD && d.type.group() && leadTitle == null) {
            violations.add(new Problem.Violation("leadTitle", "is required for the leader of a delegation or "
                    + "working group: the title they lead with, e.g. Thứ trưởng"));
        } else if (role != AssignmentRole.LEAD && leadTitle != null) {
            violations.add(new Problem.Violation("leadTitle", "only the LEAD has a lead title"));
        }
        return violations;
    }

    /** A delegation or working group has one leader at a time: 409 naming the one it already has. */
    private void requireNoOtherLeader(Deployment d, UUID excluded) {
        if (!d.type.group()) {
            return;
        }
        assignments.leaderOf(d.id).filter(lead -> !lead.id.equals(excluded)).ifPresent(lead -> {
            throw new ProblemException(ProblemType.CONFLICT, "The " + d.type + " \"" + d.name + "\" is already "
                    + "led by assignment " + lead.id + " (" + lead.leadTitle + "): a group has one leader; replace "
                    + "or withdraw that assignment, or make this official a MEMBER")
                    .with("existingLeader", Map.of("assignmentId", lead.id, "officialId", lead.officialId,
                            "leadTitle", lead.leadTitle == null ? "" : lead.leadTitle));
        });
    }

    /** An assignment runs within its deployment's period: the violations of {@code start}..{@code end} if not. */
    private static List<Problem.Violation> outsideDeployment(Deployment d, LocalDate start, LocalDate end) {
        List<Problem.Violation> violations = new ArrayList<>();
        String period = " (" + d.startDate + " to " + d.endDate + ")";
        if (start.isBefore(d.startDate) || start.isAfter(d.endDate)) {
            violations.add(new Problem.Violation("startDate", "must lie within the deployment's period" + period));
        }
        if (end.isBefore(d.startDate) || end.isAfter(d.endDate)) {
            violations.add(new Problem.Violation("endDate", "must lie within the deployment's period" + period));
        }
        return violations;
    }

    /** The official's occupied assignments, one query, without {@code excluded}. */
    private List<Assignment> occupiedBy(UUID officialId, Set<UUID> excluded) {
        return assignments.occupiedBy(officialId).stream().filter(a -> !excluded.contains(a.id)).toList();
    }

    private static Optional<Assignment> firstOverlapping(List<Assignment> occupied, Period period) {
        return occupied.stream().filter(a -> a.period().overlaps(period)).findFirst();
    }

    /** The coverage rule: no more officials in a province at once than the deployment asks for, unless deliberate. */
    private void requireRoom(Deployment d, String provinceCode, Period period, UUID excluded) {
        int required = d.required(provinceCode);
        List<Assignment> beside = assignments.holdingInProvince(d.id, provinceCode, period.startDate(),
                period.endDate(), excluded == null ? new UUID(0, 0) : excluded);
        if (beside.size() + 1 > required) {
            throw new ProblemException(ProblemType.CONFLICT, "Province " + provinceCode + " would have "
                    + (beside.size() + 1) + " officials in this deployment where its coverage rule asks for "
                    + required + "; send allowExcess=true to accept the excess deliberately")
                    .with("coverage", Map.of("provinceCode", provinceCode, "required", required,
                            "assignments", beside.stream().map(a -> a.id).toList()));
        }
    }

    private List<Problem.Violation> communeViolations(List<String> communes, String provinceCode, LocalDate on) {
        List<Problem.Violation> violations = new ArrayList<>();
        LocalDate asOf = on.isBefore(AdministrativeUnits.FIRST_DAY) ? AdministrativeUnits.FIRST_DAY : on;
        for (int i = 0; communes != null && i < communes.size(); i++) {
            try {
                units.requireCommuneIn("focusCommunes[" + i + "]", communes.get(i), provinceCode, asOf);
            } catch (ProblemException e) {
                violations.addAll(e.violations());
            }
        }
        return violations;
    }

    private static Map<String, Object> describe(Assignment a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assignmentId", a.id);
        d.put("deploymentId", a.deployment.id);
        d.put("decisionNumber", a.deployment.decisionNumber);
        d.put("ministryCode", a.ministryCode);
        d.put("provinceCode", a.provinceCode);
        d.put("startDate", a.startDate);
        d.put("endDate", a.endDate);
        d.put("status", a.status);
        return d;
    }

    private Assignment changeable(UUID id, String ifMatch, AssignmentAccess access) {
        Assignment a = assignments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Assignment", id));
        if (!access.canManage(a)) {
            if (access.canSee(a)) {
                access.requireManage(a.ministryCode);
            }
            throw ProblemException.notFound("Assignment", id);
        }
        Versions.requireMatch(ifMatch, a.version);
        return a;
    }

    private static void requireHolding(Assignment a, String action) {
        if (!a.status.holds()) {
            throw new ProblemException(ProblemType.CONFLICT, "Cannot " + action + " assignment " + a.id + ": it is "
                    + a.status);
        }
    }

    private void touch(Assignment a, String actor) {
        a.updatedAt = clock.instant();
        a.updatedBy = actor;
    }

    private static Set<String> distinct(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    /**
     * The official named in {@code field}, who must be known and active: a 422 problem otherwise, since the
     * request is well-formed but names someone who cannot be assigned.
     */
    private KnownOfficial requireAssignable(String field, UUID officialId) {
        KnownOfficial official = officials.findById(officialId);
        if (official == null) {
            throw unassignable(field, "is not an official known from personnel-service: register them there first");
        }
        if (!official.active) {
            throw unassignable(field, official.fullName + " is deactivated in personnel-service and cannot be assigned");
        }
        return official;
    }

    private static ProblemException unassignable(String field, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The official cannot be assigned",
                List.of(new Problem.Violation(field, message)));
    }
}
