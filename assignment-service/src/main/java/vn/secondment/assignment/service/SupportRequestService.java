package vn.secondment.assignment.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.assignment.SupportRequest;
import vn.secondment.assignment.SupportRequestMessage;
import vn.secondment.assignment.mapping.SupportRequestMapper;
import vn.secondment.assignment.repository.DeploymentRepository;
import vn.secondment.assignment.repository.SupportRequestRepository;
import vn.secondment.assignment.rest.DeploymentRequest;
import vn.secondment.assignment.rest.SupportRequestAcceptance;
import vn.secondment.assignment.rest.SupportRequestFilter;
import vn.secondment.assignment.rest.SupportRequestMessageRequest;
import vn.secondment.assignment.rest.SupportRequestOutcome;
import vn.secondment.assignment.rest.SupportRequestRequest;
import vn.secondment.assignment.rest.SupportRequestView;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.security.SupportRequestAccess;
import vn.secondment.data.Sorting;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.EventType;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.Text;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Province support requests: filed by a province, discussed, then accepted (answered by a PROVINCE_REQUEST
 * deployment, new or existing) or declined by the ministry, or withdrawn by the province. Every step is checked
 * against the caller's side and the record's version, audited, and announced through the outbox, so both sides hear.
 */
@ApplicationScoped
public class SupportRequestService {

    public static final String AUDIT_TYPE = "support-request";
    public static final Map<String, String> SORTABLE = new LinkedHashMap<>();
    public static final String DEFAULT_SORT = "-createdAt";

    static {
        SORTABLE.put("createdAt", "createdAt");
        SORTABLE.put("urgency", "urgency");
        SORTABLE.put("provinceCode", "provinceCode");
        SORTABLE.put("ministryCode", "ministryCode");
    }

    private final SupportRequestRepository requests;
    private final DeploymentRepository deployments;
    private final DeploymentService deploymentService;
    private final SupportRequestMapper mapper;
    private final AdministrativeUnits units;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final Clock clock;

    public SupportRequestService(SupportRequestRepository requests, DeploymentRepository deployments,
                                 DeploymentService deploymentService, SupportRequestMapper mapper,
                                 AdministrativeUnits units, AuditTrail audit, EventPublisher events, Clock clock) {
        this.requests = requests;
        this.deployments = deployments;
        this.deploymentService = deploymentService;
        this.mapper = mapper;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SupportRequest file(SupportRequestRequest request, SupportRequestAccess access) {
        String province = request.provinceCode() != null ? request.provinceCode()
                : access.caller().province().orElseThrow(() ->
                        ProblemException.invalid("provinceCode", "is required when your account has no province"));
        access.requireFile(province);
        LocalDate today = VietnamTime.today(clock);
        List<Problem.Violation> problems = new ArrayList<>();
        if (units.province(province, today).isEmpty()) {
            problems.add(new Problem.Violation("provinceCode", "is not a province in force on " + today));
        }
        List<String> communes = request.communeCodes() == null ? List.of()
                : request.communeCodes().stream().distinct().toList();
        for (int k = 0; k < communes.size(); k++) {
            String code = communes.get(k);
            if (units.commune(code, today).filter(c -> c.provinceCode().equals(province)).isEmpty()) {
                problems.add(new Problem.Violation("communeCodes[" + k + "]",
                        code + " is not a commune of province " + province + " on " + today));
            }
        }
        if (request.wishedStart() != null && request.wishedEnd() != null
                && request.wishedEnd().isBefore(request.wishedStart())) {
            problems.add(new Problem.Violation("wishedEnd", "must not be before wishedStart ("
                    + request.wishedStart() + ")"));
        }
        if (request.contact().phone() == null && request.contact().email() == null) {
            problems.add(new Problem.Violation("contact", "needs a phone or an e-mail to reach the contact person"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The support request is not valid", problems);
        }
        SupportRequest r = new SupportRequest();
        r.id = UUID.randomUUID();
        r.provinceCode = province;
        r.ministryCode = request.ministryCode();
        r.topic = Text.nfc("topic", request.topic());
        r.details = Text.nfc("details", request.details());
        r.communeCodes = new ArrayList<>(communes);
        r.urgency = request.urgency() == null ? SupportRequest.Urgency.NORMAL : request.urgency();
        r.contactName = Text.nfc("contact.name", request.contact().name());
        r.contactTitle = Text.nfc("contact.title", request.contact().title());
        r.contactPhone = request.contact().phone();
        r.contactEmail = request.contact().email();
        r.wishedStart = request.wishedStart();
        r.wishedEnd = request.wishedEnd();
        r.status = SupportRequest.Status.OPEN;
        r.createdAt = clock.instant();
        r.createdBy = access.caller().username();
        r.updatedAt = r.createdAt;
        r.updatedBy = r.createdBy;
        requests.persist(r);
        audit.record(AUDIT_TYPE, r.id, r.ministryCode, "filed", Map.of(), mapper.auditState(r), r.createdBy, null);
        announce(AssignmentEvents.SUPPORT_REQUEST_FILED, r, null);
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SupportRequest get(UUID id, SupportRequestAccess access) {
        SupportRequest r = requests.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Support request", id));
        if (!access.canSee(r)) {
            throw ProblemException.forbidden("Only the liaisons of province " + r.provinceCode + ", the admins and "
                    + "coordinators of " + r.ministryCode + ", viewers and platform admins see this request");
        }
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SupportRequestView view(SupportRequest r, SupportRequestAccess access) {
        return mapper.toView(r, access.canSeeContact(r), requests.messages(r.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<SupportRequestView> list(SupportRequestFilter filter, Paging paging, SupportRequestAccess access) {
        Where where = access.scope(Where.from("SupportRequest x"))
                .and("x.ministryCode in :ministries", "ministries", filter.ministries)
                .and("x.provinceCode in :provinces", "provinces", filter.provinces)
                .and("x.status in :statuses", "statuses", filter.statuses);
        PanacheQuery<SupportRequest> query = requests.find(where.jpql(),
                Sorting.parse(filter.sort, DEFAULT_SORT, SORTABLE).and("id"), where.parameters())
                .page(Page.of(paging.page, paging.size));
        List<SupportRequestView> views = query.list().stream()
                .map(r -> mapper.toView(r, access.canSeeContact(r), null)).toList();
        return new PageView<>(views, paging.page, paging.size, query.count());
    }

    /** A question of the ministry or an answer of the province, while the request is open. */
    @Transactional
    public SupportRequest post(UUID id, SupportRequestMessageRequest request, SupportRequestAccess access) {
        SupportRequest r = get(id, access);
        SupportRequest.Side side = access.requireSide(r);
        requireOpen(r, "write about");
        SupportRequestMessage m = new SupportRequestMessage();
        m.id = UUID.randomUUID();
        m.requestId = r.id;
        m.side = side;
        m.author = access.caller().username();
        m.body = Text.nfc("body", request.body());
        m.postedAt = clock.instant();
        requests.persist(m);
        touch(r, access);
        audit.record(AUDIT_TYPE, r.id, r.ministryCode, "message-posted", Map.of(),
                Map.of("side", side.name(), "body", m.body), m.author, null);
        announce(AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED, r, side);
        return r;
    }

    /**
     * The ministry accepts: a new PROVINCE_REQUEST deployment (a draft, issued later by its decision like any
     * other) or an existing one of the ministry that targets the province answers the request.
     */
    @Transactional
    public SupportRequest accept(UUID id, String ifMatch, SupportRequestAcceptance acceptance,
                                 SupportRequestAccess access, AssignmentAccess assignmentAccess) {
        SupportRequest r = get(id, access);
        access.requireDecide(r);
        Versions.requireMatch(ifMatch, r.version);
        requireOpen(r, "accept");
        if ((acceptance.deployment() == null) == (acceptance.deploymentId() == null)) {
            throw ProblemException.invalid("deployment", "give either deployment (a new one) or deploymentId "
                    + "(an existing one)");
        }
        Deployment d = acceptance.deploymentId() != null ? existing(acceptance.deploymentId(), r)
                : created(acceptance.deployment(), r, assignmentAccess);
        Map<String, Object> before = mapper.auditState(r);
        r.status = SupportRequest.Status.ACCEPTED;
        r.deploymentId = d.id;
        decided(r, access);
        audit.record(AUDIT_TYPE, r.id, r.ministryCode, "accepted", before, mapper.auditState(r), r.updatedBy,
                d.decisionNumber);
        announce(AssignmentEvents.SUPPORT_REQUEST_ACCEPTED, r, null);
        return r;
    }

    @Transactional
    public SupportRequest decline(UUID id, String ifMatch, SupportRequestOutcome outcome,
                                  SupportRequestAccess access) {
        SupportRequest r = get(id, access);
        access.requireDecide(r);
        return close(r, ifMatch, SupportRequest.Status.DECLINED, outcome, access,
                AssignmentEvents.SUPPORT_REQUEST_DECLINED);
    }

    @Transactional
    public SupportRequest withdraw(UUID id, String ifMatch, SupportRequestOutcome outcome,
                                   SupportRequestAccess access) {
        SupportRequest r = get(id, access);
        access.requireWithdraw(r);
        return close(r, ifMatch, SupportRequest.Status.WITHDRAWN, outcome, access,
                AssignmentEvents.SUPPORT_REQUEST_WITHDRAWN);
    }

    private SupportRequest close(SupportRequest r, String ifMatch, SupportRequest.Status status,
                                 SupportRequestOutcome outcome, SupportRequestAccess access, EventType event) {
        Versions.requireMatch(ifMatch, r.version);
        requireOpen(r, status == SupportRequest.Status.DECLINED ? "decline" : "withdraw");
        Map<String, Object> before = mapper.auditState(r);
        r.status = status;
        r.outcomeReason = Text.nfc("reason", outcome.reason());
        decided(r, access);
        audit.record(AUDIT_TYPE, r.id, r.ministryCode, status.name().toLowerCase(java.util.Locale.ROOT), before,
                mapper.auditState(r), r.updatedBy, null);
        announce(event, r, null);
        return r;
    }

    /** An existing deployment answers the request: the ministry's own, for provinces' requests, aimed at it. */
    private Deployment existing(UUID deploymentId, SupportRequest r) {
        Deployment d = deployments.findByIdOptional(deploymentId).orElseThrow(() ->
                ProblemException.invalid("deploymentId", "no deployment " + deploymentId));
        if (!d.ministryCode.equals(r.ministryCode) || d.type != DeploymentType.PROVINCE_REQUEST
                || !d.provinceCodes.contains(r.provinceCode)) {
            throw ProblemException.invalid("deploymentId", "must be a PROVINCE_REQUEST deployment of "
                    + r.ministryCode + " targeting province " + r.provinceCode);
        }
        if (d.status == DeploymentStatus.CANCELLED || d.status == DeploymentStatus.COMPLETED) {
            throw new ProblemException(ProblemType.CONFLICT, "Deployment " + d.id + " is " + d.status
                    + ": it can no longer answer a request");
        }
        return d;
    }

    private Deployment created(DeploymentRequest request, SupportRequest r, AssignmentAccess assignmentAccess) {
        List<Problem.Violation> problems = new ArrayList<>();
        if (request.type() != DeploymentType.PROVINCE_REQUEST) {
            problems.add(new Problem.Violation("deployment.type", "must be PROVINCE_REQUEST"));
        }
        if (request.ministryCode() != null && !request.ministryCode().equals(r.ministryCode)) {
            problems.add(new Problem.Violation("deployment.ministryCode", "must be " + r.ministryCode
                    + ", the ministry asked"));
        }
        boolean targeted = request.provinceCodes() != null && request.provinceCodes().contains(r.provinceCode);
        boolean visited = request.itinerary() != null && request.itinerary().stream()
                .anyMatch(stop -> r.provinceCode.equals(stop.provinceCode()));
        if (!targeted && !visited) {
            problems.add(new Problem.Violation("deployment.provinceCodes", "must include " + r.provinceCode
                    + ", the requesting province (or an itinerary stop there)"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The deployment cannot answer this request",
                    problems);
        }
        Deployment d = deploymentService.create(request, assignmentAccess);
        if (!d.ministryCode.equals(r.ministryCode)) {
            throw ProblemException.invalid("deployment.ministryCode", "must be " + r.ministryCode);
        }
        return d;
    }

    private static void requireOpen(SupportRequest r, String action) {
        if (r.status != SupportRequest.Status.OPEN) {
            throw new ProblemException(ProblemType.CONFLICT, "Cannot " + action + " support request " + r.id
                    + ": it is " + r.status);
        }
    }

    private void decided(SupportRequest r, SupportRequestAccess access) {
        touch(r, access);
        r.decidedAt = r.updatedAt;
        r.decidedBy = r.updatedBy;
    }

    private void touch(SupportRequest r, SupportRequestAccess access) {
        r.updatedAt = clock.instant();
        // a message changes the request's updatedAt too, so its version (ETag) moves on and readers see it
        r.updatedBy = access.caller().username();
    }

    private void announce(EventType type, SupportRequest r, SupportRequest.Side lastMessageBy) {
        events.publish(type, r.id, r.ministryCode, mapper.toSnapshot(r, lastMessageBy));
    }
}
