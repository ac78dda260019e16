package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import vn.secondment.events.AfterTheFact;

import java.time.Instant;

/**
 * A record whose facts a coordinator may enter after they happened (reports, visits, issues): who last entered a past
 * fact of it and when, beside the real dates its own fields keep. Null for a record kept entirely as it happened.
 */
@MappedSuperclass
public abstract class BackdatableRecord {

    /** Who last entered a past fact of this record (on behalf of the official, with its real dates); null if none. */
    @Column(name = "entered_by", length = 100)
    public String enteredBy;

    /** When that was entered. */
    @Column(name = "entered_at")
    public Instant enteredAt;

    /** Who entered a past fact of it and when, or null when everything was recorded as it happened. */
    public AfterTheFact enteredAfterTheFact() {
        return enteredAt == null ? null : new AfterTheFact(enteredBy, enteredAt);
    }

    /** Marks that a past fact of it was entered (null: done as it happened, nothing changes). */
    public void entered(AfterTheFact entered) {
        if (entered != null) {
            enteredBy = entered.enteredBy();
            enteredAt = entered.enteredAt();
        }
    }
}
