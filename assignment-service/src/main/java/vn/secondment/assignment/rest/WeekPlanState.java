package vn.secondment.assignment.rest;

/** Where an assignment stands with one week's work plan. */
public enum WeekPlanState {
    /** No plan yet, and the week has not started. */
    NOT_DUE,
    /** No plan, and the week has started. */
    MISSING,
    /** Written but not submitted (or edited since it was submitted). */
    DRAFT,
    SUBMITTED
}
