package vn.secondment.events.report;

import vn.secondment.events.EventType;

/**
 * The contract of report-service's topic ({@link vn.secondment.events.Topics#REPORT}). Each event is keyed by its
 * aggregate's id and carries the aggregate's state after the change:
 * <ul>
 *   <li>weekly report events: {@link WeeklyReportSnapshot};</li>
 *   <li>final report events: {@link FinalReportSnapshot} (accepted is what completes the assignment);</li>
 *   <li>field visit recorded: {@link FieldVisitRecorded};</li>
 *   <li>issue events: {@link IssueSnapshot}.</li>
 * </ul>
 */
public final class ReportEvents {

    public static final String WEEKLY_REPORT = "weekly-report";
    public static final String FINAL_REPORT = "final-report";
    public static final String FIELD_VISIT = "field-visit";
    public static final String ISSUE = "issue";

    private static final String PREFIX = "vn.secondment.report.";

    /** A week began for which the assignment owes a report. */
    public static final EventType WEEKLY_REPORT_DUE = weekly("due");
    public static final EventType WEEKLY_REPORT_SUBMITTED = weekly("submitted");
    /** The coordinator sent it back for revision, with a comment. */
    public static final EventType WEEKLY_REPORT_RETURNED = weekly("returned");
    public static final EventType WEEKLY_REPORT_ACCEPTED = weekly("accepted");
    /** Its deadline passed and it was not submitted; announced once. */
    public static final EventType WEEKLY_REPORT_OVERDUE = weekly("overdue");

    /** A final report's deadline (the end of the assignment) passed and it was not submitted; announced once. */
    public static final EventType FINAL_REPORT_OVERDUE = finalReport("overdue");
    public static final EventType FINAL_REPORT_SUBMITTED = finalReport("submitted");
    /** The ministry sent the final report back for revision, with a comment. */
    public static final EventType FINAL_REPORT_RETURNED = finalReport("returned");
    /** The ministry accepted the final report: the assignment is complete (assignment-service acts on it). */
    public static final EventType FINAL_REPORT_ACCEPTED = finalReport("accepted");

    public static final EventType FIELD_VISIT_RECORDED =
            new EventType(PREFIX + FIELD_VISIT + ".recorded", 1, FIELD_VISIT);

    public static final EventType ISSUE_RAISED = issue("raised");
    /** Answered on the spot, citing the ministry's existing guidance. */
    public static final EventType ISSUE_ANSWERED_ON_SITE = issue("answered-on-site");
    /** Sent to a named unit (Vụ, Cục) of the ministry, with a deadline. */
    public static final EventType ISSUE_ESCALATED = issue("escalated");
    /** The unit it was escalated to answered. */
    public static final EventType ISSUE_ANSWERED = issue("answered");
    /** Handed to another ministry, which now answers it. */
    public static final EventType ISSUE_REFERRED = issue("referred");
    /** An escalation's deadline passed without an answer; announced once per escalation. */
    public static final EventType ISSUE_OVERDUE = issue("overdue");
    public static final EventType ISSUE_CLOSED = issue("closed");
    public static final EventType ISSUE_REOPENED = issue("reopened");

    private ReportEvents() {
    }

    private static EventType weekly(String change) {
        return new EventType(PREFIX + WEEKLY_REPORT + "." + change, 1, WEEKLY_REPORT);
    }

    private static EventType finalReport(String change) {
        return new EventType(PREFIX + FINAL_REPORT + "." + change, 1, FINAL_REPORT);
    }

    private static EventType issue(String change) {
        return new EventType(PREFIX + ISSUE + "." + change, 1, ISSUE);
    }
}
