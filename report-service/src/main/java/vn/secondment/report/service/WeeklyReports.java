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
import vn.secondment.report.HeldAssignment;
import vn.secondment.report.ReportStatus;
import vn.secondment.report.WeeklyReport;
import vn.secondment.report.mapping.ReportMapper;
import vn.secondment.report.repository.KnownOfficialRepository;
import vn.secondment.report.repository.WeeklyReportRepository;
import vn.secondment.report.rest.ReviewRequest;
import vn.secondment.report.rest.WeeklyReportRequest;
import vn.secondment.report.rest.WeeklyReportView;
import vn.secondment.report.search.WeeklyReportFilter;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.IsoWeek;
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
 * The weekly reports (báo cáo định kỳ hàng tuần), within the caller's scope: the assigned official writes a draft
 * (DUE, DRAFT or RETURNED → DRAFT) and submits it (→ SUBMITTED, late when after its deadline); a coordinator of the
 * assignment's ministry accepts it or returns it with a comment. Every change is audited; submissions and reviews
 * are announced on {@code report.events} in the same transaction.
 */
@ApplicationScoped
public class WeeklyReports {

    public static final String AUDIT_TYPE = "weekly-report";
    /** The list's order, the export's too. */
    private static final Sort ORDER = Sort.descending("r.weekStart").and("a.ministryCode").and("a.provinceCode")
            .and("r.id");
    private static final String WHAT = "Weekly report";

    private final WeeklyReportRepository reports;
    private final KnownOfficialRepository officials;
    private final DraftPrefill prefill;
    private final ReportMapper mapper;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final Clock clock;

    public WeeklyReports(WeeklyReportRepository reports, KnownOfficialRepository officials, DraftPrefill prefill,
                         ReportMapper mapper, AuditTrail audit, EventPublisher events, Clock clock) {
        this.reports = reports;
        this.officials = officials;
        this.prefill = prefill;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<WeeklyReportView> list(WeeklyReportFilter filter, Paging paging, ReportAccess access) {
        Instant now = clock.instant();
        PanacheQuery<WeeklyReport> query = find(where(filter, access, now)).page(Page.of(paging.page, paging.size));
        List<WeeklyReport> page = query.list();
        Map<UUID, String> names = ReportRules.names(officials,
                page.stream().map(r -> r.assignment.officialId).distinct().toList(), access.seesPersonalDetails());
        return new PageView<>(page.stream().map(r -> mapper.toView(r, names.get(r.assignment.officialId), now))
                .toList(), paging.page, paging.size, query.count());
    }

    /** What the list and the export match: the caller's scope and the filters, overdue as of {@code now}. */
    public Where where(WeeklyReportFilter filter, ReportAccess access, Instant now) {
        Where where = ReportRules.assignmentReports("WeeklyReport", access, filter.ministries, filter.province,
                        filter.assignment)
                .and("r.week = :week", "week", filter.week == null ? null : IsoWeek.parse("week", filter.week).toString())
                .and("r.status = :status", "status", filter.status)
                .and("r.late = :late", "late", filter.late);
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
    public void each(Where where, boolean personal, Instant now, Consumer<WeeklyReportView> consumer) {
        ReportRules.inChunks(find(where), reports.getEntityManager(), chunk -> {
            Map<UUID, String> names = ReportRules.names(officials,
                    chunk.stream().map(r -> r.assignment.officialId).distinct().toList(), personal);
            chunk.forEach(r -> consumer.accept(mapper.toView(r, names.get(r.assignment.officialId), now)));
        });
    }

    private PanacheQuery<WeeklyReport> find(Where where) {
        return reports.find("select r " + where.jpql(), ORDER, where.parameters());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WeeklyReportView get(UUID id, ReportAccess access) {
        WeeklyReport r = find(id);
        ReportRules.requireVisible(r.assignment, access, WHAT, id);
        return view(r, access);
    }

    /** Writes the draft: every content field is replaced. DUE, DRAFT or RETURNED → DRAFT; written ones are kept. */
    @Transactional
    public WeeklyReportView write(UUID id, String ifMatch, WeeklyReportRequest request, ReportAccess access) {
        WeeklyReport r = writable(id, ifMatch, access);
        List<Problem.Violation> violations = new ArrayList<>();
        String summary = ReportRules.text("summary", request.summary(), WeeklyReport.MAX_SUMMARY, violations);
        String activities = ReportRules.text("activities", request.activities(), WeeklyReport.MAX_ACTIVITIES,
                violations);
        String communes = ReportRules.text("communesVisited", request.communesVisited(),
                WeeklyReport.MAX_COMMUNES_VISITED, violations);
        String difficulties = ReportRules.text("difficulties", request.difficulties(), WeeklyReport.MAX_TEXT,
                violations);
        String recommendations = ReportRules.text("recommendations", request.recommendations(),
                WeeklyReport.MAX_TEXT, violations);
        String nextWeekPlan = ReportRules.text("nextWeekPlan", request.nextWeekPlan(), WeeklyReport.MAX_TEXT,
                violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The report of " + r.week + " is not valid",
                    violations);
        }
        Map<String, Object> before = mapper.auditState(r);
        r.summary = summary;
        r.activities = activities;
        r.communesVisited = communes;
        r.difficulties = difficulties;
        r.recommendations = recommendations;
        r.nextWeekPlan = nextWeekPlan;
        toDraft(r, before, access, "written");
        return view(r, access);
    }

    /**
     * Starts the draft of a DUE report, prefilled from the assignment's previous written report ({@link DraftPrefill}).
     */
    @Transactional
    public WeeklyReportView startDraft(UUID id, String ifMatch, ReportAccess access) {
        WeeklyReport r = writable(id, ifMatch, access);
        if (r.status != ReportStatus.DUE) {
            throw new ProblemException(ProblemType.CONFLICT, "The report of " + r.week + " is " + r.status
                    + ": its draft was already started; write it with PUT");
        }
        Map<String, Object> before = mapper.auditState(r);
        prefill.fill(r, reports.previousWritten(r.assignment.assignmentId, r.weekStart).orElse(null));
        toDraft(r, before, access, "draft started");
        return view(r, access);
    }

    /** DRAFT or RETURNED → SUBMITTED now; late when now is after the deadline. Summary and activities are needed. */
    @Transactional
    public WeeklyReportView submit(UUID id, String ifMatch, ReportAccess access) {
        WeeklyReport r = find(id);
        ReportRules.requireAuthor(r.assignment, access, WHAT, id);
        Versions.requireMatch(ifMatch, r.version);
        if (r.status != ReportStatus.DRAFT && r.status != ReportStatus.RETURNED) {
            throw new ProblemException(ProblemType.CONFLICT, "The report of " + r.week + " is " + r.status
                    + ": only a draft or a returned report is submitted"
                    + (r.status == ReportStatus.DUE ? " (write it first)" : ""));
        }
        List<Problem.Violation> missing = new ArrayList<>();
        ReportRules.requireWritten("summary", r.summary, missing);
        ReportRules.requireWritten("activities", r.activities, missing);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The report of " + r.week
                    + " is not complete enough to submit", missing);
        }
        Map<String, Object> before = mapper.auditState(r);
        Instant now = ReportRules.now(clock);
        r.status = ReportStatus.SUBMITTED;
        r.submittedAt = now;
        r.late = now.isAfter(r.dueAt);
        r.updatedAt = now;
        audit.record(AUDIT_TYPE, r.id, r.assignment.ministryCode, "submitted", before, mapper.auditState(r),
                access.caller().username(), r.late ? "submitted after its deadline " + r.dueAt : null);
        events.publish(ReportEvents.WEEKLY_REPORT_SUBMITTED, r.id, r.assignment.ministryCode, mapper.toSnapshot(r));
        reports.flush();
        return view(r, access);
    }

    /** SUBMITTED → ACCEPTED, or → RETURNED with a comment saying what to revise. */
    @Transactional
    public WeeklyReportView review(UUID id, String ifMatch, ReviewRequest request, ReportAccess access) {
        WeeklyReport r = find(id);
        ReportRules.requireReviewer(r.assignment, access, WHAT, id);
        Versions.requireMatch(ifMatch, r.version);
        String comment = reviewComment(request);
        if (r.status != ReportStatus.SUBMITTED) {
            throw new ProblemException(ProblemType.CONFLICT, "The report of " + r.week + " is " + r.status
                    + ": only a submitted report is reviewed");
        }
        Map<String, Object> before = mapper.auditState(r);
        Instant now = ReportRules.now(clock);
        boolean accepted = request.decision() == ReviewRequest.Decision.ACCEPT;
        r.status = accepted ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
        r.reviewedBy = access.caller().username();
        r.reviewedAt = now;
        r.reviewComment = comment;
        r.updatedAt = now;
        audit.record(AUDIT_TYPE, r.id, r.assignment.ministryCode, accepted ? "accepted" : "returned", before,
                mapper.auditState(r), r.reviewedBy, comment);
        events.publish(accepted ? ReportEvents.WEEKLY_REPORT_ACCEPTED : ReportEvents.WEEKLY_REPORT_RETURNED, r.id,
                r.assignment.ministryCode, mapper.toSnapshot(r));
        reports.flush();
        return view(r, access);
    }

    /** The review's comment in NFC; a decision is required, and a return needs a comment (422). */
    static String reviewComment(ReviewRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.decision() == null) {
            violations.add(new Problem.Violation("decision", "must be ACCEPT or RETURN"));
        }
        String comment = ReportRules.text("comment", request.comment(), WeeklyReport.MAX_REVIEW_COMMENT, violations);
        if (request.decision() == ReviewRequest.Decision.RETURN && comment == null) {
            violations.add(new Problem.Violation("comment", "say what to revise when returning a report"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The review cannot be recorded", violations);
        }
        return comment;
    }

    private WeeklyReport writable(UUID id, String ifMatch, ReportAccess access) {
        WeeklyReport r = find(id);
        ReportRules.requireAuthor(r.assignment, access, WHAT, id);
        Versions.requireMatch(ifMatch, r.version);
        if (!r.status.withOfficial()) {
            throw new ProblemException(ProblemType.CONFLICT, "The report of " + r.week + " is " + r.status
                    + (r.status == ReportStatus.CANCELLED ? ": its week is no longer owed"
                    : ": it is with the ministry and cannot be changed"));
        }
        return r;
    }

    private void toDraft(WeeklyReport r, Map<String, Object> before, ReportAccess access, String action) {
        Instant now = ReportRules.now(clock);
        r.status = ReportStatus.DRAFT;
        if (r.draftedAt == null) {
            r.draftedAt = now;
        }
        if (audit.record(AUDIT_TYPE, r.id, r.assignment.ministryCode, action, before, mapper.auditState(r),
                access.caller().username(), null)) {
            r.updatedAt = now;
        }
        reports.flush();
    }

    private WeeklyReport find(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound(WHAT, id));
    }

    private WeeklyReportView view(WeeklyReport r, ReportAccess access) {
        HeldAssignment a = r.assignment;
        return mapper.toView(r, ReportRules.name(officials, a.officialId, access), clock.instant());
    }
}
