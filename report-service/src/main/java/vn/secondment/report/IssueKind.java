package vn.secondment.report;

public enum IssueKind {
    /** Khó khăn, vướng mắc. */
    DIFFICULTY,
    /** Kiến nghị. */
    RECOMMENDATION
}
