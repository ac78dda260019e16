package vn.secondment.report.rest;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.report.Report;

/**
 * A coordinator's decision on a submitted report.
 *
 * @param decision ACCEPT or RETURN (for revision)
 * @param comment  required to return: what to revise; optional remark when accepting
 */
public record ReviewRequest(
        @Schema(required = true) Decision decision,
        @Schema(maxLength = Report.MAX_REVIEW_COMMENT, description = "Required to return: what to revise")
        String comment,
        @Schema(description = OccurredAt.DESCRIPTION, examples = OccurredAt.EXAMPLE) OffsetDateTime occurredAt) {

    /** A review made now. */
    public ReviewRequest(Decision decision, String comment) {
        this(decision, comment, null);
    }

    /** Named apart from assignment-service's Decision (a legal decision): the four documents meet in one client. */
    @Schema(name = "ReviewDecision")
    public enum Decision {
        ACCEPT, RETURN
    }

    public static final String RETURN_EXAMPLE = """
            {"decision": "RETURN", "comment": "Đề nghị bổ sung số liệu hồ sơ thủ tục hành chính tồn đọng tại Phường Dĩ An."}""";
    public static final String ACCEPT_EXAMPLE = """
            {"decision": "ACCEPT", "comment": "Báo cáo đầy đủ, đúng hạn."}""";
}
