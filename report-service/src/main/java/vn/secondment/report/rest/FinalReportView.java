package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.events.AfterTheFact;
import vn.secondment.report.ReportStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The final report of an assignment.
 *
 * @param officialName the official's name, shown only to roles that see personal details (not to a viewer)
 * @param endDate      the assignment's end
 * @param dueAt        its deadline: the end date (plus the configured days) at the configured time, Vietnam time
 * @param overdue      not submitted (DUE, DRAFT or RETURNED) and its deadline has passed
 * @param late         whether the last submission came after the deadline
 * @param enteredAfterTheFact who last entered a step of it after it happened and when; null when all was done as it
 *                     happened
 */
public record FinalReportView(UUID id, UUID assignmentId, UUID officialId, String officialName, String ministryCode,
                              String provinceCode, LocalDate endDate, Instant dueAt, ReportStatus status,
                              boolean overdue, @Schema(nullable = true) Instant submittedAt, boolean late,
                              @Schema(nullable = true) String summary, @Schema(nullable = true) String results,
                              @Schema(nullable = true) String difficulties,
                              @Schema(nullable = true) String recommendations, @Schema(nullable = true) String lessons,
                              @Schema(nullable = true) Instant draftedAt, @Schema(nullable = true) String reviewedBy,
                              @Schema(nullable = true) Instant reviewedAt,
                              @Schema(nullable = true) String reviewComment,
                              @Schema(nullable = true) Instant acceptedAt, @Schema(nullable = true) String acceptedBy,
                              @Schema(nullable = true) AfterTheFact enteredAfterTheFact, long version,
                              Instant updatedAt) {

    public static final String EXAMPLE = """
            {"id": "5e1c2a7b-8d3f-4b6a-9c0e-2f4d6b8a1c3e", "assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
             "officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "officialName": "Nguyễn Thị Hoa",
             "ministryCode": "BNV", "provinceCode": "79", "endDate": "2025-11-03", "dueAt": "2025-11-03T10:00:00Z",
             "status": "ACCEPTED", "overdue": false, "submittedAt": "2025-11-03T07:00:00Z", "late": false,
             "summary": "Hai tháng biệt phái tại Thành phố Hồ Chí Minh, hỗ trợ 12 phường, xã vận hành chính quyền hai cấp.",
             "results": "Hướng dẫn tại chỗ 45 vướng mắc về thủ tục hành chính; chuyển 8 kiến nghị về các Vụ, Cục của Bộ.",
             "difficulties": "Phần mềm dịch vụ công chưa thống nhất giữa các phường.",
             "recommendations": "Đề nghị Bộ ban hành hướng dẫn thống nhất về mở tài khoản tại Kho bạc Nhà nước.",
             "lessons": "Cần làm việc với Sở Nội vụ ngay tuần đầu để thống nhất danh sách xã, phường khảo sát.",
             "draftedAt": "2025-10-30T02:00:00Z", "reviewedBy": "bnv.coordinator",
             "reviewedAt": "2025-11-05T03:00:00Z", "reviewComment": "Tiếp thu, tổng hợp báo cáo Bộ trưởng.",
             "acceptedAt": "2025-11-05T03:00:00Z", "acceptedBy": "bnv.coordinator", "enteredAfterTheFact": null,
             "version": 4,
             "updatedAt": "2025-11-05T03:00:00Z"}""";

    public static final String PAGE_EXAMPLE = "{\"items\": [" + EXAMPLE + "], \"page\": 0, \"size\": 20, "
            + "\"totalItems\": 1}";
}
