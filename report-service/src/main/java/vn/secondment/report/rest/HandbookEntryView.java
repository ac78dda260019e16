package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.events.report.IssueField;

import java.time.Instant;
import java.util.UUID;

/** An entry of the handbook of typical situations (cẩm nang tình huống). */
public record HandbookEntryView(UUID id, @Schema(nullable = true) UUID issueId, String ministryCode, IssueField field,
                                String fieldLabel, String question, String answer,
                                @Schema(nullable = true) String guidanceDocument, String publishedBy,
                                Instant publishedAt, Instant updatedAt, @Schema(nullable = true) Instant withdrawnAt,
                                @Schema(nullable = true) String withdrawalReason, long version) {

    public static final String ONE = """
            {"id": "3f2e1d0c-9b8a-4765-8432-10fedcba9876", "issueId": "0e7c3b2a-6d5f-4e1a-9c8b-7a6f5e4d3c2b",
              "ministryCode": "BNV", "field": "THU_TUC_HANH_CHINH", "fieldLabel": "thủ tục hành chính",
              "question": "Phường mới chưa thống nhất thành phần hồ sơ thủ tục hành chính thì xử lý thế nào?",
              "answer": "Áp dụng bộ thủ tục hành chính đã được Chủ tịch UBND tỉnh công bố",
              "guidanceDocument": "Công văn 4567/BNV-CQĐP", "publishedBy": "bnv.tccb",
              "publishedAt": "2025-09-15T02:00:00Z", "updatedAt": "2025-09-15T02:00:00Z", "withdrawnAt": null,
              "withdrawalReason": null, "version": 0}""";

    public static final String PAGE_EXAMPLE = "{\"items\": [" + ONE + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}";
}
