package vn.secondment.report.rest;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.events.report.IssueField;
import vn.secondment.report.IssueKind;
import vn.secondment.report.service.IssueService;
import vn.secondment.rest.Formats;

import java.util.UUID;

/**
 * A difficulty or recommendation raised by a seconded officer (assignmentId: the ministry and province are the
 * assignment's) or by a province liaison (provinceCode, their own, defaulting to it; ministryCode: the ministry
 * addressed).
 *
 * @param visitId the field visit it was recorded during, of the same assignment
 */
public record IssueRequest(
        @Schema(description = "An officer's own assignment; absent for a province liaison") UUID assignmentId,
        @Schema(pattern = Formats.MINISTRY_CODE, description = "The ministry addressed: required of a province "
                + "liaison; an officer's issue is addressed to the assignment's ministry") String ministryCode,
        @Schema(pattern = Formats.PROVINCE_CODE, description = "A liaison's own province, by default; an officer's "
                + "is the assignment's") String provinceCode,
        @Schema(pattern = Formats.COMMUNE_CODE) String communeCode,
        UUID visitId,
        @Schema(required = true) IssueField field,
        @Schema(required = true) IssueKind kind,
        @Schema(required = true, minLength = 1, maxLength = IssueService.MAX_TITLE) String title,
        @Schema(required = true, minLength = 1, maxLength = IssueService.MAX_TEXT) String description,
        boolean affectsCitizensOrBusinesses,
        @Schema(description = "When it was raised, for an issue an officer raised that a coordinator records after "
                + "the fact (on behalf of the assignment's official); " + OccurredAt.DESCRIPTION,
                examples = OccurredAt.EXAMPLE) OffsetDateTime occurredAt) {

    public static final String EXAMPLE = """
            {"assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "communeCode": "25942",
             "field": "KHO_BAC", "kind": "DIFFICULTY",
             "title": "Chưa mở được tài khoản tại Kho bạc Nhà nước cho phường mới",
             "description": "Phường Dĩ An chưa được mở tài khoản dự toán nên chưa chi được lương tháng 9",
             "affectsCitizensOrBusinesses": false}""";

    public static final String LIAISON_EXAMPLE = """
            {"ministryCode": "BTC", "provinceCode": "79", "field": "TAI_CHINH_DU_TOAN", "kind": "RECOMMENDATION",
             "title": "Đề nghị hướng dẫn điều chỉnh dự toán sau sắp xếp đơn vị hành chính",
             "description": "Các xã, phường mới cần hướng dẫn thống nhất về điều chỉnh dự toán năm 2025",
             "affectsCitizensOrBusinesses": false}""";
}
