package vn.secondment.report.rest;

/**
 * A coordinator's decision on a submitted report.
 *
 * @param decision ACCEPT or RETURN (for revision)
 * @param comment  required to return: what to revise; optional remark when accepting
 */
public record ReviewRequest(Decision decision, String comment) {

    public enum Decision {
        ACCEPT, RETURN
    }

    public static final String RETURN_EXAMPLE = """
            {"decision": "RETURN", "comment": "Đề nghị bổ sung số liệu hồ sơ thủ tục hành chính tồn đọng tại Phường Dĩ An."}""";
    public static final String ACCEPT_EXAMPLE = """
            {"decision": "ACCEPT", "comment": "Báo cáo đầy đủ, đúng hạn."}""";
}
