package vn.secondment.notification;

/**
 * What a reminder is about. The overdue cases (a weekly report past its deadline, an escalated issue past its
 * deadline) are not reminders of this service: report-service announces them itself (weekly-report.overdue,
 * issue.overdue) and the inbox routes those events; a second message would only repeat them.
 */
public enum ReminderKind {
    /** A weekly report not submitted, 24 hours before its deadline; to its officer. */
    WEEKLY_REPORT_DUE_TOMORROW,
    /** No work plan for a week of a held assignment, shortly before the week (Friday 17:00); to the officer. */
    WORK_PLAN_MISSING,
    /** A held assignment ends in 7 days (09:00 Vietnam time); to the officer. */
    ASSIGNMENT_ENDING,
    /** An escalated issue's deadline is near; to the unit it was escalated to and the ministry's coordinators. */
    ISSUE_DEADLINE_NEAR;

    /** The inbox entry's event type, e.g. {@code vn.secondment.notification.reminder.assignment-ending}. */
    public String eventType() {
        return "vn.secondment.notification.reminder." + name().toLowerCase().replace('_', '-');
    }
}
