package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One step of an issue, appended and never changed. */
@Entity
@Table(name = "issue_history")
public class IssueHistory {

    @Id
    public UUID id;

    @Column(name = "issue_id", nullable = false)
    public UUID issueId;

    /** 1, 2, 3… in the order the steps happened (several may share an instant). */
    @Column(nullable = false)
    public int step;

    @Column(nullable = false)
    public Instant at;

    /** RAISED, ANSWERED_ON_SITE, ESCALATED, ANSWERED, REFERRED, OVERDUE, CLOSED or REOPENED. */
    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public IssueStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public IssueStatus toStatus;

    public String note;

    @Column(name = "guidance_document")
    public String guidanceDocument;

    public String unit;

    public String ministry;

    public LocalDate deadline;

    /** Who entered this step after it happened, and when; null for a step recorded as it happened. */
    @Column(name = "entered_by", length = 100)
    public String enteredBy;

    @Column(name = "entered_at")
    public Instant enteredAt;
}
