package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The periodic report (báo cáo định kỳ hàng tuần) of one assignment for one ISO week. */
@Entity
@Table(name = "weekly_report")
public class WeeklyReport {

    public static final int MAX_SUMMARY = 4000;
    public static final int MAX_ACTIVITIES = 8000;
    public static final int MAX_COMMUNES_VISITED = 2000;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_REVIEW_COMMENT = 2000;

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "assignment_id")
    public HeldAssignment assignment;

    /** ISO week, e.g. {@code 2025-W37}. */
    @Column(nullable = false)
    public String week;

    @Column(name = "week_start", nullable = false)
    public LocalDate weekStart;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    /** Tình hình chung: the general situation in the province this week. */
    @Column(length = MAX_SUMMARY)
    public String summary;

    /** Kết quả công việc: what was done. */
    @Column(length = MAX_ACTIVITIES)
    public String activities;

    /** The communes and wards visited, as the official writes them. */
    @Column(name = "communes_visited", length = MAX_COMMUNES_VISITED)
    public String communesVisited;

    /** Khó khăn, vướng mắc. */
    @Column(length = MAX_TEXT)
    public String difficulties;

    /** Kiến nghị, đề xuất. */
    @Column(length = MAX_TEXT)
    public String recommendations;

    /** Kế hoạch tuần tới. */
    @Column(name = "next_week_plan", length = MAX_TEXT)
    public String nextWeekPlan;

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

    /** When the deadline sweep announced that its week began; null until then. */
    @Column(name = "due_announced_at")
    public Instant dueAnnouncedAt;

    /** When the deadline sweep announced it overdue; null until then. */
    @Column(name = "overdue_announced_at")
    public Instant overdueAnnouncedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
