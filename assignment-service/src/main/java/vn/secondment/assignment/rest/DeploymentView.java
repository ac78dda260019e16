package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.assignment.ItineraryStop;
import vn.secondment.assignment.RevisionChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment. Asked "as of" a date, {@code startDate}, {@code endDate} and {@code status} are those in force on
 * that date and {@code asOf} names it; otherwise they are the current ones.
 *
 * @param decision         the issuing decision (number, date, signer, subject)
 * @param decisionId       the issuing decision's record (GET /decisions/{id})
 * @param revisions        every dated version, oldest first (on a single read; absent in lists)
 * @param amendments       the later decisions that amended it, one per change they made, oldest first (on a single
 *                         read; absent in lists)
 * @param movedAssignments in the answer to a reschedule: the assignments that moved with it; absent otherwise
 * @param itinerary        a delegation's stops in date order (as of the date asked, if one is); absent when it has
 *                         none. Its leader and members: GET /deployments/{id}/members
 */
public record DeploymentView(UUID id, String ministryCode, DeploymentType type, String name, DecisionRef decision,
                             UUID decisionId, LocalDate startDate, LocalDate endDate, DeploymentStatus status,
                             @Schema(nullable = true) LocalDate asOf, List<String> provinceCodes,
                             int officialsPerProvince, Map<String, Integer> provinceQuotas,
                             List<String> partnerMinistries, @Schema(nullable = true) List<RevisionView> revisions,
                             @Schema(nullable = true) List<Amendment> amendments,
                             @Schema(nullable = true) List<MovedAssignment> movedAssignments,
                             long version, Instant createdAt, Instant updatedAt,
                             @Schema(nullable = true) List<ItineraryStop> itinerary) {

    /** A change made by a later decision: the decision by id, number and date, and what it changed when. */
    @Schema(name = "DeploymentAmendment")
    public record Amendment(UUID decisionId, String number, LocalDate date, RevisionChange change,
                            LocalDate effectiveFrom) {
    }

    /**
     * An assignment that moved with the deployment: its period before and after.
     *
     * @param clipped true when it was cut to fit the new period ("assignments": "FIT"), not only shifted
     */
    public record MovedAssignment(UUID assignmentId, LocalDate previousStartDate, LocalDate previousEndDate,
                                  LocalDate startDate, LocalDate endDate, boolean clipped) {
    }

    public static final String PAGE_EXAMPLE = """
            {"items": [{"id": "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "ministryCode": "BNV",
              "type": "RESIDENT_SECONDMENT", "name": "Tăng cường công chức hỗ trợ chính quyền địa phương cấp xã",
              "decision": {"number": "878/QĐ-BNV", "date": "2025-08-11", "signer": "Bộ trưởng Bộ Nội vụ",
                           "subject": "Cử công chức tăng cường về các tỉnh, thành phố"},
              "decisionId": "6fa459ea-ee8a-3ca4-894e-db77e160355e",
              "startDate": "2025-09-03", "endDate": "2025-11-03", "status": "IN_PROGRESS", "asOf": null,
              "provinceCodes": ["01", "04", "08", "…", "96"], "officialsPerProvince": 1,
              "provinceQuotas": {"79": 2}, "partnerMinistries": [], "revisions": null, "amendments": null,
              "movedAssignments": null, "version": 3,
              "createdAt": "2025-08-12T02:00:00Z", "updatedAt": "2025-09-03T01:30:00Z", "itinerary": null}],
             "page": 0, "size": 20, "totalItems": 1}""";
}
