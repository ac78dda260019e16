package vn.secondment.report.rest;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.report.FinalReport;

/**
 * The content of a final report (báo cáo tổng hợp cuối đợt); every field is replaced (null clears it). Text is
 * stored in NFC; the sizes are {@link vn.secondment.report.FinalReport}'s.
 *
 * @param summary         tổng quan (required to submit)
 * @param results         kết quả đạt được (required to submit)
 * @param difficulties    khó khăn, vướng mắc
 * @param recommendations kiến nghị, đề xuất
 * @param lessons         bài học kinh nghiệm
 */
public record FinalReportRequest(
        @Schema(maxLength = FinalReport.MAX_TEXT) String summary,
        @Schema(maxLength = FinalReport.MAX_RESULTS) String results,
        @Schema(maxLength = FinalReport.MAX_TEXT) String difficulties,
        @Schema(maxLength = FinalReport.MAX_TEXT) String recommendations,
        @Schema(maxLength = FinalReport.MAX_TEXT) String lessons,
        @Schema(description = OccurredAt.DESCRIPTION, examples = OccurredAt.EXAMPLE) OffsetDateTime occurredAt) {

    public static final String EXAMPLE = """
            {"summary": "Hai tháng biệt phái tại Thành phố Hồ Chí Minh, hỗ trợ 12 phường, xã vận hành chính quyền hai cấp.",
             "results": "Hướng dẫn tại chỗ 45 vướng mắc về thủ tục hành chính; chuyển 8 kiến nghị về các Vụ, Cục của Bộ.",
             "difficulties": "Phần mềm dịch vụ công chưa thống nhất giữa các phường.",
             "recommendations": "Đề nghị Bộ ban hành hướng dẫn thống nhất về mở tài khoản tại Kho bạc Nhà nước.",
             "lessons": "Cần làm việc với Sở Nội vụ ngay tuần đầu để thống nhất danh sách xã, phường khảo sát."}""";
}
