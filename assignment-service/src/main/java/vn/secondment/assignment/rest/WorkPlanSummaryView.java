package vn.secondment.assignment.rest;

import vn.secondment.assignment.WorkPlanStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A work plan in a list: whose, which week, whether and when it was submitted, without its activities. */
public record WorkPlanSummaryView(UUID id, UUID assignmentId, AssignmentView.OfficialRef official,
                                  String ministryCode, String provinceCode, String week, LocalDate weekStart,
                                  WorkPlanStatus status, Instant submittedAt, boolean late, int activityCount,
                                  long version, Instant updatedAt) {
}
