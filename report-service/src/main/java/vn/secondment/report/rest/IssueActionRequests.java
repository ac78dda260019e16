package vn.secondment.report.rest;

import java.time.LocalDate;

/** The bodies of the issue transitions. */
public final class IssueActionRequests {

    private IssueActionRequests() {
    }

    /**
     * An answer: on the spot it must cite the ministry's guidance already in force (guidanceDocument, e.g.
     * "Công văn 4567/BNV-CQĐP"); a unit's answer may cite one.
     */
    public record AnswerRequest(String answer, String guidanceDocument) {
    }

    /** To a unit of the ministry (its code in personnel-service); deadline defaults by report.issues.*. */
    public record EscalationRequest(String unitCode, LocalDate deadline, String note) {
    }

    /** To another ministry, which then answers it. */
    public record ReferralRequest(String ministryCode, String note) {
    }

    /** Why (required to reopen, optional to close). */
    public record ReasonRequest(String reason) {
    }

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
