package vn.secondment.report.rest;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.report.WeeklyReport;

/**
 * The content of a weekly report as the official writes it; every field is replaced (null clears it). Text is
 * stored in NFC; the sizes are {@link vn.secondment.report.WeeklyReport}'s.
 *
 * @param summary         tình hình chung (required to submit)
 * @param activities      kết quả công việc (required to submit)
 * @param communesVisited the communes and wards visited
 * @param difficulties    khó khăn, vướng mắc
 * @param recommendations kiến nghị, đề xuất
 * @param nextWeekPlan    kế hoạch tuần tới
 */
public record WeeklyReportRequest(
        @Schema(maxLength = WeeklyReport.MAX_SUMMARY) String summary,
        @Schema(maxLength = WeeklyReport.MAX_ACTIVITIES) String activities,
        @Schema(maxLength = WeeklyReport.MAX_COMMUNES_VISITED) String communesVisited,
        @Schema(maxLength = WeeklyReport.MAX_TEXT) String difficulties,
        @Schema(maxLength = WeeklyReport.MAX_TEXT) String recommendations,
        @Schema(maxLength = WeeklyReport.MAX_TEXT) String nextWeekPlan,
        @Schema(description = OccurredAt.DESCRIPTION, examples = OccurredAt.EXAMPLE) OffsetDateTime occurredAt) {

    public static final String EXAMPLE = """
            {"summary": "Chính quyền địa phương hai cấp vận hành ổn định; khối lượng thủ tục hành chính tại phường rất lớn.",
             "activities": "Làm việc với Sở Nội vụ; khảo sát Phường Dĩ An về tiếp nhận hồ sơ trực tuyến.",
             "communesVisited": "Phường Dĩ An, Phường Sài Gòn",
             "difficulties": "Phần mềm dịch vụ công còn lỗi; thiếu công chức chuyên môn tại bộ phận một cửa.",
             "recommendations": "Đề nghị Bộ hướng dẫn thống nhất quy trình điều chỉnh dự toán ngân sách cấp xã.",
             "nextWeekPlan": "Khảo sát các xã vùng sâu, vùng xa; tổng hợp kiến nghị gửi Vụ Tổ chức cán bộ."}""";
}
