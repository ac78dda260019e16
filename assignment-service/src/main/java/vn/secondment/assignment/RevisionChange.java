package vn.secondment.assignment;

/** What a dated revision of a deployment or an assignment recorded. */
public enum RevisionChange {
    CREATED,
    /** A draft's details were edited before its decision was issued. */
    EDITED,
    ISSUED,
    /** The period moved (a later decision, or following its deployment). */
    RESCHEDULED,
    /** The end moved later. */
    EXTENDED,
    /** The end moved earlier (early return). */
    SHORTENED,
    /** Deployment: the first official arrived; assignment: this official's arrival was confirmed. */
    STARTED,
    COMPLETED,
    CANCELLED,
    WITHDRAWN,
    REPLACED
}
