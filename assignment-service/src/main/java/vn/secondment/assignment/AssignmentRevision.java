package vn.secondment.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One dated version of a assignment: its period and status from {@link #effectiveFrom} on, why, and by which
 * decision. Never updated: a later change adds a revision, so "as of date X" is the newest revision effective on or
 * before X.
 */
@Entity
@Table(name = "assignment_revision")
public class AssignmentRevision {

    @Id
    public UUID id;

    @Column(name = "assignment_id", nullable = false)
    public UUID assignmentId;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    public String reason;

    @Column(name = "decision_number")
    public String decisionNumber;

    @Column(name = "decision_date")
    public LocalDate decisionDate;
}
