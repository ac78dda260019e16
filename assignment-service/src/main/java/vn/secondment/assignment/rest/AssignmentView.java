package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.AssignmentStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An assignment. Asked "as of" a date, the period and status are those in force on that date and {@code asOf}
 * names it; otherwise they are the current ones.
 *
 * @param official   who, as personnel-service last announced them
 * @param revisions  every dated version, oldest first (on a single read; absent in lists)
 * @param provinceCode absent for a member of a delegation or working group (see the deployment's itinerary)
 * @param leadTitle  the title the leader of a delegation or working group leads with, e.g. "Thứ trưởng"
 */
public record AssignmentView(UUID id, UUID deploymentId, String deploymentName, String decisionNumber,
                             String ministryCode, OfficialRef official, @Schema(nullable = true) String provinceCode,
                             AssignmentRole role,
                             List<String> focusCommunes, LocalDate startDate, LocalDate endDate,
                             AssignmentStatus status, @Schema(nullable = true) LocalDate asOf,
                             @Schema(nullable = true) LocalDate arrivedOn, @Schema(nullable = true) UUID replacesId,
                             @Schema(nullable = true) UUID replacedById,
                             @Schema(nullable = true) List<RevisionView> revisions, long version, Instant createdAt,
                             Instant updatedAt, @Schema(nullable = true) String leadTitle) {

    public static final String PAGE_EXAMPLE = """
            {"items": [{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
              "deploymentId": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
              "deploymentName": "Tăng cường công chức hỗ trợ chính quyền địa phương cấp xã",
              "decisionNumber": "878/QĐ-BNV", "ministryCode": "BNV",
              "official": {"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "fullName": "Nguyễn Thị Hoa",
                           "position": "Phó Vụ trưởng", "ministryCode": "BNV"},
              "provinceCode": "79", "role": "LEAD", "focusCommunes": ["25942"], "startDate": "2025-09-03",
              "endDate": "2025-11-03", "status": "ACTIVE", "asOf": null, "arrivedOn": "2025-09-03",
              "replacesId": null, "replacedById": null, "revisions": null, "version": 2,
              "createdAt": "2025-08-12T02:00:00Z", "updatedAt": "2025-09-03T01:30:00Z", "leadTitle": null}],
             "page": 0, "size": 20, "totalItems": 1}""";

    /** The assigned official. */
    public record OfficialRef(UUID id, String fullName, String position, String ministryCode) {
    }
}
