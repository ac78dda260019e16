package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.events.report.IssueField;
import vn.secondment.report.service.IssueService;

import java.util.UUID;

/**
 * A handbook entry. To publish, issueId names an answered issue; question, answer, field and guidanceDocument
 * default to the issue's (its title and description, its answer). An edit sends question and answer (issueId the
 * same or absent).
 */
public record HandbookRequest(
        @Schema(description = "To publish: an answered issue, whose content the other fields default to")
        UUID issueId,
        @Schema(maxLength = IssueService.MAX_TEXT, description = "Required to edit") String question,
        @Schema(maxLength = IssueService.MAX_TEXT, description = "Required to edit") String answer,
        IssueField field,
        @Schema(maxLength = IssueActionRequests.MAX_CITATION, pattern = IssueActionRequests.CITATION,
                description = IssueActionRequests.CITATION_DESCRIPTION) String guidanceDocument) {

    public static final String EXAMPLE = """
            {"issueId": "0e7c3b2a-6d5f-4e1a-9c8b-7a6f5e4d3c2b",
             "question": "Phường mới chưa thống nhất thành phần hồ sơ thủ tục hành chính thì xử lý thế nào?",
             "answer": "Áp dụng bộ thủ tục hành chính đã được Chủ tịch UBND tỉnh công bố; không yêu cầu thêm giấy tờ",
             "field": "THU_TUC_HANH_CHINH", "guidanceDocument": "Công văn 4567/BNV-CQĐP"}""";
}
