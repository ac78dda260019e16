package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.events.AfterTheFact;
import vn.secondment.report.ReportStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A weekly report of an assignment.
 *
 * @param officialName   the official's name, shown only to roles that see personal details (not to a viewer)
 * @param dueAt          its deadline (the configured day and time of its week, Vietnam time)
 * @param overdue        not submitted (DUE, DRAFT or RETURNED) and its deadline has passed
 * @param submittedAt    its last submission, null before
 * @param late           whether that submission came after the deadline
 * @param reviewComment  the reviewer's comment when returned (or accepted with a remark)
 * @param enteredAfterTheFact who last entered a step of it after it happened (on behalf of the official, with its
 *                       real dates) and when; null when all was done as it happened
 */
public record WeeklyReportView(UUID id, UUID assignmentId, UUID officialId, String officialName, String ministryCode,
                               String provinceCode, String week, LocalDate weekStart, Instant dueAt,
                               ReportStatus status, boolean overdue, @Schema(nullable = true) Instant submittedAt,
                               boolean late, @Schema(nullable = true) String summary,
                               @Schema(nullable = true) String activities,
                               @Schema(nullable = true) String communesVisited,
                               @Schema(nullable = true) String difficulties,
                               @Schema(nullable = true) String recommendations,
                               @Schema(nullable = true) String nextWeekPlan,
                               @Schema(nullable = true) Instant draftedAt, @Schema(nullable = true) String reviewedBy,
                               @Schema(nullable = true) Instant reviewedAt,
                               @Schema(nullable = true) String reviewComment,
                               @Schema(nullable = true) AfterTheFact enteredAfterTheFact, long version,
                               Instant updatedAt) {

    public static final String EXAMPLE = """
            {"id": "9b2f8c1e-4a7d-4f0e-8a54-3c2d1e0f9a8b", "assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
             "officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "officialName": "Nguyễn Thị Hoa",
             "ministryCode": "BNV", "provinceCode": "79", "week": "2025-W37", "weekStart": "2025-09-08",
             "dueAt": "2025-09-12T10:00:00Z", "status": "SUBMITTED", "overdue": false,
             "submittedAt": "2025-09-12T08:30:00Z", "late": false,
             "summary": "Chính quyền địa phương hai cấp vận hành ổn định; khối lượng thủ tục hành chính tại phường rất lớn.",
             "activities": "Làm việc với Sở Nội vụ; khảo sát Phường Dĩ An về tiếp nhận hồ sơ trực tuyến.",
             "communesVisited": "Phường Dĩ An, Phường Sài Gòn",
             "difficulties": "Phần mềm dịch vụ công còn lỗi; thiếu công chức chuyên môn tại bộ phận một cửa.",
             "recommendations": "Đề nghị Bộ hướng dẫn thống nhất quy trình điều chỉnh dự toán ngân sách cấp xã.",
             "nextWeekPlan": "Khảo sát các xã vùng sâu, vùng xa; tổng hợp kiến nghị gửi Vụ Tổ chức cán bộ.",
             "draftedAt": "2025-09-10T02:00:00Z", "reviewedBy": null, "reviewedAt": null, "reviewComment": null,
             "enteredAfterTheFact": null, "version": 3, "updatedAt": "2025-09-12T08:30:00Z"}""";

    public static final String PAGE_EXAMPLE = "{\"items\": [" + EXAMPLE + "], \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1}";
}
