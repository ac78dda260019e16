package vn.secondment.assignment.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One week of an assignment's period and its work plan.
 *
 * @param workPlanId    absent when there is no plan
 * @param late          the plan was submitted at or after the week's Monday 00:00 (Asia/Ho_Chi_Minh)
 * @param overdue       the week has started and no plan has been submitted (MISSING, or still a DRAFT)
 * @param activityCount activities planned (0 without a plan)
 * @param enteredAfterTheFact who entered the plan after the fact and when; absent otherwise
 */
public record WorkPlanWeekView(String week, LocalDate weekStart, LocalDate weekEnd, WeekPlanState state,
                               UUID workPlanId, Instant submittedAt, boolean late, boolean overdue,
                               int activityCount, WorkPlanView.EnteredAfterTheFact enteredAfterTheFact) {
}
