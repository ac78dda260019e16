package vn.secondment.assignment;

import vn.secondment.rest.IsoWeek;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An official's weekly work plan (lịch công tác tuần) for one assignment and one ISO week: dated activities, sent to
 * the ministry before the week starts. Editing a submitted plan makes it a draft again.
 */
@Entity
@Table(name = "work_plan")
public class WorkPlan {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    public Assignment assignment;

    /** ISO week, e.g. {@code 2025-W37}. */
    @Column(nullable = false)
    public String week;

    /** The week's Monday. */
    @Column(name = "week_start", nullable = false)
    public LocalDate weekStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkPlanStatus status;

    /** When it was submitted; null while a draft (an edited plan is a draft again until it is submitted again). */
    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** Submitted at or after the week's Monday 00:00 in Vietnam; false while a draft. */
    @Column(nullable = false)
    public boolean late;

    public String note;

    @OneToMany(mappedBy = "workPlan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<WorkPlanActivity> activities = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /**
     * Who entered the plan after the fact (a coordinator or ministry admin recording it as it was, its dates the
     * real ones); null for a plan the official wrote as it happened.
     */
    @Column(name = "entered_by")
    public String enteredBy;

    /** When it was entered after the fact (the platform's clock); null with {@link #enteredBy}. */
    @Column(name = "entered_at")
    public Instant enteredAt;

    public IsoWeek isoWeek() {
        return IsoWeek.of(weekStart);
    }
}
