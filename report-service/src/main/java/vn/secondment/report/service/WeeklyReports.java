package vn.secondment.report.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.report.ReportStatus;
import vn.secondment.report.WeeklyReport;
import vn.secondment.report.mapping.ReportMapper;
import vn.secondment.report.repository.KnownOfficialRepository;
import vn.secondment.report.repository.WeeklyReportRepository;
import vn.secondment.report.rest.OccurredAt;
import vn.secondment.report.rest.WeeklyReportFilter;
import vn.secondment.report.rest.WeeklyReportRequest;
import vn.secondment.report.rest.WeeklyReportView;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The weekly reports (báo cáo định kỳ hàng tuần) in the {@link ReportWorkflow}: one per assignment and ISO week,
 * listed newest week first, with a draft that starts prefilled from the previous written report.
 */
@ApplicationScoped
public class WeeklyReports extends ReportWorkflow<WeeklyReport, WeeklyReportView, WeeklyReportRequest,
        WeeklyReportFilter> {

    public static final String AUDIT_TYPE = ReportEvents.WEEKLY_REPORT;
    private static final Kind KIND = new Kind("WeeklyReport", "Weekly report", AUDIT_TYPE,
            Sort.descending("r.weekStart").and("a.ministryCode").and("a.provinceCode").and("r.id"),
            ReportEvents.WEEKLY_REPORT_SUBMITTED, ReportEvents.WEEKLY_REPORT_ACCEPTED,
            ReportEvents.WEEKLY_REPORT_RETURNED, "weekly_report", true);

    private final WeeklyReportRepository reports;
    private final DraftPrefill prefill;
    private final ReportMapper mapper;

    public WeeklyReports(WeeklyReportRepository reports, KnownOfficialRepository officials, DraftPrefill prefill,
                         ReportMapper mapper, AuditTrail audit, EventPublisher events, PastRecords past,
                         Clock clock) {
        super(KIND, reports, officials, audit, events, past, clock);
        this.reports = reports;
        this.prefill = prefill;
        this.mapper = mapper;
    }

    /**
     * Starts the draft of a DUE report, prefilled from the assignment's previous written report ({@link DraftPrefill});
     * by the official now, or by a coordinator recording when the official started it ({@code occurredAt}).
     */
    @Transactional
    public WeeklyReportView startDraft(UUID id, String ifMatch, OccurredAt body, ReportAccess access) {
        WeeklyReport r = find(id);
        PastRecords.Past then = author(r, body == null ? null : body.occurredAt(), periodStart(r), access)
                .orElse(null);
        writable(r, ifMatch);
        if (r.status != ReportStatus.DUE) {
            throw new ProblemException(ProblemType.CONFLICT, label(r) + " is " + r.status
                    + ": its draft was already started; write it with PUT");
        }
        Map<String, Object> before = auditState(r);
        prefill.fill(r, reports.previousWritten(r.assignment.assignmentId, r.weekStart).orElse(null));
        toDraft(r, before, access, "draft started", then);
        return view(r, access);
    }

    @Override
    protected String label(WeeklyReport r) {
        return "The report of " + r.week;
    }

    @Override
    protected String notOwed() {
        return ": its week is no longer owed";
    }

    @Override
    protected CommonFilters common(WeeklyReportFilter f) {
        return new CommonFilters(f.ministries, f.province, f.assignment, f.status, f.overdue, f.enteredAfterTheFact);
    }

    @Override
    protected Where filters(Where where, WeeklyReportFilter f) {
        return where.and("r.week = :week", "week", f.week == null ? null : IsoWeek.parse("week", f.week).toString())
                .and("r.late = :late", "late", f.late);
    }

    @Override
    protected Consumer<WeeklyReport> content(WeeklyReportRequest request, List<Problem.Violation> violations) {
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
        return r -> {
            r.summary = summary;
            r.activities = activities;
            r.communesVisited = communes;
            r.difficulties = difficulties;
            r.recommendations = recommendations;
            r.nextWeekPlan = nextWeekPlan;
        };
    }

    @Override
    protected void requireWrittenToSubmit(WeeklyReport r, List<Problem.Violation> missing) {
        ReportRules.requireWritten("summary", r.summary, missing);
        ReportRules.requireWritten("activities", r.activities, missing);
    }

    @Override
    protected WeeklyReportView toView(WeeklyReport r, String officialName, Instant now) {
        return mapper.toView(r, officialName, now);
    }

    @Override
    protected Object toSnapshot(WeeklyReport r, AfterTheFact entered) {
        return mapper.toSnapshot(r, entered);
    }

    /** Its week's Monday, or the assignment's start when later (a first week begun mid-week), Vietnam time. */
    @Override
    protected Instant periodStart(WeeklyReport r) {
        LocalDate start = r.weekStart.isAfter(r.assignment.startDate) ? r.weekStart : r.assignment.startDate;
        return start.atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    @Override
    protected OffsetDateTime occurredAt(WeeklyReportRequest request) {
        return request.occurredAt();
    }

    @Override
    protected Map<String, Object> auditState(WeeklyReport r) {
        return mapper.auditState(r);
    }
}
