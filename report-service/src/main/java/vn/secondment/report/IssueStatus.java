package vn.secondment.report;

/**
 * OPEN → ANSWERED_ON_SITE | ESCALATED → ANSWERED | REFERRED; ANSWERED, ANSWERED_ON_SITE → CLOSED → OPEN (reopened).
 * A REFERRED issue is answered or escalated by the ministry it was referred to.
 */
public enum IssueStatus {
    OPEN, ANSWERED_ON_SITE, ESCALATED, ANSWERED, REFERRED, CLOSED;

    public boolean answered() {
        return this == ANSWERED_ON_SITE || this == ANSWERED;
    }
}
