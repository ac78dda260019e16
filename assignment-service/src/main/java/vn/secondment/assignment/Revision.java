package vn.secondment.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One dated version of a deployment or an assignment: its period from {@link #effectiveFrom} on, why, and by which
 * decision. Never updated: a later change adds a revision, so "as of date X" is the newest revision effective on or
 * before X.
 */
@MappedSuperclass
public abstract class Revision {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RevisionChange change;

    /** The day the change took effect: the amending decision's date, an arrival date, a completion date. */
    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    public String reason;

    /** The decision that ordered the change, if one did; number and date below are copies of it. */
    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "decision_number")
    public String decisionNumber;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    /** The status the revised record had from then on. */
    public abstract String statusName();
}
