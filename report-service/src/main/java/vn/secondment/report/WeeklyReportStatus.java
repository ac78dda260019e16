package vn.secondment.report;

/**
 * Where a weekly report stands. The schedule makes reports DUE and cancels those whose week left the assignment's
 * period; writing, submitting and reviewing them come with the report workflow.
 */
public enum WeeklyReportStatus {
    DUE, CANCELLED
}
