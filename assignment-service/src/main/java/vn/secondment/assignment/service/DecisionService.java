package vn.secondment.assignment.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.Decision;
import vn.secondment.assignment.mapping.DecisionMapper;
import vn.secondment.assignment.repository.DecisionRepository;
import vn.secondment.assignment.rest.DecisionFilter;
import vn.secondment.assignment.rest.DecisionRef;
import vn.secondment.assignment.rest.DecisionRequest;
import vn.secondment.assignment.rest.DecisionView;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.data.Sorting;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditTrail;
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
import java.util.Objects;
import java.util.UUID;

/**
 * Decisions (quyết định) as records: unique by number within the issuing ministry, written by that ministry's admins
 * and coordinators, read by every signed-in caller like the deployments they issue. Deployment and amendment
 * requests that still carry a decision by number, date, signer and subject find the record here, or create it.
 */
@ApplicationScoped
public class DecisionService {

    public static final String AUDIT_TYPE = "decision";
    public static final Map<String, String> SORTABLE = new LinkedHashMap<>();
    public static final String DEFAULT_SORT = "-signedOn";

    static {
        SORTABLE.put("signedOn", "signedOn");
        SORTABLE.put("number", "number");
        SORTABLE.put("ministryCode", "ministryCode");
        SORTABLE.put("createdAt", "createdAt");
    }

    private final DecisionRepository decisions;
    private final DecisionMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;

    public DecisionService(DecisionRepository decisions, DecisionMapper mapper, AuditTrail audit, Clock clock) {
        this.decisions = decisions;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Decision create(DecisionRequest request, AssignmentAccess access) {
        String ministry = request.ministryCode() != null ? request.ministryCode()
                : access.caller().ministry().orElseThrow(() ->
                        ProblemException.invalid("ministryCode", "is required when your account has no ministry"));
        access.requireManage(ministry);
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.ministryCode = ministry;
        apply(request, d);
        d.createdAt = clock.instant();
        d.createdBy = access.caller().username();
        d.updatedAt = d.createdAt;
        d.updatedBy = d.createdBy;
        decisions.persist(d);
        audit.record(AUDIT_TYPE, d.id, ministry, "created", Map.of(), mapper.auditState(d), d.createdBy, d.number);
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Decision get(UUID id) {
        return decisions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Decision", id));
    }

    /** Full update, If-Match required; the copies on deployments and revisions follow. */
    @Transactional
    public Decision replace(UUID id, String ifMatch, DecisionRequest request, AssignmentAccess access) {
        Decision d = get(id);
        access.requireManage(d.ministryCode);
        Versions.requireMatch(ifMatch, d.version);
        if (request.ministryCode() != null && !request.ministryCode().equals(d.ministryCode)) {
            throw ProblemException.invalid("ministryCode", "cannot change: the decision was issued by "
                    + d.ministryCode);
        }
        Map<String, Object> before = mapper.auditState(d);
        apply(request, d);
        Map<String, Object> after = mapper.auditState(d);
        if (!before.equals(after)) {
            d.updatedAt = clock.instant();
            d.updatedBy = access.caller().username();
            audit.record(AUDIT_TYPE, d.id, d.ministryCode, "updated", before, after, d.updatedBy, d.number);
            decisions.updateCopies(d);
        }
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<Decision> list(DecisionFilter filter, Paging paging) {
        if (filter.signedFrom != null && filter.signedTo != null && filter.signedTo.isBefore(filter.signedFrom)) {
            throw ProblemException.invalid("signedTo", "must not be before signedFrom (" + filter.signedFrom + ")");
        }
        Where where = Where.from("Decision x")
                .and("x.ministryCode in :ministries", "ministries", filter.ministries)
                .and("x.number = :number", "number", Text.nfc("number", filter.number))
                .and("x.signedOn >= :signedFrom", "signedFrom", filter.signedFrom)
                .and("x.signedOn <= :signedTo", "signedTo", filter.signedTo);
        PanacheQuery<Decision> query = decisions.find(where.jpql(),
                Sorting.parse(filter.sort, DEFAULT_SORT, SORTABLE).and("id"), where.parameters())
                .page(Page.of(paging.page, paging.size));
        return new PageView<>(query.list(), paging.page, paging.size, query.count());
    }

    /** A page of decisions as the list shows them: each with the decision it amends (one more query). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DecisionView> views(List<Decision> page) {
        Map<UUID, Decision> amended = decisions.byIds(page.stream().map(d -> d.amendsId).filter(Objects::nonNull)
                .distinct().toList());
        return page.stream().map(d -> mapper.toView(d, d.amendsId == null ? null : amended.get(d.amendsId))).toList();
    }

    /** One decision with what it did: the deployment it issues, its amendments, the decisions amending it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DecisionView view(Decision d, AssignmentAccess access) {
        return mapper.toView(d, d.amendsId == null ? null : decisions.findById(d.amendsId), decisions.amending(d.id),
                decisions.issued(d.id), decisions.deploymentAmendments(d.id),
                decisions.assignmentAmendments(d.id).stream().filter(a -> access.canSee(a.assignment())).toList());
    }

    /**
     * The decision a deployment or amendment request names: by {@code decisionId}, or by the number of
     * {@code ref} within {@code ministry}, found or, the first time it is named, recorded from what the request
     * says. A number already recorded with another signing date is a 409 naming the record (one of the two is a
     * typo, and the clerk must say which). Null when the request names none.
     *
     * @param idField  the request's field of the id, for the problem ("decisionId")
     * @param refField the request's field of the decision ("decision")
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision resolve(String ministry, UUID decisionId, DecisionRef ref, String idField, String refField,
                            String actor) {
        if (decisionId != null) {
            Decision d = decisions.findById(decisionId);
            if (d == null) {
                throw ProblemException.invalid(idField, "is no recorded decision");
            }
            if (!d.ministryCode.equals(ministry)) {
                throw ProblemException.invalid(idField, "is " + d.number + " of " + d.ministryCode + "; a change of "
                        + ministry + "'s deployments is ordered by a decision of " + ministry);
            }
            if (ref != null && ref.number() != null && !d.number.equals(Text.nfc(refField + ".number", ref.number()))) {
                throw ProblemException.invalid(refField + ".number", "differs from the number of " + idField + " ("
                        + d.number + "): send one of the two");
            }
            return d;
        }
        if (ref == null) {
            return null;
        }
        String number = Text.nfc(refField + ".number", ref.number());
        Decision existing = decisions.byNumber(ministry, number).orElse(null);
        if (existing != null) {
            if (!existing.signedOn.equals(ref.date())) {
                throw new ProblemException(ProblemType.CONFLICT, "Decision " + number + " of " + ministry
                        + " is recorded as signed on " + existing.signedOn + " (decision " + existing.id + "), not on "
                        + ref.date() + ": send that date or the decisionId, or correct the record first")
                        .with("existingDecision", existingDecision(existing));
            }
            return existing;
        }
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.ministryCode = ministry;
        d.number = number;
        d.signedOn = ref.date();
        d.effectiveFrom = ref.date();
        d.signer = Text.nfc(refField + ".signer", ref.signer());
        d.subject = Text.nfc(refField + ".subject", ref.subject());
        d.createdAt = clock.instant();
        d.createdBy = actor;
        d.updatedAt = d.createdAt;
        d.updatedBy = actor;
        decisions.persist(d);
        audit.record(AUDIT_TYPE, d.id, ministry, "created", Map.of(), mapper.auditState(d), actor,
                d.number + " (named by a request)");
        return d;
    }

    /** As {@link #resolve}, for a change that must name its decision: 400 naming {@code refField} when it does not. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision require(String ministry, UUID decisionId, DecisionRef ref, String actor) {
        Decision d = resolve(ministry, decisionId, ref, "decisionId", "decision", actor);
        if (d == null) {
            throw ProblemException.invalid("decision", "is required (or decisionId)");
        }
        return d;
    }

    /** The decision that issues a deployment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Decision issuing(vn.secondment.assignment.Deployment deployment) {
        return get(deployment.decisionId);
    }

    private void apply(DecisionRequest request, Decision d) {
        List<Problem.Violation> violations = new ArrayList<>();
        String number = Text.nfc("number", request.number());
        if (request.signedOn().isAfter(VietnamTime.today(clock))) {
            violations.add(new Problem.Violation("signedOn", "cannot be in the future"));
        }
        LocalDate effectiveFrom = request.effectiveFrom() != null ? request.effectiveFrom() : request.signedOn();
        if (request.effectiveTo() != null && request.effectiveTo().isBefore(effectiveFrom)) {
            violations.add(new Problem.Violation("effectiveTo", "must not be before effectiveFrom (" + effectiveFrom
                    + ")"));
        }
        if (request.amendsId() != null) {
            Decision amended = request.amendsId().equals(d.id) ? null : decisions.findById(request.amendsId());
            if (request.amendsId().equals(d.id)) {
                violations.add(new Problem.Violation("amendsId", "a decision cannot amend itself"));
            } else if (amended == null) {
                violations.add(new Problem.Violation("amendsId", "is no recorded decision"));
            } else if (!amended.ministryCode.equals(d.ministryCode)) {
                violations.add(new Problem.Violation("amendsId", "is " + amended.number + " of "
                        + amended.ministryCode + "; a decision amends one of its own ministry (" + d.ministryCode
                        + ")"));
            } else if (!amended.signedOn.isBefore(request.signedOn())) {
                violations.add(new Problem.Violation("amendsId", amended.number + " was signed on "
                        + amended.signedOn + ": a decision amends one signed before it (" + request.signedOn() + ")"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The decision is not valid", violations);
        }
        decisions.byNumber(d.ministryCode, number).filter(other -> !other.id.equals(d.id)).ifPresent(other -> {
            throw new ProblemException(ProblemType.CONFLICT, "Decision " + number + " of " + d.ministryCode
                    + " is already recorded (decision " + other.id + ", signed on " + other.signedOn + ")")
                    .with("existingDecision", existingDecision(other));
        });
        d.number = number;
        d.signedOn = request.signedOn();
        d.signer = Text.nfc("signer", request.signer());
        d.signerTitle = Text.nfc("signerTitle", request.signerTitle());
        d.effectiveFrom = effectiveFrom;
        d.effectiveTo = request.effectiveTo();
        d.subject = Text.nfc("subject", request.subject());
        d.amendsId = request.amendsId();
    }

    private static Map<String, Object> existingDecision(Decision d) {
        Map<String, Object> existing = new LinkedHashMap<>();
        existing.put("id", d.id);
        existing.put("ministryCode", d.ministryCode);
        existing.put("number", d.number);
        existing.put("signedOn", d.signedOn);
        return existing;
    }
}
