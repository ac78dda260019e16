package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.WorkPlanStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A work plan in a list: whose, which week, whether and when it was submitted, without its activities. */
// registered by its annotation: only pages of it are answered, and WorkPlanSummaryPage names it
@Schema(description = "A work plan in a list, without its activities")
public record WorkPlanSummaryView(UUID id, UUID assignmentId, AssignmentView.OfficialRef official,
                                  String ministryCode, String provinceCode, String week, LocalDate weekStart,
                                  WorkPlanStatus status, Instant submittedAt, boolean late, int activityCount,
                                  long version, Instant updatedAt,
                                  WorkPlanView.EnteredAfterTheFact enteredAfterTheFact) {

    public static final String PAGE_EXAMPLE = """
            {"items": [{"id": "9b2f8c1e-4a7d-4f0e-8a54-3c2d1e0f9a8b",
              "assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
              "official": {"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "fullName": "Nguyễn Thị Hoa",
                           "position": "Phó Vụ trưởng", "ministryCode": "BNV"},
              "ministryCode": "BNV", "provinceCode": "79", "week": "2025-W37", "weekStart": "2025-09-08",
              "status": "SUBMITTED", "submittedAt": "2025-09-08T03:15:00Z", "late": true, "activityCount": 5,
              "version": 2, "updatedAt": "2025-09-08T03:15:00Z",
              "enteredAfterTheFact": {"enteredBy": "bnv.coordinator", "enteredAt": "2026-12-06T02:00:00Z"}}],
             "page": 0, "size": 20, "totalItems": 1}""";
}
