package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.report.service.IssueService;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The bodies of the issue transitions. */
public final class IssueActionRequests {

    private IssueActionRequests() {
    }

    /**
     * An answer: on the spot it must cite the ministry's guidance already in force (guidanceDocument, e.g.
     * "Công văn 4567/BNV-CQĐP"); a unit's answer may cite one.
     */
    public record AnswerRequest(
            @Schema(required = true, minLength = 1, maxLength = IssueService.MAX_TEXT) String answer,
            @Schema(maxLength = MAX_CITATION, pattern = CITATION, description = "Required to answer on the spot. "
                    + CITATION_DESCRIPTION) String guidanceDocument,
            @Schema(description = OccurredAt.DESCRIPTION, examples = OccurredAt.EXAMPLE) OffsetDateTime occurredAt) {
    }

    /** To a unit of the ministry (its code in personnel-service); deadline defaults by report.issues.*. */
    public record EscalationRequest(
            @Schema(required = true, minLength = 1, maxLength = 32,
                    description = "An active unit of the answering ministry") String unitCode,
            @Schema(description = "Today (Vietnam) or later; by default report.issues.escalation-days ahead "
                    + "(urgent-days when it affects citizens or businesses). For an escalation recorded after the "
                    + "fact (occurredAt), the day of the escalation or later, even if that is past") LocalDate deadline,
            @Schema(maxLength = IssueService.MAX_TEXT) String note,
            @Schema(description = OccurredAt.DESCRIPTION, examples = OccurredAt.EXAMPLE) OffsetDateTime occurredAt) {
    }

    /** To another ministry, which then answers it. */
    public record ReferralRequest(
            @Schema(required = true, pattern = Formats.MINISTRY_CODE,
                    description = "Another ministry than the one answering now") String ministryCode,
            @Schema(maxLength = IssueService.MAX_TEXT) String note,
            @Schema(description = OccurredAt.DESCRIPTION, examples = OccurredAt.EXAMPLE) OffsetDateTime occurredAt) {
    }

    /** Why (required to reopen, optional to close). */
    public record ReasonRequest(@Schema(maxLength = 500, description = "Required to reopen") String reason,
                                @Schema(description = OccurredAt.DESCRIPTION, examples = OccurredAt.EXAMPLE) OffsetDateTime occurredAt) {
    }

    /** The longest citation of guidance (service's Fields.citation). */
    public static final int MAX_CITATION = 300;
    /** A citation names a document by its number somewhere in it, as the service checks. */
    public static final String CITATION = ".*" + Formats.DECISION + ".*";
    public static final String CITATION_DESCRIPTION = "Names the guidance document by its number, e.g. "
            + "\"Công văn 4567/BNV-CQĐP\" or \"Thông tư 18/2025/TT-BTC\"";

    public static final String ON_SITE_EXAMPLE = """
            {"answer": "Thực hiện theo hướng dẫn tại Công văn 4567/BNV-CQĐP về bố trí công chức cấp xã",
             "guidanceDocument": "Công văn 4567/BNV-CQĐP"}""";
    public static final String ANSWER_EXAMPLE = """
            {"answer": "Kho bạc Nhà nước khu vực hướng dẫn phường mở tài khoản theo Thông tư 18/2025/TT-BTC",
             "guidanceDocument": "Thông tư 18/2025/TT-BTC"}""";
    public static final String ESCALATION_EXAMPLE = """
            {"unitCode": "VU-CQDP", "deadline": "2025-09-20",
             "note": "Đề nghị Vụ Chính quyền địa phương hướng dẫn trước ngày 20/9"}""";
    public static final String REFERRAL_EXAMPLE = """
            {"ministryCode": "BTC", "note": "Thuộc thẩm quyền của Bộ Tài chính (Kho bạc Nhà nước)"}""";
    public static final String CLOSE_EXAMPLE = """
            {"reason": "Địa phương đã thực hiện theo hướng dẫn"}""";
    public static final String REOPEN_EXAMPLE = """
            {"reason": "Hướng dẫn chưa áp dụng được cho phường có trên 200.000 dân"}""";
}
