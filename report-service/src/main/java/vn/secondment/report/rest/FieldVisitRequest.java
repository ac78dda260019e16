package vn.secondment.report.rest;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.events.report.IssueField;
import vn.secondment.report.CommuneGroup;
import vn.secondment.report.IssueKind;
import vn.secondment.report.service.FieldVisitService;
import vn.secondment.report.service.IssueService;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A field visit as the assigned official writes it. {@code assignmentId} and {@code issues} (the difficulties and
 * recommendations recorded during the visit, raised with it) are taken at creation only; an edit sends the same
 * assignmentId or none, and no issues (later ones are raised with POST /issues and the visit's id).
 * {@code companionOfficialIds} names the other officials who made the visit; on an edit, null keeps them and a list
 * (empty for none) replaces them.
 */
public record FieldVisitRequest(
        @Schema(description = "Required at creation: the caller's own assignment") UUID assignmentId,
        @Schema(required = true, description = "Within the assignment's period, today (Vietnam) or earlier")
        LocalDate visitDate,
        @Schema(required = true, pattern = Formats.COMMUNE_CODE,
                description = "A commune of the assignment's province on the day of the visit") String communeCode,
        @Schema(required = true) CommuneGroup communeGroup,
        @Schema(maxLength = FieldVisitService.MAX_PEOPLE_MET) String peopleMet,
        @Schema(required = true, minLength = 1, maxLength = FieldVisitService.MAX_ACTIVITIES) String activities,
        @Schema(maxLength = FieldVisitService.MAX_FINDINGS) String findings,
        @Size(max = 20) List<VisitIssueRequest> issues,
        @Schema(description = "A visit recorded by a coordinator on behalf of the official: the visitDate is the "
                + "fact; occurredAt, optional, its time on that day (the issues raised with it are dated so, else at "
                + "the day's start)", examples = OccurredAt.EXAMPLE) OffsetDateTime occurredAt,
        @Size(max = MAX_COMPANIONS)
        @Schema(nullable = true, maxItems = MAX_COMPANIONS, description = "The other officials who made the visit "
                + "with the recorder (visits together): each must have an assignment in the recorder's deployment "
                + "covering visitDate (400 on companionOfficialIds[i] otherwise), none twice, not the recorder. "
                + "Each of them sees the visit in their lists and weekly drafts. On an edit, null keeps the "
                + "companions and a list (empty for none) replaces them")
        List<UUID> companionOfficialIds) {

    /** The most officials who go along on one visit (a working delegation's members). */
    public static final int MAX_COMPANIONS = 30;

    /** An issue recorded during the visit: in the visit's commune, addressed to the assignment's ministry. */
    public record VisitIssueRequest(
            @Schema(required = true) IssueField field,
            @Schema(required = true) IssueKind kind,
            @Schema(required = true, minLength = 1, maxLength = IssueService.MAX_TITLE) String title,
            @Schema(required = true, minLength = 1, maxLength = IssueService.MAX_TEXT) String description,
            boolean affectsCitizensOrBusinesses) {
    }

    public static final String EXAMPLE = """
            {"assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "visitDate": "2025-09-10",
             "communeCode": "25942", "communeGroup": "CENTRAL_WARD",
             "peopleMet": "Đồng chí Chủ tịch UBND phường; Trưởng phòng Văn hóa - Xã hội",
             "activities": "Làm việc với UBND phường Dĩ An về vận hành chính quyền địa phương hai cấp",
             "findings": "Khối lượng thủ tục hành chính rất lớn (227.000 dân) trong khi biên chế mỏng",
             "companionOfficialIds": ["9f1b7c2e-3d4a-4b5c-8e6f-7a8b9c0d1e2f"],
             "issues": [{"field": "PHAN_MEM_HA_TANG_SO", "kind": "DIFFICULTY",
               "title": "Phần mềm dịch vụ công báo lỗi khi chuyển hồ sơ",
               "description": "Hồ sơ chuyển từ cấp huyện cũ không hiển thị trên hệ thống giải quyết thủ tục hành chính",
               "affectsCitizensOrBusinesses": true}]}""";
}
