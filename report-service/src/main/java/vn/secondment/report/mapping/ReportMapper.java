package vn.secondment.report.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.report.FinalReportSnapshot;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.report.FinalReport;
import vn.secondment.report.Report;
import vn.secondment.report.WeeklyReport;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.report.rest.FinalReportView;
import vn.secondment.report.rest.WeeklyReportView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Weekly and final reports to API views, event payloads and audit states. */
@ApplicationScoped
public class ReportMapper {

    /** @param officialName null when the caller may not see personal details or the official is not known */
    public WeeklyReportView toView(WeeklyReport r, String officialName, Instant now) {
        KnownAssignment a = r.assignment;
        return new WeeklyReportView(r.id, a.assignmentId, a.officialId, officialName, a.ministryCode,
                a.provinceCode, r.week, r.weekStart, r.dueAt, r.status, r.overdue(now), r.submittedAt, r.late,
                r.summary, r.activities, r.communesVisited, r.difficulties, r.recommendations, r.nextWeekPlan,
                r.draftedAt, r.reviewedBy, r.reviewedAt, r.reviewComment, r.enteredAfterTheFact(), r.version,
                r.updatedAt);
    }

    public FinalReportView toView(FinalReport r, String officialName, Instant now) {
        KnownAssignment a = r.assignment;
        return new FinalReportView(r.id, a.assignmentId, a.officialId, officialName, a.ministryCode,
                a.provinceCode, a.endDate, r.dueAt, r.status, r.overdue(now), r.submittedAt, r.late, r.summary,
                r.results, r.difficulties, r.recommendations, r.lessons, r.draftedAt, r.reviewedBy, r.reviewedAt,
                r.reviewComment, r.acceptedAt, r.acceptedBy, r.enteredAfterTheFact(), r.version, r.updatedAt);
    }

    /** @param entered who entered this step after it happened and when; null for a step done now */
    public WeeklyReportSnapshot toSnapshot(WeeklyReport r, AfterTheFact entered) {
        KnownAssignment a = r.assignment;
        return new WeeklyReportSnapshot(r.id, a.assignmentId, a.officialId, a.ministryCode, a.provinceCode, r.week,
                r.weekStart, r.dueAt, r.status.name(), r.submittedAt, r.late, r.reviewComment, entered);
    }

    public FinalReportSnapshot toSnapshot(FinalReport r, AfterTheFact entered) {
        KnownAssignment a = r.assignment;
        return new FinalReportSnapshot(r.id, a.assignmentId, a.officialId, a.ministryCode, a.provinceCode, r.dueAt,
                r.status.name(), r.submittedAt, r.late, r.acceptedAt, r.acceptedBy, r.reviewComment, entered);
    }

    /** The report in the API's field names, for the audit trail. */
    public Map<String, Object> auditState(WeeklyReport r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("week", r.week);
        state.put("dueAt", text(r.dueAt));
        state.put("status", r.status.name());
        state.put("summary", r.summary);
        state.put("activities", r.activities);
        state.put("communesVisited", r.communesVisited);
        state.put("difficulties", r.difficulties);
        state.put("recommendations", r.recommendations);
        state.put("nextWeekPlan", r.nextWeekPlan);
        return workflowState(r, state);
    }

    public Map<String, Object> auditState(FinalReport r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("dueAt", text(r.dueAt));
        state.put("status", r.status.name());
        state.put("summary", r.summary);
        state.put("results", r.results);
        state.put("difficulties", r.difficulties);
        state.put("recommendations", r.recommendations);
        state.put("lessons", r.lessons);
        workflowState(r, state);
        state.put("acceptedAt", text(r.acceptedAt));
        state.put("acceptedBy", r.acceptedBy);
        return state;
    }

    /** Adds where the report stands in the workflow, after its content. */
    private static Map<String, Object> workflowState(Report r, Map<String, Object> state) {
        state.put("submittedAt", text(r.submittedAt));
        state.put("late", r.late);
        state.put("reviewedBy", r.reviewedBy);
        state.put("reviewedAt", text(r.reviewedAt));
        state.put("reviewComment", r.reviewComment);
        state.put("enteredBy", r.enteredBy);
        state.put("enteredAt", text(r.enteredAt));
        return state;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
