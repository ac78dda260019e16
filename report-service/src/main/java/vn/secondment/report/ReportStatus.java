package vn.secondment.report;

/**
 * Where a weekly or final report stands. The schedule makes reports DUE and cancels those no longer owed; the
 * official writes a DRAFT and submits it; a coordinator accepts it or returns it for revision, and a RETURNED
 * report is written and submitted again.
 */
public enum ReportStatus {
    DUE, DRAFT, SUBMITTED, RETURNED, ACCEPTED, CANCELLED;

    /** Still with the official: may be written, and is overdue once its deadline passes. */
    public boolean withOfficial() {
        return this == DUE || this == DRAFT || this == RETURNED;
    }
}
