package vn.secondment.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import vn.secondment.events.AfterTheFact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@link AssignmentEvents#WORK_PLAN_SUBMITTED}, schema version 1.
 *
 * @param workPlanId    the plan
 * @param assignmentId  the assignment it plans
 * @param officialId    the official who wrote it
 * @param ministryCode  the deployment's ministry
 * @param provinceCode  the assignment's province
 * @param week          ISO week, e.g. {@code 2025-W37}
 * @param weekStart     its Monday
 * @param submittedAt   when it was sent
 * @param late          whether it was sent after the week had started (Asia/Ho_Chi_Minh)
 * @param activityCount how many dated activities it plans
 * @param enteredAfterTheFact who entered it and when, when it was entered after it happened (recorded on behalf of
 *                            the official with its real dates); null for what was done as it happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkPlanSubmitted(UUID workPlanId, UUID assignmentId, UUID officialId, String ministryCode,
                                String provinceCode, String week, LocalDate weekStart, Instant submittedAt,
                                boolean late, int activityCount,
                                AfterTheFact enteredAfterTheFact) {
}
