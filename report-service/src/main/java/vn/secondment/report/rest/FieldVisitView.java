package vn.secondment.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.events.AfterTheFact;
import vn.secondment.report.CommuneGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A field visit.
 *
 * @param peopleMet whom the official met: personal, null for a viewer
 * @param issueIds  the issues recorded during the visit
 * @param companions the other officials who made the visit with the recorder (officialId), each through their
 *                   assignment; empty for a visit made alone
 * @param enteredAfterTheFact who recorded it on the official's behalf after it happened, and when; null for a visit
 *                  the official recorded
 */
public record FieldVisitView(UUID id, UUID assignmentId, UUID officialId, String ministryCode, String provinceCode,
                             String communeCode, String communeName, LocalDate visitDate, CommuneGroup communeGroup,
                             String communeGroupLabel, @Schema(nullable = true) String peopleMet, String activities,
                             @Schema(nullable = true) String findings, List<UUID> issueIds,
                             @Schema(nullable = true) AfterTheFact enteredAfterTheFact, long version,
                             Instant createdAt, Instant updatedAt, List<Companion> companions) {

    /** An official who made the visit with the recorder, and the assignment through which they did. */
    @Schema(name = "FieldVisitCompanion")
    public record Companion(UUID officialId, UUID assignmentId, String provinceCode) {
    }

    public static final String PAGE_EXAMPLE = """
            {"items": [{"id": "5d0c4a1e-8f2b-4c3d-9e7a-1b2c3d4e5f60",
              "assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
              "officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "ministryCode": "BNV", "provinceCode": "79",
              "communeCode": "25942", "communeName": "Phường Dĩ An", "visitDate": "2025-09-10",
              "communeGroup": "CENTRAL_WARD", "communeGroupLabel": "phường trung tâm đông dân",
              "peopleMet": "Đồng chí Chủ tịch UBND phường",
              "activities": "Làm việc với UBND phường Dĩ An về vận hành chính quyền địa phương hai cấp",
              "findings": "Khối lượng thủ tục hành chính rất lớn trong khi biên chế mỏng",
              "issueIds": ["0e7c3b2a-6d5f-4e1a-9c8b-7a6f5e4d3c2b"], "enteredAfterTheFact": null, "version": 0,
              "createdAt": "2025-09-10T10:15:00Z", "updatedAt": "2025-09-10T10:15:00Z",
              "companions": [{"officialId": "9f1b7c2e-3d4a-4b5c-8e6f-7a8b9c0d1e2f",
                "assignmentId": "2c5f39cb-3fb2-12e3-994a-1127e4ddb538", "provinceCode": "79"}]}],
             "page": 0, "size": 20, "totalItems": 1}""";
}
