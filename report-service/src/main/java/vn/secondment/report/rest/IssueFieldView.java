package vn.secondment.report.rest;

/** A field of issues with its Vietnamese label, e.g. THU_TUC_HANH_CHINH, "thủ tục hành chính". */
public record IssueFieldView(String code, String label) {
}
