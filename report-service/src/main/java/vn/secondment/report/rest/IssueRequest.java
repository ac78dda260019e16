package vn.secondment.report.rest;

import vn.secondment.events.report.IssueField;
import vn.secondment.report.IssueKind;

import java.util.UUID;

/**
 * A difficulty or recommendation raised by a seconded officer (assignmentId: the ministry and province are the
 * assignment's) or by a province liaison (provinceCode, their own, defaulting to it; ministryCode: the ministry
 * addressed).
 *
 * @param visitId the field visit it was recorded during, of the same assignment
 */
public record IssueRequest(UUID assignmentId, String ministryCode, String provinceCode, String communeCode,
                           UUID visitId, IssueField field, IssueKind kind, String title, String description,
                           boolean affectsCitizensOrBusinesses) {

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
