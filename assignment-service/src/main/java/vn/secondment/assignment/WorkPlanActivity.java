package vn.secondment.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** One dated activity of a weekly work plan, in the commune of the assignment's province where it happens. */
@Entity
@Table(name = "work_plan_activity")
public class WorkPlanActivity {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_plan_id")
    public WorkPlan workPlan;

    /** Its place in the plan, from 0, as the official listed it. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityKind kind;

    /** 5-digit code of a commune of the assignment's province; required for a commune survey. */
    @Column(name = "commune_code")
    public String communeCode;

    /** Where, in words (e.g. "Trụ sở Sở Nội vụ"), when a commune code does not say enough. */
    public String location;

    @Column(nullable = false)
    public String title;

    public String details;
}
