package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** The final summary report (báo cáo tổng hợp cuối đợt) of one assignment, due at its end. */
@Entity
@Table(name = "final_report")
public class FinalReport {

    public static final int MAX_TEXT = 8000;
    public static final int MAX_RESULTS = 16000;

    @Id
    public UUID id;

    @OneToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "assignment_id")
    public HeldAssignment assignment;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    /** Tổng quan: the secondment as a whole. */
    @Column(length = MAX_TEXT)
    public String summary;

    /** Kết quả đạt được. */
    @Column(length = MAX_RESULTS)
    public String results;

    /** Khó khăn, vướng mắc. */
    @Column(length = MAX_TEXT)
    public String difficulties;

    /** Kiến nghị, đề xuất. */
    @Column(length = MAX_TEXT)
    public String recommendations;

    /** Bài học kinh nghiệm. */
    @Column(length = MAX_TEXT)
    public String lessons;

    @Column(name = "drafted_at")
    public Instant draftedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(nullable = false)
    public boolean late;

    @Column(name = "reviewed_by", length = 100)
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_comment", length = WeeklyReport.MAX_REVIEW_COMMENT)
    public String reviewComment;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by", length = 100)
    public String acceptedBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
