package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.ActivityKind;
import vn.secondment.assignment.WorkPlanStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A weekly work plan.
 *
 * @param week        ISO week, e.g. 2025-W37
 * @param weekStart   its Monday
 * @param weekEnd     its Sunday
 * @param submittedAt when it was submitted; absent while a draft
 * @param late        submitted at or after the week's Monday 00:00 (Asia/Ho_Chi_Minh)
 * @param createdAt   when it was written (the real date for a plan entered after the fact)
 * @param enteredAfterTheFact who entered it after the fact and when; absent for a plan the official wrote as it
 *                            happened
 */
public record WorkPlanView(UUID id, UUID assignmentId, UUID officialId, String ministryCode, String provinceCode,
                           String week, LocalDate weekStart, LocalDate weekEnd, WorkPlanStatus status,
                           Instant submittedAt, boolean late, String note, List<Activity> activities, long version,
                           Instant createdAt, Instant updatedAt, EnteredAfterTheFact enteredAfterTheFact) {

    /**
     * A plan recorded by a coordinator or ministry admin after it happened: its own dates are the real ones.
     *
     * @param enteredBy who entered it (user name)
     * @param enteredAt when it was entered
     */
    @Schema(description = "Who entered the plan after the fact, and when; its own dates are the real ones")
    public record EnteredAfterTheFact(String enteredBy, Instant enteredAt) {
    }

    /**
     * One activity.
     *
     * @param communeName the commune's full name on that day, e.g. Phường Hoàn Kiếm
     */
    public record Activity(LocalDate day, ActivityKind kind, String communeCode, String communeName, String location,
                           String title, String details) {
    }
}
