package vn.secondment.assignment.rest;

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
 */
public record WorkPlanView(UUID id, UUID assignmentId, UUID officialId, String ministryCode, String provinceCode,
                           String week, LocalDate weekStart, LocalDate weekEnd, WorkPlanStatus status,
                           Instant submittedAt, boolean late, String note, List<Activity> activities, long version,
                           Instant createdAt, Instant updatedAt) {

    /**
     * One activity.
     *
     * @param communeName the commune's full name on that day, e.g. Phường Hoàn Kiếm
     */
    public record Activity(LocalDate day, ActivityKind kind, String communeCode, String communeName, String location,
                           String title, String details) {
    }
}
