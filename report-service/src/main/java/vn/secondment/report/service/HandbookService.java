package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.report.HandbookEntry;
import vn.secondment.report.IssueStatus;
import vn.secondment.report.LocalityIssue;
import vn.secondment.report.mapping.HandbookMapper;
import vn.secondment.report.repository.HandbookEntryRepository;
import vn.secondment.report.repository.LocalityIssueRepository;
import vn.secondment.report.rest.HandbookEntryView;
import vn.secondment.report.rest.HandbookFilter;
import vn.secondment.report.rest.HandbookRequest;
import vn.secondment.report.rest.IssueActionRequests;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.Text;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The handbook of typical situations (cẩm nang tình huống): a coordinator publishes an answered issue as a question
 * and its answer, edits and withdraws it; everyone signed in searches it. The search ignores diacritics and case:
 * the folded text (Text.fold) is indexed with PostgreSQL's 'simple' full-text configuration and the query is folded
 * the same way.
 */
@ApplicationScoped
public class HandbookService {

    public static final String AUDIT_TYPE = "handbook-entry";

    private final HandbookEntryRepository entries;
    private final LocalityIssueRepository issues;
    private final HandbookMapper mapper;
    private final AuditTrail audit;
    private final Clock clock;

    public HandbookService(HandbookEntryRepository entries, LocalityIssueRepository issues, HandbookMapper mapper,
                           AuditTrail audit, Clock clock) {
        this.entries = entries;
        this.issues = issues;
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    /** Publishes an answered issue (ANSWERED, ANSWERED_ON_SITE or CLOSED with an answer); 409 otherwise. */
    @Transactional
    public HandbookEntry publish(HandbookRequest r, ReportAccess access) {
        if (r.issueId() == null) {
            throw ProblemException.invalid("issueId", "must name the answered issue to publish");
        }
        LocalityIssue i = issues.findByIdOptional(r.issueId())
                .orElseThrow(() -> ProblemException.notFound("Issue", r.issueId()));
        access.requireCoordinate(i.answeringMinistry());
        boolean answered = i.status.answered() || i.status == IssueStatus.CLOSED;
        if (!answered || i.answer == null) {
            throw new ProblemException(ProblemType.CONFLICT, "Issue " + i.id + " is " + i.status
                    + " without an answer: only an answered issue goes into the handbook");
        }
        if (entries.count("issueId", i.id) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Issue " + i.id + " is already in the handbook");
        }
        Instant now = ServiceClock.now(clock);
        String actor = access.caller().username();
        HandbookEntry e = new HandbookEntry();
        e.id = UUID.randomUUID();
        e.issueId = i.id;
        e.ministryCode = i.answeringMinistry();
        e.publishedAt = now;
        e.publishedBy = actor;
        HandbookRequest withDefaults = new HandbookRequest(i.id,
                r.question() != null ? r.question() : i.title + ". " + i.description,
                r.answer() != null ? r.answer() : i.answer,
                r.field() != null ? r.field() : i.field,
                r.guidanceDocument() != null ? r.guidanceDocument() : i.guidanceDocument);
        apply(e, withDefaults);
        e.updatedAt = now;
        e.updatedBy = actor;
        entries.persist(e);
        audit.record(AUDIT_TYPE, e.id, e.ministryCode, "published", Map.of(), mapper.auditState(e), actor, null);
        entries.flush();
        return e;
    }

    /** Replaces question, answer, field and guidance (If-Match required); a coordinator of its ministry. */
    @Transactional
    public HandbookEntry update(UUID id, String ifMatch, HandbookRequest r, ReportAccess access) {
        HandbookEntry e = changeable(id, ifMatch, access);
        if (r.issueId() != null && !r.issueId().equals(e.issueId)) {
            throw ProblemException.invalid("issueId", "an entry stays with its issue " + e.issueId);
        }
        Map<String, Object> before = mapper.auditState(e);
        String actor = access.caller().username();
        Instant now = ServiceClock.now(clock);
        apply(e, new HandbookRequest(e.issueId, r.question(), r.answer(), r.field() == null ? e.field : r.field(),
                r.guidanceDocument()));
        if (audit.record(AUDIT_TYPE, e.id, e.ministryCode, "updated", before, mapper.auditState(e), actor, null)) {
            e.updatedAt = now;
            e.updatedBy = actor;
        }
        entries.flush();
        return e;
    }

    /** Takes the entry out of the handbook (If-Match required), with the reason; it stays readable by id. */
    @Transactional
    public HandbookEntry withdraw(UUID id, String ifMatch, IssueActionRequests.ReasonRequest r, ReportAccess access) {
        HandbookEntry e = changeable(id, ifMatch, access);
        List<Problem.Violation> violations = new ArrayList<>();
        String reason = Fields.text("reason", r == null ? null : r.reason(), 500, true, violations);
        Fields.requireValid("The withdrawal", violations);
        Map<String, Object> before = mapper.auditState(e);
        Instant now = ServiceClock.now(clock);
        e.withdrawnAt = now;
        e.withdrawnBy = access.caller().username();
        e.withdrawalReason = reason;
        e.updatedAt = now;
        e.updatedBy = e.withdrawnBy;
        audit.record(AUDIT_TYPE, e.id, e.ministryCode, "withdrawn", before, mapper.auditState(e), e.withdrawnBy, reason);
        entries.flush();
        return e;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HandbookEntry get(UUID id) {
        return entries.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Handbook entry", id));
    }

    /**
     * The entries in force that match: with {@code q}, every folded word of it must occur (best ranked first, then
     * newest); without, newest first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public PageView<HandbookEntryView> search(HandbookFilter filter, Paging paging) {
        String q = searchQuery(filter.q);
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder from = new StringBuilder(" from handbook_entry e where e.withdrawn_at is null");
        if (!q.isEmpty()) {
            from.append(" and e.search_vector @@ plainto_tsquery('simple', :q)");
            parameters.put("q", q);
        }
        if (filter.field != null) {
            from.append(" and e.field = :field");
            parameters.put("field", filter.field.name());
        }
        if (filter.ministries != null && !filter.ministries.isEmpty()) {
            from.append(" and e.ministry_code in (:ministries)");
            parameters.put("ministries", filter.ministries);
        }
        String order = q.isEmpty() ? " order by e.published_at desc, e.id"
                : " order by ts_rank(e.search_vector, plainto_tsquery('simple', :q)) desc, e.published_at desc, e.id";
        Query ids = entries.getEntityManager().createNativeQuery("select e.id" + from + order, UUID.class);
        Query count = entries.getEntityManager().createNativeQuery("select count(*)" + from, Long.class);
        parameters.forEach((name, value) -> {
            ids.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<UUID> page = ids.setFirstResult(paging.page * paging.size).setMaxResults(paging.size).getResultList();
        Map<UUID, HandbookEntry> byId = page.isEmpty() ? Map.of() : entries.list("id in ?1", page).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        return new PageView<>(page.stream().map(byId::get).map(mapper::toView).toList(), paging.page,
                paging.size, ((Number) count.getSingleResult()).longValue());
    }

    /**
     * What an entry is found by: its question, answer and guidance document folded ({@link Text#fold}: no
     * diacritics, đ → d, lower case), so that a search typed without diacritics finds it.
     */
    static String searchText(String question, String answer, String guidance) {
        return Text.fold(question + " " + answer + " " + (guidance == null ? "" : guidance));
    }

    /** The words searched for, folded the way {@link #searchText} is; empty when none. */
    static String searchQuery(String q) {
        return q == null ? "" : Text.fold(Text.nfc("q", q));
    }

    private HandbookEntry changeable(UUID id, String ifMatch, ReportAccess access) {
        HandbookEntry e = get(id);
        access.requireCoordinate(e.ministryCode);
        Versions.requireMatch(ifMatch, e.version);
        if (e.withdrawnAt != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Handbook entry " + id + " was withdrawn on "
                    + e.withdrawnAt);
        }
        return e;
    }

    private static void apply(HandbookEntry e, HandbookRequest r) {
        List<Problem.Violation> violations = new ArrayList<>();
        String question = Fields.text("question", r.question(), IssueService.MAX_TEXT, true, violations);
        String answer = Fields.text("answer", r.answer(), IssueService.MAX_TEXT, true, violations);
        String guidance = Fields.citation("guidanceDocument", r.guidanceDocument(), false, violations);
        Fields.requireValid("The handbook entry", violations);
        e.question = question;
        e.answer = answer;
        e.field = r.field();
        e.guidanceDocument = guidance;
        e.searchText = searchText(question, answer, guidance);
    }
}
