package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.secondment.events.report.IssueField;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A locality's difficulty or recommendation, raised by a seconded officer or a province liaison and answered by the
 * ministry it is addressed to ({@link #ministryCode}) or, after a referral, by {@link #referredToMinistry}.
 */
@Entity
@Table(name = "locality_issue")
public class LocalityIssue extends BackdatableRecord {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(name = "referred_to_ministry")
    public String referredToMinistry;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "commune_code")
    public String communeCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IssueField field;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IssueKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IssueStatus status;

    /** It affects citizens or businesses: handled first, with the short deadline. */
    public boolean urgent;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    /** ISO week of {@link #raisedAt} in Vietnam, e.g. 2025-W37. */
    @Column(name = "raised_week", nullable = false)
    public String raisedWeek;

    @Column(name = "raised_by", nullable = false)
    public String raisedBy;

    /** The officer who raised it; null when a province liaison did. */
    @Column(name = "official_id")
    public UUID officialId;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "visit_id")
    public UUID visitId;

    @Column(name = "escalated_to_unit")
    public String escalatedToUnit;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** The day the escalated answer is due (until its end, Vietnam time). */
    public LocalDate deadline;

    @Column(name = "overdue_announced_at")
    public Instant overdueAnnouncedAt;

    public String answer;

    @Column(name = "guidance_document")
    public String guidanceDocument;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The ministry that answers it now. */
    public String answeringMinistry() {
        return referredToMinistry != null ? referredToMinistry : ministryCode;
    }

    /**
     * Hands the issue to {@code ministry}, which answers it from now on; the ministry it was addressed to is kept
     * (the figures count it there), and referring it back to that one clears the referral. Any escalation to a unit
     * of the previous answering ministry ends with it.
     */
    public void referTo(String ministry) {
        referredToMinistry = ministry.equals(ministryCode) ? null : ministry;
        escalatedToUnit = null;
        escalatedAt = null;
        deadline = null;
        overdueAnnouncedAt = null;
    }

    /** Escalated, and the whole deadline day (Vietnam) is over without an answer. */
    public boolean overdueOn(LocalDate today) {
        return status == IssueStatus.ESCALATED && deadline != null && today.isAfter(deadline);
    }
}
