package vn.secondment.report.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.data.Where;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.report.FinalReport;
import vn.secondment.report.mapping.ReportMapper;
import vn.secondment.report.repository.FinalReportRepository;
import vn.secondment.report.repository.KnownOfficialRepository;
import vn.secondment.report.rest.FinalReportFilter;
import vn.secondment.report.rest.FinalReportRequest;
import vn.secondment.report.rest.FinalReportView;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.problem.Problem;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The final reports (báo cáo tổng hợp cuối đợt) in the {@link ReportWorkflow}: one per assignment, listed latest
 * deadline first. Its acceptance records who accepted it and when, and is what assignment-service completes the
 * assignment on.
 */
@ApplicationScoped
public class FinalReports extends ReportWorkflow<FinalReport, FinalReportView, FinalReportRequest,
        FinalReportFilter> {

    public static final String AUDIT_TYPE = ReportEvents.FINAL_REPORT;
    private static final Kind KIND = new Kind("FinalReport", "Final report", AUDIT_TYPE,
            Sort.descending("r.dueAt").and("a.ministryCode").and("a.provinceCode").and("r.id"),
            ReportEvents.FINAL_REPORT_SUBMITTED, ReportEvents.FINAL_REPORT_ACCEPTED,
            ReportEvents.FINAL_REPORT_RETURNED, "final_report", false);

    private final ReportMapper mapper;

    public FinalReports(FinalReportRepository reports, KnownOfficialRepository officials, ReportMapper mapper,
                        AuditTrail audit, EventPublisher events, PastRecords past, Clock clock) {
        super(KIND, reports, officials, audit, events, past, clock);
        this.mapper = mapper;
    }

    @Override
    protected String label(FinalReport r) {
        return "The final report";
    }

    @Override
    protected String notOwed() {
        return ": the assignment owes none";
    }

    @Override
    protected CommonFilters common(FinalReportFilter f) {
        return new CommonFilters(f.ministries, f.province, f.assignment, f.status, f.overdue, f.enteredAfterTheFact);
    }

    @Override
    protected Where filters(Where where, FinalReportFilter f) {
        return where;
    }

    @Override
    protected Consumer<FinalReport> content(FinalReportRequest request, List<Problem.Violation> violations) {
        String summary = ReportRules.text("summary", request.summary(), FinalReport.MAX_TEXT, violations);
        String results = ReportRules.text("results", request.results(), FinalReport.MAX_RESULTS, violations);
        String difficulties = ReportRules.text("difficulties", request.difficulties(), FinalReport.MAX_TEXT,
                violations);
        String recommendations = ReportRules.text("recommendations", request.recommendations(), FinalReport.MAX_TEXT,
                violations);
        String lessons = ReportRules.text("lessons", request.lessons(), FinalReport.MAX_TEXT, violations);
        return r -> {
            r.summary = summary;
            r.results = results;
            r.difficulties = difficulties;
            r.recommendations = recommendations;
            r.lessons = lessons;
        };
    }

    @Override
    protected void requireWrittenToSubmit(FinalReport r, List<Problem.Violation> missing) {
        ReportRules.requireWritten("summary", r.summary, missing);
        ReportRules.requireWritten("results", r.results, missing);
    }

    /** The acceptance assignment-service completes the assignment on: who and when travel in the event. */
    @Override
    protected void accepted(FinalReport r, String actor, Instant now) {
        r.acceptedAt = now;
        r.acceptedBy = actor;
    }

    @Override
    protected FinalReportView toView(FinalReport r, String officialName, Instant now) {
        return mapper.toView(r, officialName, now);
    }

    @Override
    protected Object toSnapshot(FinalReport r, AfterTheFact entered) {
        return mapper.toSnapshot(r, entered);
    }

    /** The assignment's start, Vietnam time: a final report may be written from the first day. */
    @Override
    protected Instant periodStart(FinalReport r) {
        return r.assignment.startDate.atStartOfDay(VietnamTime.ZONE).toInstant();
    }

    @Override
    protected OffsetDateTime occurredAt(FinalReportRequest request) {
        return request.occurredAt();
    }

    @Override
    protected Map<String, Object> auditState(FinalReport r) {
        return mapper.auditState(r);
    }
}
