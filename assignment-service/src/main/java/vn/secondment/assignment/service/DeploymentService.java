package vn.secondment.assignment.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.Decision;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentRevision;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.assignment.ItineraryStop;
import vn.secondment.assignment.Period;
import vn.secondment.assignment.RevisionChange;
import vn.secondment.assignment.mapping.AssignmentMapper;
import vn.secondment.assignment.repository.DeploymentRepository;
import vn.secondment.assignment.rest.DeploymentFilter;
import vn.secondment.assignment.rest.DeploymentRequest;
import vn.secondment.assignment.rest.PeriodChangeRequest;
import vn.secondment.assignment.rest.StatusChangeRequest;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.data.Sorting;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.EventType;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.DeploymentSnapshot;
import vn.secondment.events.outbox.EventPublisher;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Deployments (đợt tăng cường): created as drafts, issued by their decision, moved by later decisions (their
 * assignments follow), then completed or cancelled. Every change is checked against the caller's ministry and the
 * record's version, kept as a dated revision, audited, and announced through the outbox in the same transaction.
 */
@ApplicationScoped
public class DeploymentService {

    public static final String AUDIT_TYPE = "deployment";
    public static final Map<String, String> SORTABLE = new LinkedHashMap<>();
    public static final String DEFAULT_SORT = "-startDate";

    static {
        SORTABLE.put("startDate", "startDate");
        SORTABLE.put("ministryCode", "ministryCode");
        SORTABLE.put("name", "name");
        SORTABLE.put("createdAt", "createdAt");
    }

    private final DeploymentRepository deployments;
    private final DecisionService decisions;
    private final AssignmentService assignments;
    private final AdministrativeUnits units;
    private final Revisions revisions;
    private final AssignmentMapper mapper;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final MergePatch mergePatch;
    private final Clock clock;

    public DeploymentService(DeploymentRepository deployments, DecisionService decisions, AssignmentService assignments,
                             AdministrativeUnits units, Revisions revisions, AssignmentMapper mapper, AuditTrail audit,
                             EventPublisher events, MergePatch mergePatch, Clock clock) {
        this.deployments = deployments;
        this.decisions = decisions;
        this.assignments = assignments;
        this.units = units;
        this.revisions = revisions;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /** A new draft: nothing is announced until it is issued. */
    @Transactional
    public Deployment create(DeploymentRequest request, AssignmentAccess access) {
        String ministry = request.ministryCode() != null ? request.ministryCode()
                : access.caller().ministry().orElseThrow(() ->
                        ProblemException.invalid("ministryCode", "is required when your account has no ministry"));
        access.requireManage(ministry);
        Deployment d = new Deployment();
        d.id = UUID.randomUUID();
        d.ministryCode = ministry;
        d.status = DeploymentStatus.DRAFT;
        d.createdAt = clock.instant();
        d.createdBy = access.caller().username();
        d.updatedAt = d.createdAt;
        d.updatedBy = d.createdBy;
        Decision decision = apply(request, d, d.createdBy);
        deployments.persist(d);
        revisions.record(d, RevisionChange.CREATED, d.decisionDate, null, decision, d.createdBy);
        audit.record(AUDIT_TYPE, d.id, ministry, "created", Map.of(), mapper.auditState(d), d.createdBy, null);
        // announced as a draft so that an annex can be imported into it (personnel-service) before it is issued
        events.publish(AssignmentEvents.DEPLOYMENT_DRAFTED, d.id, ministry, mapper.toSnapshot(d, null));
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Deployment get(UUID id) {
        return deployments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Deployment", id));
    }

    /** The version in force on {@code date}; 404 when the deployment had not been decided yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeploymentRevision asOf(Deployment d, LocalDate date) {
        return deployments.asOf(d.id, date).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "Deployment " + d.id + " did not exist yet on " + date + " (decided " + d.decisionDate + ")"));
    }

    /** The versions of several deployments in force on {@code date}, for a list asked "as of". */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, DeploymentRevision> asOf(List<UUID> ids, LocalDate date) {
        return deployments.asOf(ids, date);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeploymentRevision> revisions(UUID id) {
        return deployments.revisions(id);
    }

    /** Full update while still a draft; an issued deployment changes only by amendment. */
    @Transactional
    public Deployment replace(UUID id, String ifMatch, DeploymentRequest request, AssignmentAccess access) {
        Deployment d = editableDraft(id, ifMatch, access);
        return update(d, request, access);
    }

    @Transactional
    public Deployment patch(UUID id, String ifMatch, JsonNode patch, AssignmentAccess access) {
        Deployment d = editableDraft(id, ifMatch, access);
        return update(d, mergePatch.apply(mapper.toRequest(d), patch), access);
    }

    /** The decision is signed: the round and its assignments are official. */
    @Transactional
    public Deployment issue(UUID id, String ifMatch, AssignmentAccess access) {
        Deployment d = changeable(id, ifMatch, access);
        requireStatus(d, "issue", DeploymentStatus.DRAFT);
        Map<String, Object> before = mapper.auditState(d);
        d.status = DeploymentStatus.ISSUED;
        touch(d, access);
        revisions.record(d, RevisionChange.ISSUED, d.decisionDate, null, decisions.issuing(d), d.updatedBy);
        audit.record(AUDIT_TYPE, d.id, d.ministryCode, "issued", before, mapper.auditState(d), d.updatedBy,
                d.decisionNumber);
        events.publish(AssignmentEvents.DEPLOYMENT_ISSUED, d.id, d.ministryCode, mapper.toSnapshot(d, null));
        return d;
    }

    /**
     * A later decision moves the whole round (878/QĐ-BNV: 20/8–20/10 became 3/9–3/11/2025). The old period stays
     * as a revision; every assignment still held follows (see {@link AssignmentService#followDeployment}).
     */
    @Transactional
    public Rescheduled reschedule(UUID id, String ifMatch, PeriodChangeRequest request, AssignmentAccess access) {
        Deployment d = changeable(id, ifMatch, access);
        requireStatus(d, "reschedule", DeploymentStatus.DRAFT, DeploymentStatus.ISSUED, DeploymentStatus.IN_PROGRESS);
        Period from = new Period(d.startDate, d.endDate);
        Period to = period(request.startDate(), request.endDate());
        if (from.equals(to)) {
            throw new ProblemException(ProblemType.CONFLICT, "The deployment already runs " + to.startDate() + " to "
                    + to.endDate());
        }
        String reason = Text.nfc("reason", request.reason());
        List<ItineraryStop> itinerary = movedItinerary(d, from, to, request.itinerary());
        String actor = access.caller().username();
        Decision decision = decisions.require(d.ministryCode, request.decisionId(), request.decision(), actor);
        Map<String, Object> before = mapper.auditState(d);
        d.startDate = to.startDate();
        d.endDate = to.endDate();
        if (itinerary != null) {
            d.itinerary = new ArrayList<>(itinerary);
            d.provinceCodes = new ArrayList<>(new TreeSet<>(itinerary.stream().map(ItineraryStop::provinceCode)
                    .toList()));
        }
        touch(d, access);
        revisions.record(d, RevisionChange.RESCHEDULED, decision.effectiveFrom, reason, decision, d.updatedBy);
        audit.record(AUDIT_TYPE, d.id, d.ministryCode, "rescheduled", before, mapper.auditState(d), d.updatedBy,
                decision.number + ": " + reason);
        List<AssignmentService.Moved> moved = assignments.followDeployment(d, from, to, decision, reason, d.updatedBy,
                request.assignments() == PeriodChangeRequest.ReschedulePolicy.FIT);
        events.publish(AssignmentEvents.DEPLOYMENT_RESCHEDULED, d.id, d.ministryCode, mapper.toSnapshot(d,
                new DeploymentSnapshot.Amendment(decision.number, decision.signedOn, reason,
                        from.startDate(), from.endDate())));
        return new Rescheduled(d, moved);
    }

    /**
     * The itinerary after a reschedule: the one given, or the current one moved by the start's shift; either must
     * fit the new period (400 naming each stop that does not). Null when the deployment has none and none is given.
     */
    private List<ItineraryStop> movedItinerary(Deployment d, Period from, Period to, List<ItineraryStop> given) {
        List<ItineraryStop> stops;
        if (given != null && !given.isEmpty()) {
            stops = List.copyOf(given);
        } else if (d.itinerary != null) {
            long shift = ChronoUnit.DAYS.between(from.startDate(), to.startDate());
            stops = d.itinerary.stream().map(stop -> stop.shifted(shift)).toList();
        } else {
            return null;
        }
        List<Problem.Violation> violations = itineraryViolations("itinerary", d.type, stops, to);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, given != null && !given.isEmpty()
                    ? "The new itinerary is not valid"
                    : "The itinerary moved with the start does not fit the new period: give the new itinerary",
                    violations);
        }
        return stops;
    }

    /** A rescheduled deployment and the assignments that moved with it. */
    public record Rescheduled(Deployment deployment, List<AssignmentService.Moved> moved) {
    }

    /** The round is over: allowed once no official still holds an assignment in it. */
    @Transactional
    public Deployment complete(UUID id, String ifMatch, StatusChangeRequest request, AssignmentAccess access) {
        Deployment d = changeable(id, ifMatch, access);
        requireStatus(d, "complete", DeploymentStatus.ISSUED, DeploymentStatus.IN_PROGRESS);
        long holding = assignments.holdingIn(d);
        if (holding > 0) {
            throw new ProblemException(ProblemType.CONFLICT, holding + " assignment(s) of this deployment are still "
                    + "planned or active: complete, withdraw or shorten them first");
        }
        Decision decision = decisions.resolve(d.ministryCode, request.decisionId(), request.decision(), "decisionId",
                "decision", access.caller().username());
        return close(d, DeploymentStatus.COMPLETED, RevisionChange.COMPLETED, "completed",
                AssignmentEvents.DEPLOYMENT_COMPLETED, request, decision, access);
    }

    /** Called off: planned assignments are withdrawn with it; refused while an official is already on site. */
    @Transactional
    public Deployment cancel(UUID id, String ifMatch, StatusChangeRequest request, AssignmentAccess access) {
        Deployment d = changeable(id, ifMatch, access);
        requireStatus(d, "cancel", DeploymentStatus.DRAFT, DeploymentStatus.ISSUED, DeploymentStatus.IN_PROGRESS);
        String reason = Text.nfc("reason", request.reason());
        Decision decision = decisions.resolve(d.ministryCode, request.decisionId(), request.decision(), "decisionId",
                "decision", access.caller().username());
        assignments.withdrawAll(d, effectiveOn(request, decision, clock), reason, decision,
                access.caller().username());
        return close(d, DeploymentStatus.CANCELLED, RevisionChange.CANCELLED, "cancelled",
                AssignmentEvents.DEPLOYMENT_CANCELLED, request, decision, access);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<Deployment> list(DeploymentFilter filter, Paging paging) {
        Where where = Where.from("Deployment d")
                .and("d.ministryCode in :ministries", "ministries", filter.ministries)
                .and("d.status = :status", "status", filter.status)
                .and("d.type = :type", "type", filter.type)
                .and("array_contains(d.provinceCodes, :province)", "province", filter.province)
                .and("d.startDate <= :date and d.endDate >= :date", "date", filter.date)
                .and("exists (select 1 from DeploymentRevision r where r.deploymentId = d.id"
                        + " and r.effectiveFrom <= :asOf)", "asOf", filter.asOf)
                .and("d.decisionNumber = :decision", "decision", Text.nfc("decision", filter.decision));
        PanacheQuery<Deployment> query = deployments.find(where.jpql(),
                Sorting.parse(filter.sort, DEFAULT_SORT, SORTABLE).and("id"), where.parameters())
                .page(Page.of(paging.page, paging.size));
        return new PageView<>(query.list(), paging.page, paging.size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<AuditRecordView> history(UUID id, Paging paging, AssignmentAccess access) {
        Deployment d = get(id);
        access.requireManage(d.ministryCode);
        return audit.history(AUDIT_TYPE, id, paging);
    }

    private Deployment close(Deployment d, DeploymentStatus status, RevisionChange change, String action,
                             EventType event, StatusChangeRequest request, Decision decision,
                             AssignmentAccess access) {
        String reason = Text.nfc("reason", request.reason());
        Map<String, Object> before = mapper.auditState(d);
        boolean issued = d.status != DeploymentStatus.DRAFT;
        d.status = status;
        touch(d, access);
        revisions.record(d, change, effectiveOn(request, decision, clock), reason, decision, d.updatedBy);
        audit.record(AUDIT_TYPE, d.id, d.ministryCode, action, before, mapper.auditState(d), d.updatedBy, reason);
        events.publish(event, d.id, d.ministryCode, mapper.toSnapshot(d, null, issued));
        return d;
    }

    private Deployment update(Deployment d, DeploymentRequest request, AssignmentAccess access) {
        if (request.ministryCode() != null && !request.ministryCode().equals(d.ministryCode)) {
            throw ProblemException.invalid("ministryCode", "cannot change: create the deployment in the other ministry");
        }
        Map<String, Object> before = mapper.auditState(d);
        Decision decision = apply(request, d, access.caller().username());
        Map<String, Object> after = mapper.auditState(d);
        if (!before.equals(after)) {
            touch(d, access);
            revisions.record(d, RevisionChange.EDITED, d.decisionDate, null, decision, d.updatedBy);
            audit.record(AUDIT_TYPE, d.id, d.ministryCode, "updated", before, after, d.updatedBy, null);
            events.publish(AssignmentEvents.DEPLOYMENT_DRAFTED, d.id, d.ministryCode, mapper.toSnapshot(d, null));
        }
        return d;
    }

    /** Applies the request and returns the issuing decision (found by id or number, or recorded now). */
    private Decision apply(DeploymentRequest request, Deployment d, String actor) {
        List<Problem.Violation> violations = new ArrayList<>();
        Period period = period(request.startDate(), request.endDate());
        if (period.startDate().isBefore(AdministrativeUnits.FIRST_DAY)) {
            violations.add(new Problem.Violation("startDate", "must be on or after " + AdministrativeUnits.FIRST_DAY
                    + ", when the 34 provinces came into being"));
        }
        if (request.decision() == null && request.decisionId() == null) {
            violations.add(new Problem.Violation("decision", "is required (or decisionId)"));
        } else if (request.decision() != null && request.decision().date().isAfter(VietnamTime.today(clock))) {
            violations.add(new Problem.Violation("decision.date", "cannot be in the future"));
        }
        List<ItineraryStop> itinerary = request.itinerary() == null || request.itinerary().isEmpty() ? null
                : List.copyOf(request.itinerary());
        boolean noProvinces = request.provinceCodes() == null || request.provinceCodes().isEmpty();
        List<String> provinces;
        if (request.type() == DeploymentType.STANDING_WORKING_GROUP) {
            // the standing group sits at the ministry: it targets no province and travels nowhere
            provinces = List.of();
            if (!noProvinces) {
                violations.add(new Problem.Violation("provinceCodes", "must be absent: a standing working group sits "
                        + "at the ministry, not in a province"));
            }
        } else if (itinerary != null) {
            provinces = List.copyOf(new TreeSet<>(itinerary.stream().map(ItineraryStop::provinceCode).toList()));
            if (!noProvinces && !new TreeSet<>(request.provinceCodes()).equals(new TreeSet<>(provinces))) {
                violations.add(new Problem.Violation("provinceCodes", "must be absent or the itinerary's provinces "
                        + provinces + ": a delegation's provinces are those it visits"));
            }
        } else {
            provinces = noProvinces ? List.copyOf(new TreeSet<>(units.provinceCodes()))
                    : List.copyOf(new TreeSet<>(request.provinceCodes()));
        }
        if (itinerary != null) {
            violations.addAll(itineraryViolations("itinerary", request.type(), itinerary, period));
        }
        for (int i = 0; request.provinceCodes() != null && i < request.provinceCodes().size(); i++) {
            String code = request.provinceCodes().get(i);
            if (!units.provinceCodes().contains(code)) {
                violations.add(new Problem.Violation("provinceCodes[" + i + "]", code + " is not one of the 34 provinces"));
            }
        }
        Map<String, Integer> quotas = request.provinceQuotas() == null ? Map.of() : request.provinceQuotas();
        quotas.keySet().stream().filter(code -> !provinces.contains(code)).sorted().forEach(code ->
                violations.add(new Problem.Violation("provinceQuotas[" + code + "]",
                        "is not a target province of this deployment")));
        List<String> partners = request.partnerMinistries() == null ? List.of() : request.partnerMinistries();
        if (partners.contains(d.ministryCode)) {
            violations.add(new Problem.Violation("partnerMinistries", "must not name the deployment's own ministry"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The deployment is not valid", violations);
        }
        Decision decision = decisions.resolve(d.ministryCode, request.decisionId(), request.decision(), "decisionId",
                "decision", actor);
        deployments.orderedBy(decision.id, d.id).ifPresent(holder -> {
            throw new ProblemException(ProblemType.CONFLICT, "Decision " + decision.number + " already orders deployment "
                    + holder.id + " (" + holder.name + ", " + holder.status + "): a deployment is ordered by a decision "
                    + "of its own; amend that deployment, or cancel it first")
                    .with("decisionHolder", Map.of("deploymentId", holder.id, "name", holder.name,
                            "status", holder.status.name()));
        });
        d.type = request.type();
        d.name = Text.nfc("name", request.name());
        d.decisionId = decision.id;
        d.decisionNumber = decision.number;
        d.decisionDate = decision.signedOn;
        d.decisionSigner = decision.signer;
        d.decisionSubject = decision.subject;
        d.startDate = period.startDate();
        d.endDate = period.endDate();
        d.provinceCodes = new ArrayList<>(provinces);
        d.officialsPerProvince = request.officialsPerProvince() == null ? 1 : request.officialsPerProvince();
        d.provinceQuotas = new LinkedHashMap<>(new TreeMap<>(quotas));
        d.partnerMinistries = new ArrayList<>(new TreeSet<>(partners));
        d.itinerary = itinerary == null ? null : new ArrayList<>(itinerary);
        return decision;
    }

    /**
     * A delegation's itinerary: only delegations have one; each stop in a province of the 34, within the period,
     * after the previous stop's end (so in date order and never two provinces on one day).
     */
    private List<Problem.Violation> itineraryViolations(String field, DeploymentType type, List<ItineraryStop> stops,
                                                        Period period) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!type.delegation()) {
            violations.add(new Problem.Violation(field, "must be absent: only a delegation (WORKING_DELEGATION, "
                    + "INSPECTION_DELEGATION, PROVINCE_REQUEST) has an itinerary, not a " + type));
            return violations;
        }
        ItineraryStop previous = null;
        for (int i = 0; i < stops.size(); i++) {
            ItineraryStop stop = stops.get(i);
            String at = field + "[" + i + "]";
            if (!units.provinceCodes().contains(stop.provinceCode())) {
                violations.add(new Problem.Violation(at + ".provinceCode", stop.provinceCode()
                        + " is not one of the 34 provinces"));
            }
            if (stop.endDate().isBefore(stop.startDate())) {
                violations.add(new Problem.Violation(at + ".endDate", "must not be before startDate ("
                        + stop.startDate() + ")"));
                continue;
            }
            if (!period.contains(stop.startDate())) {
                violations.add(new Problem.Violation(at + ".startDate", "must lie within the deployment's period ("
                        + period.startDate() + " to " + period.endDate() + ")"));
            }
            if (!period.contains(stop.endDate())) {
                violations.add(new Problem.Violation(at + ".endDate", "must lie within the deployment's period ("
                        + period.startDate() + " to " + period.endDate() + ")"));
            }
            if (previous != null && !stop.startDate().isAfter(previous.endDate())) {
                violations.add(new Problem.Violation(at + ".startDate", "must be after the previous stop ("
                        + previous.provinceCode() + ", " + previous.startDate() + " to " + previous.endDate()
                        + "): stops are in date order and do not overlap"));
            }
            previous = stop;
        }
        return violations;
    }

    static Period period(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw ProblemException.invalid("endDate", "must not be before startDate (" + start + ")");
        }
        return new Period(start, end);
    }

    private Deployment changeable(UUID id, String ifMatch, AssignmentAccess access) {
        Deployment d = get(id);
        access.requireManage(d.ministryCode);
        Versions.requireMatch(ifMatch, d.version);
        return d;
    }

    private Deployment editableDraft(UUID id, String ifMatch, AssignmentAccess access) {
        Deployment d = changeable(id, ifMatch, access);
        if (d.status != DeploymentStatus.DRAFT) {
            throw new ProblemException(ProblemType.CONFLICT, "Deployment " + id + " is " + d.status
                    + ": once issued it changes only by a later decision (reschedule, complete, cancel)");
        }
        return d;
    }

    private static void requireStatus(Deployment d, String action, DeploymentStatus... allowed) {
        for (DeploymentStatus status : allowed) {
            if (d.status == status) {
                return;
            }
        }
        throw new ProblemException(ProblemType.CONFLICT, "Cannot " + action + " deployment " + d.id + ": it is "
                + d.status);
    }

    private void touch(Deployment d, AssignmentAccess access) {
        d.updatedAt = clock.instant();
        d.updatedBy = access.caller().username();
    }

    /** The day a change of state takes effect: as the request says, else as its decision says, else today. */
    static LocalDate effectiveOn(StatusChangeRequest request, Decision decision, Clock clock) {
        return Optional.ofNullable(request.effectiveOn())
                .or(() -> Optional.ofNullable(decision).map(x -> x.effectiveFrom))
                .orElseGet(() -> VietnamTime.today(clock));
    }
}
