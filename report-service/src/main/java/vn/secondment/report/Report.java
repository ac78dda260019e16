package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import vn.secondment.report.readmodel.KnownAssignment;

import java.time.Instant;
import java.util.UUID;

/**
 * What a weekly and a final report share: the assignment that owes it, its deadline, where it stands in the
 * workflow (written, submitted, reviewed) and its bookkeeping. The content is each kind's own.
 */
@MappedSuperclass
public abstract class Report extends BackdatableRecord {

    public static final int MAX_REVIEW_COMMENT = 2000;

    @Id
    public UUID id;

    // the final report is one per assignment: the database's unique constraint says so, the mapping need not
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "assignment_id")
    public KnownAssignment assignment;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    /** When the official first wrote it. */
    @Column(name = "drafted_at")
    public Instant draftedAt;

    /** The last submission. */
    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** Whether the last submission came after {@link #dueAt}. */
    @Column(nullable = false)
    public boolean late;

    @Column(name = "reviewed_by", length = 100)
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_comment", length = MAX_REVIEW_COMMENT)
    public String reviewComment;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Not submitted (with the official: DUE, DRAFT or RETURNED) and past its deadline, as of {@code now}. */
    public boolean overdue(Instant now) {
        return status.withOfficial() && dueAt.isBefore(now);
    }
}
