package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment. Asked "as of" a date, {@code startDate}, {@code endDate} and {@code status} are those in force on
 * that date and {@code asOf} names it; otherwise they are the current ones.
 *
 * @param revisions every dated version, oldest first (on a single read; absent in lists)
 */
public record DeploymentView(UUID id, String ministryCode, DeploymentType type, String name, DecisionRef decision,
                             LocalDate startDate, LocalDate endDate, DeploymentStatus status,
                             @Schema(nullable = true) LocalDate asOf, List<String> provinceCodes,
                             int officialsPerProvince, Map<String, Integer> provinceQuotas,
                             List<String> partnerMinistries, @Schema(nullable = true) List<RevisionView> revisions,
                             long version, Instant createdAt, Instant updatedAt) {

    public static final String PAGE_EXAMPLE = """
            {"items": [{"id": "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "ministryCode": "BNV",
              "type": "RESIDENT_SECONDMENT", "name": "Tăng cường công chức hỗ trợ chính quyền địa phương cấp xã",
              "decision": {"number": "878/QĐ-BNV", "date": "2025-08-11", "signer": "Bộ trưởng Bộ Nội vụ",
                           "subject": "Cử công chức tăng cường về các tỉnh, thành phố"},
              "startDate": "2025-09-03", "endDate": "2025-11-03", "status": "IN_PROGRESS", "asOf": null,
              "provinceCodes": ["01", "04", "08", "…", "96"], "officialsPerProvince": 1,
              "provinceQuotas": {"79": 2}, "partnerMinistries": [], "revisions": null, "version": 3,
              "createdAt": "2025-08-12T02:00:00Z", "updatedAt": "2025-09-03T01:30:00Z"}],
             "page": 0, "size": 20, "totalItems": 1}""";
}
