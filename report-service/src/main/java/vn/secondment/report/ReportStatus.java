package vn.secondment.report;

import java.util.List;

/**
 * Where a weekly or final report stands. The schedule makes reports DUE and cancels those no longer owed; the
 * official writes a DRAFT and submits it; a coordinator accepts it or returns it for revision, and a RETURNED
 * report is written and submitted again.
 */
public enum ReportStatus {
    DUE, DRAFT, SUBMITTED, RETURNED, ACCEPTED, CANCELLED;

    /** The states in which a report is with the official: {@link #withOfficial()}. */
    public static final List<ReportStatus> WITH_OFFICIAL = List.of(DUE, DRAFT, RETURNED);

    /** Still with the official: may be written, and is overdue once its deadline passes. */
    public boolean withOfficial() {
        return WITH_OFFICIAL.contains(this);
    }
}
