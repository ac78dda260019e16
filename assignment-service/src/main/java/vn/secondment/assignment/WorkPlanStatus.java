package vn.secondment.assignment;

/** A weekly work plan is written as a draft, then submitted to the ministry; any later edit makes it a draft again. */
public enum WorkPlanStatus {
    DRAFT, SUBMITTED
}
