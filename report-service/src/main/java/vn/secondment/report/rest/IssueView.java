package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.report.IssueField;
import vn.secondment.report.IssueKind;
import vn.secondment.report.IssueStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A locality's difficulty or recommendation.
 *
 * @param ministryCode       the ministry it was addressed to
 * @param referredToMinistry the ministry it was referred to, which now answers it
 * @param raisedBy           who raised it; null for a viewer
 * @param answeredBy         who answered it; null for a viewer
 * @param overdue            escalated and its deadline day (Vietnam time) is over without an answer
 * @param enteredAfterTheFact who last entered a step of it after it happened (a coordinator, with its real dates)
 *                           and when; null when every step was recorded as it happened (enteredBy null for a viewer)
 */
public record IssueView(UUID id, String ministryCode, @Schema(nullable = true) String referredToMinistry,
                        String provinceCode, @Schema(nullable = true) String communeCode,
                        @Schema(nullable = true) String communeName, IssueField field, String fieldLabel,
                        IssueKind kind, IssueStatus status, boolean urgent, String title, String description,
                        Instant raisedAt, String raisedWeek, String raisedBy,
                        @Schema(nullable = true) UUID assignmentId, @Schema(nullable = true) UUID officialId,
                        @Schema(nullable = true) UUID visitId, @Schema(nullable = true) String escalatedToUnit,
                        @Schema(nullable = true) Instant escalatedAt, @Schema(nullable = true) LocalDate deadline,
                        boolean overdue, @Schema(nullable = true) String answer,
                        @Schema(nullable = true) String guidanceDocument, @Schema(nullable = true) String answeredBy,
                        @Schema(nullable = true) Instant answeredAt, @Schema(nullable = true) Instant closedAt,
                        @Schema(nullable = true) AfterTheFact enteredAfterTheFact, long version) {

    public static final String ONE = """
            {"id": "0e7c3b2a-6d5f-4e1a-9c8b-7a6f5e4d3c2b", "ministryCode": "BNV", "referredToMinistry": null,
              "provinceCode": "79", "communeCode": "25942", "communeName": "Phường Dĩ An",
              "field": "THU_TUC_HANH_CHINH", "fieldLabel": "thủ tục hành chính", "kind": "DIFFICULTY",
              "status": "ESCALATED", "urgent": true, "title": "Thủ tục hành chính chưa thống nhất giữa các phường",
              "description": "Cùng một thủ tục, mỗi phường yêu cầu thành phần hồ sơ khác nhau",
              "raisedAt": "2025-09-10T03:00:00Z", "raisedWeek": "2025-W37", "raisedBy": "hoa.nt",
              "assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
              "officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
              "visitId": "5d0c4a1e-8f2b-4c3d-9e7a-1b2c3d4e5f60", "escalatedToUnit": "VU-CQDP",
              "escalatedAt": "2025-09-11T02:00:00Z", "deadline": "2025-09-14", "overdue": false, "answer": null,
              "guidanceDocument": null, "answeredBy": null, "answeredAt": null, "closedAt": null,
              "enteredAfterTheFact": null, "version": 1}""";

    public static final String PAGE_EXAMPLE = "{\"items\": [" + ONE + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}";
}
