package vn.secondment.events.contract;

import vn.secondment.events.AfterTheFact;
import vn.secondment.events.EventType;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.assignment.DeploymentSnapshot;
import vn.secondment.events.assignment.SupportRequestSnapshot;
import vn.secondment.events.assignment.WorkPlanSubmitted;
import vn.secondment.events.personnel.AnnexAssignmentRequested;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.OfficialsImported;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.personnel.UnitSnapshot;
import vn.secondment.events.report.FieldVisitRecorded;
import vn.secondment.events.report.FinalReportSnapshot;
import vn.secondment.events.report.IssueSnapshot;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A payload record of each kind of aggregate, built from the contract's records: every field set, and only the
 * fields that may not be null. A new kind of aggregate without samples here fails the contract tests.
 */
final class SamplePayloads {

    private static final UUID A = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID B = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final UUID C = UUID.fromString("16fd2706-8baf-433b-82eb-8c7fada847da");
    private static final LocalDate DAY = LocalDate.of(2025, 9, 15);
    private static final Instant AT = Instant.parse("2025-09-15T01:30:00Z");
    private static final AfterTheFact ENTERED =
            new AfterTheFact("bnv.coordinator", Instant.parse("2026-12-06T02:00:00Z"));

    /** Per aggregate type: the payload with every field set. */
    static final Map<String, Object> FULL = pairs(
            PersonnelEvents.ANNEX_ASSIGNMENT,
            new AnnexAssignmentRequested(C, B, "BNV", A, C, "79", "LEAD", "878/QĐ-BNV", "bnv.admin"),
            PersonnelEvents.OFFICIAL, new OfficialSnapshot(A, "Nguyễn Thị Hoa", "BNV", B, "Phó Vụ trưởng",
                    "CIVIL_SERVANT", "hoa.nt@moha.gov.vn", List.of("tổ chức bộ máy"), true, C),
            PersonnelEvents.UNIT, new UnitSnapshot(B, "BNV", C, "VU-TCCB", "Vụ Tổ chức cán bộ", "DEPARTMENT", true),
            PersonnelEvents.IMPORT, new OfficialsImported(C, "BNV", "878/QĐ-BNV", "phu-luc-878.csv", 34, 2, 1,
                    "bnv.admin"),
            AssignmentEvents.ASSIGNMENT, new AssignmentSnapshot(A, B, C, "BNV", "79", DAY, DAY.plusMonths(2),
                    AssignmentSnapshot.Status.REPLACED, B, DAY.plusDays(1), "LEAD", "Thứ trưởng"),
            AssignmentEvents.DEPLOYMENT, new DeploymentSnapshot(B, "BNV", "RESIDENT_SECONDMENT",
                    "Tăng cường công chức về 34 tỉnh, thành phố", "878/QĐ-BNV", DAY, DAY.plusMonths(2),
                    List.of("79", "01"), "ISSUED", new DeploymentSnapshot.Amendment("901/QĐ-BNV", DAY.minusDays(3),
                    "Lùi thời gian theo đề nghị của tỉnh", DAY.minusDays(14), DAY.plusMonths(2).minusDays(14)), true, C,
                    List.of(new DeploymentSnapshot.ItineraryStop("79", DAY, DAY.plusDays(3)),
                            new DeploymentSnapshot.ItineraryStop("01", DAY.plusDays(4), DAY.plusDays(6)))),
            AssignmentEvents.WORK_PLAN, new WorkPlanSubmitted(C, A, B, "BNV", "79", "2025-W38", DAY, AT, false, 5,
                    ENTERED),
            AssignmentEvents.SUPPORT_REQUEST, new SupportRequestSnapshot(A, "24", "BNV",
                    "Hỗ trợ sắp xếp bộ phận một cửa cấp xã", List.of("07432"), "URGENT", DAY, DAY.plusDays(14),
                    "DECLINED", "MINISTRY", "Đã có đoàn của Bộ làm việc tại tỉnh trong tháng", B, AT),
            ReportEvents.WEEKLY_REPORT, new WeeklyReportSnapshot(A, B, C, "BNV", "79", "2025-W38", DAY, AT,
                    "RETURNED", AT, true, "Bổ sung số liệu xã Dĩ An", ENTERED),
            ReportEvents.FINAL_REPORT, new FinalReportSnapshot(A, B, C, "BNV", "79", AT, "ACCEPTED", AT, false, AT,
                    "bnv.coordinator", "Đạt yêu cầu", ENTERED),
            ReportEvents.FIELD_VISIT, new FieldVisitRecorded(A, B, C, "BNV", "79", "25942", DAY, "CENTRAL_WARD",
                    List.of(B, C), ENTERED, List.of(A)),
            ReportEvents.ISSUE, new IssueSnapshot(A, "BNV", "79", "25942", "THU_TUC_HANH_CHINH",
                    "Chưa rõ thẩm quyền cấp giấy phép xây dựng", true, "REFERRED", B, C, "TT-CNTT", DAY, "BCT",
                    true, AT, ENTERED));

    /** Per aggregate type: the payload with only the fields that may not be null. */
    static final Map<String, Object> MINIMAL = pairs(
            PersonnelEvents.ANNEX_ASSIGNMENT,
            new AnnexAssignmentRequested(C, B, "BNV", A, C, "79", "MEMBER", null, null),
            PersonnelEvents.OFFICIAL, new OfficialSnapshot(A, "Lê Văn An", "BCT", null, null, null, null, null,
                    false, null),
            PersonnelEvents.UNIT, new UnitSnapshot(B, "BNV", null, "TT-CNTT", "Trung tâm Công nghệ thông tin", null,
                    false),
            PersonnelEvents.IMPORT, new OfficialsImported(C, "BNV", null, null, 0, 0, 0, null),
            AssignmentEvents.ASSIGNMENT, new AssignmentSnapshot(A, B, C, "BNV", null, DAY, DAY.plusMonths(2),
                    AssignmentSnapshot.Status.PLANNED, null, null, null, null),
            AssignmentEvents.DEPLOYMENT, new DeploymentSnapshot(B, "BNV", "WORKING_DELEGATION", "Đoàn công tác",
                    null, DAY, DAY, List.of(), "DRAFT", null, null, null, null),
            AssignmentEvents.WORK_PLAN, new WorkPlanSubmitted(C, A, B, "BNV", "79", "2025-W38", DAY, AT, true, 0,
                    null),
            AssignmentEvents.SUPPORT_REQUEST, new SupportRequestSnapshot(A, "24", "BNV", "Hỗ trợ", List.of(),
                    "NORMAL", null, null, "OPEN", null, null, null, AT),
            ReportEvents.WEEKLY_REPORT, new WeeklyReportSnapshot(A, B, C, "BNV", "79", "2025-W38", DAY, AT, "DUE",
                    null, false, null, null),
            ReportEvents.FINAL_REPORT, new FinalReportSnapshot(A, B, C, "BNV", "79", AT, "DUE", null, false, null,
                    null, null, null),
            ReportEvents.FIELD_VISIT, new FieldVisitRecorded(A, B, C, "BNV", "79", "25942", DAY, null, null, null,
                    null),
            ReportEvents.ISSUE, new IssueSnapshot(A, "BNV", "79", null, "OTHER", "Kiến nghị", false, "OPEN", null,
                    null, null, null, null, false, AT, null));

    private SamplePayloads() {
    }

    static Object full(EventType type) {
        return sample(FULL, type);
    }

    static Object minimal(EventType type) {
        return sample(MINIMAL, type);
    }

    /** A map of aggregate type to sample, from alternating keys and values (more than Map.of's ten). */
    private static Map<String, Object> pairs(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            map.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return Map.copyOf(map);
    }

    private static Object sample(Map<String, Object> samples, EventType type) {
        Object sample = samples.get(type.aggregateType());
        if (sample == null) {
            throw new AssertionError("No sample payload for aggregate type " + type.aggregateType() + " of "
                    + type.name() + ": add one to SamplePayloads");
        }
        return sample;
    }
}
