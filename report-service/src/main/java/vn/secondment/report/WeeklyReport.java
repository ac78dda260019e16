package vn.secondment.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** The periodic report (báo cáo định kỳ hàng tuần) of one assignment for one ISO week. */
@Entity
@Table(name = "weekly_report")
public class WeeklyReport extends Report {

    public static final int MAX_SUMMARY = 4000;
    public static final int MAX_ACTIVITIES = 8000;
    public static final int MAX_COMMUNES_VISITED = 2000;
    public static final int MAX_TEXT = 4000;

    /** ISO week, e.g. {@code 2025-W37}. */
    @Column(nullable = false)
    public String week;

    @Column(name = "week_start", nullable = false)
    public LocalDate weekStart;

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

    /** When the deadline sweep announced that its week began; null until then. */
    @Column(name = "due_announced_at")
    public Instant dueAnnouncedAt;

    /** When the deadline sweep announced it overdue; null until then. */
    @Column(name = "overdue_announced_at")
    public Instant overdueAnnouncedAt;
}
