package vn.secondment.report.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.report.FinalReport;
import vn.secondment.report.ReportStatus;
import vn.secondment.report.mapping.ReportMapper;
import vn.secondment.report.repository.FinalReportRepository;
import vn.secondment.report.repository.KnownOfficialRepository;
import vn.secondment.report.rest.FinalReportRequest;
import vn.secondment.report.rest.FinalReportView;
import vn.secondment.report.rest.ReviewRequest;
import vn.secondment.report.search.FinalReportFilter;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The final reports (báo cáo tổng hợp cuối đợt), within the caller's scope, with the weekly reports' workflow: the
 * assigned official writes (DUE, DRAFT or RETURNED → DRAFT) and submits (→ SUBMITTED, late after the deadline); a
 * coordinator of the assignment's ministry accepts or returns it with a comment. Submission and acceptance are
 * announced on {@code report.events}; acceptance is what assignment-service completes the assignment on.
 */
@ApplicationScoped
public class FinalReports {

    public static final String AUDIT_TYPE = "final-report";
    /** The list's order, the export's too. */
    private static final Sort ORDER = Sort.descending("r.dueAt").and("a.ministryCode").and("a.provinceCode")
            .and("r.id");
    private static final String WHAT = "Final report";

    private final FinalReportRepository reports;
    private final KnownOfficialRepository officials;
    private final ReportMapper mapper;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final Clock clock;

    public FinalReports(FinalReportRepository reports, KnownOfficialRepository officials, ReportMapper mapper,
                        AuditTrail audit, EventPublisher events, Clock clock) {
        this.reports = reports;
        this.officials = officials;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<FinalReportView> list(FinalReportFilter filter, Paging paging, ReportAccess access) {
        Instant now = clock.instant();
        PanacheQuery<FinalReport> query = find(where(filter, access, now)).page(Page.of(paging.page, paging.size));
        List<FinalReport> page = query.list();
        Map<UUID, String> names = ReportRules.names(officials,
                page.stream().map(r -> r.assignment.officialId).distinct().toList(), access.seesPersonalDetails());
        return new PageView<>(page.stream().map(r -> mapper.toView(r, names.get(r.assignment.officialId), now))
                .toList(), paging.page, paging.size, query.count());
    }

    /** What the list and the export match: the caller's scope and the filters, overdue as of {@code now}. */
    public Where where(FinalReportFilter filter, ReportAccess access, Instant now) {
        Where where = ReportRules.assignmentReports("FinalReport", access, filter.ministries, filter.province,
                        filter.assignment)
                .and("r.status = :status", "status", filter.status);
        return ReportRules.overdue(where, filter.overdue, now);
    }

    /** How many reports {@code where} matches. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Where where) {
        return find(where).count();
    }

    /**
     * Every report {@code where} matches, as its view, in the list's order, read from a database cursor in a
     * transaction of its own: an export streams them without holding them in memory, after the request's scope
     * and personal-details decision were taken ({@code personal}).
     */
    public void each(Where where, boolean personal, Instant now, Consumer<FinalReportView> consumer) {
        ReportRules.inChunks(find(where), reports.getEntityManager(), chunk -> {
            Map<UUID, String> names = ReportRules.names(officials,
                    chunk.stream().map(r -> r.assignment.officialId).distinct().toList(), personal);
            chunk.forEach(r -> consumer.accept(mapper.toView(r, names.get(r.assignment.officialId), now)));
        });
    }

    private PanacheQuery<FinalReport> find(Where where) {
        return reports.find("select r " + where.jpql(), ORDER, where.parameters());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FinalReportView get(UUID id, ReportAccess access) {
        FinalReport r = find(id);
        ReportRules.requireVisible(r.assignment, access, WHAT, id);
        return view(r, access);
    }

    /** Writes the draft: every content field is replaced. DUE, DRAFT or RETURNED → DRAFT. */
    @Transactional
    public FinalReportView write(UUID id, String ifMatch, FinalReportRequest request, ReportAccess access) {
        FinalReport r = find(id);
        ReportRules.requireAuthor(r.assignment, access, WHAT, id);
        Versions.requireMatch(ifMatch, r.version);
        if (!r.status.withOfficial()) {
            throw new ProblemException(ProblemType.CONFLICT, "The final report is " + r.status
                    + (r.status == ReportStatus.CANCELLED ? ": the assignment owes none"
                    : ": it is with the ministry and cannot be changed"));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        String summary = ReportRules.text("summary", request.summary(), FinalReport.MAX_TEXT, violations);
        String results = ReportRules.text("results", request.results(), FinalReport.MAX_RESULTS, violations);
        String difficulties = ReportRules.text("difficulties", request.difficulties(), FinalReport.MAX_TEXT,
                violations);
        String recommendations = ReportRules.text("recommendations", request.recommendations(), FinalReport.MAX_TEXT,
                violations);
        String lessons = ReportRules.text("lessons", request.lessons(), FinalReport.MAX_TEXT, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The final report is not valid", violations);
        }
        Map<String, Object> before = mapper.auditState(r);
        Instant now = ReportRules.now(clock);
        r.summary = summary;
        r.results = results;
        r.difficulties = difficulties;
        r.recommendations = recommendations;
        r.lessons = lessons;
        r.status = ReportStatus.DRAFT;
        if (r.draftedAt == null) {
            r.draftedAt = now;
        }
        if (audit.record(AUDIT_TYPE, r.id, r.assignment.ministryCode, "written", before, mapper.auditState(r),
                access.caller().username(), null)) {
            r.updatedAt = now;
        }
        reports.flush();
        return view(r, access);
    }

    /** DRAFT or RETURNED → SUBMITTED now; late when after the deadline. Summary and results are needed. */
    @Transactional
    public FinalReportView submit(UUID id, String ifMatch, ReportAccess access) {
        FinalReport r = find(id);
        ReportRules.requireAuthor(r.assignment, access, WHAT, id);
        Versions.requireMatch(ifMatch, r.version);
        if (r.status != ReportStatus.DRAFT && r.status != ReportStatus.RETURNED) {
            throw new ProblemException(ProblemType.CONFLICT, "The final report is " + r.status
                    + ": only a draft or a returned report is submitted"
                    + (r.status == ReportStatus.DUE ? " (write it first)" : ""));
        }
        List<Problem.Violation> missing = new ArrayList<>();
        ReportRules.requireWritten("summary", r.summary, missing);
        ReportRules.requireWritten("results", r.results, missing);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The final report is not complete enough to submit",
                    missing);
        }
        Map<String, Object> before = mapper.auditState(r);
        Instant now = ReportRules.now(clock);
        r.status = ReportStatus.SUBMITTED;
        r.submittedAt = now;
        r.late = now.isAfter(r.dueAt);
        r.updatedAt = now;
        audit.record(AUDIT_TYPE, r.id, r.assignment.ministryCode, "submitted", before, mapper.auditState(r),
                access.caller().username(), r.late ? "submitted after its deadline " + r.dueAt : null);
        events.publish(ReportEvents.FINAL_REPORT_SUBMITTED, r.id, r.assignment.ministryCode, mapper.toSnapshot(r));
        reports.flush();
        return view(r, access);
    }

    /**
     * SUBMITTED → ACCEPTED (announced: assignment-service completes the assignment), or → RETURNED with a comment
     * (announced to the official).
     */
    @Transactional
    public FinalReportView review(UUID id, String ifMatch, ReviewRequest request, ReportAccess access) {
        FinalReport r = find(id);
        ReportRules.requireReviewer(r.assignment, access, WHAT, id);
        Versions.requireMatch(ifMatch, r.version);
        String comment = WeeklyReports.reviewComment(request);
        if (r.status != ReportStatus.SUBMITTED) {
            throw new ProblemException(ProblemType.CONFLICT, "The final report is " + r.status
                    + ": only a submitted report is reviewed");
        }
        Map<String, Object> before = mapper.auditState(r);
        Instant now = ReportRules.now(clock);
        boolean accepted = request.decision() == ReviewRequest.Decision.ACCEPT;
        String actor = access.caller().username();
        r.status = accepted ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
        r.reviewedBy = actor;
        r.reviewedAt = now;
        r.reviewComment = comment;
        if (accepted) {
            r.acceptedAt = now;
            r.acceptedBy = actor;
        }
        r.updatedAt = now;
        audit.record(AUDIT_TYPE, r.id, r.assignment.ministryCode, accepted ? "accepted" : "returned", before,
                mapper.auditState(r), actor, comment);
        events.publish(accepted ? ReportEvents.FINAL_REPORT_ACCEPTED : ReportEvents.FINAL_REPORT_RETURNED, r.id,
                r.assignment.ministryCode, mapper.toSnapshot(r));
        reports.flush();
        return view(r, access);
    }

    private FinalReport find(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(WHAT, id));
    }

    private FinalReportView view(FinalReport r, ReportAccess access) {
        return mapper.toView(r, ReportRules.name(officials, r.assignment.officialId, access), clock.instant());
    }
}
