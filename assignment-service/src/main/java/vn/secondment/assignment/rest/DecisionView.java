package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.RevisionChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A decision and what it did: the deployment it issues, and what it amended in other deployments and their
 * assignments. The lists are given on a single read (absent in lists).
 *
 * @param amends               the earlier decision it amends
 * @param amendedBy            later decisions that amend it
 * @param deployments          the deployment it issues (and any cancelled before, which freed it)
 * @param amendments           what it changed in deployments it does not issue, oldest first
 * @param assignmentAmendments what it changed in assignments of deployments it does not issue, oldest first
 *                             (only the assignments the caller may read)
 */
@Schema(name = "DecisionRecord")
public record DecisionView(UUID id, String ministryCode, String number, LocalDate signedOn,
                           @Schema(nullable = true) String signer, @Schema(nullable = true) String signerTitle,
                           LocalDate effectiveFrom, @Schema(nullable = true) LocalDate effectiveTo,
                           @Schema(nullable = true) String subject, @Schema(nullable = true) DecisionLink amends,
                           @Schema(nullable = true) List<DecisionLink> amendedBy,
                           @Schema(nullable = true) List<IssuedDeployment> deployments,
                           @Schema(nullable = true) List<Amendment> amendments,
                           @Schema(nullable = true) List<AssignmentAmendment> assignmentAmendments,
                           long version, Instant createdAt, @Schema(nullable = true) String createdBy,
                           Instant updatedAt) {

    /** Another decision, by id and number. */
    public record DecisionLink(UUID id, String number, LocalDate signedOn) {
    }

    public record IssuedDeployment(UUID deploymentId, String name, DeploymentStatus status) {
    }

    /** One change the decision made to a deployment: the revision it added. */
    @Schema(name = "DecisionAmendment")
    public record Amendment(UUID deploymentId, String deploymentName, RevisionChange change, LocalDate effectiveFrom,
                            LocalDate startDate, LocalDate endDate, String status) {
    }

    /** One change the decision made to an assignment. */
    public record AssignmentAmendment(UUID assignmentId, UUID deploymentId, RevisionChange change,
                                      LocalDate effectiveFrom, LocalDate startDate, LocalDate endDate, String status) {
    }

    public static final String EXAMPLE = """
            {"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "ministryCode": "BNV", "number": "1013/QĐ-BNV",
             "signedOn": "2025-08-29", "signer": "Nguyễn Văn A", "signerTitle": "Thứ trưởng",
             "effectiveFrom": "2025-08-29", "effectiveTo": null,
             "subject": "Điều chỉnh thời gian tăng cường công chức về các tỉnh, thành phố",
             "amends": {"id": "6fa459ea-ee8a-3ca4-894e-db77e160355e", "number": "878/QĐ-BNV",
                        "signedOn": "2025-08-11"},
             "amendedBy": [], "deployments": [],
             "amendments": [{"deploymentId": "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
               "deploymentName": "Tăng cường công chức hỗ trợ chính quyền địa phương cấp xã", "change": "RESCHEDULED",
               "effectiveFrom": "2025-08-29", "startDate": "2025-09-03", "endDate": "2025-11-03",
               "status": "ISSUED"}],
             "assignmentAmendments": [{"assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
               "deploymentId": "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "change": "RESCHEDULED",
               "effectiveFrom": "2025-08-29", "startDate": "2025-09-03", "endDate": "2025-11-03",
               "status": "PLANNED"}],
             "version": 0, "createdAt": "2025-08-29T03:00:00Z", "createdBy": "bnv.admin",
             "updatedAt": "2025-08-29T03:00:00Z"}""";

    public static final String PAGE_EXAMPLE = """
            {"items": [{"id": "6fa459ea-ee8a-3ca4-894e-db77e160355e", "ministryCode": "BNV", "number": "878/QĐ-BNV",
              "signedOn": "2025-08-11", "signer": "Nguyễn Văn A", "signerTitle": "Thứ trưởng",
              "effectiveFrom": "2025-08-11", "effectiveTo": null,
              "subject": "Cử công chức tăng cường về các tỉnh, thành phố", "amends": null, "amendedBy": null,
              "deployments": null, "amendments": null, "assignmentAmendments": null, "version": 0,
              "createdAt": "2025-08-12T02:00:00Z", "createdBy": "bnv.admin", "updatedAt": "2025-08-12T02:00:00Z"}],
             "page": 0, "size": 20, "totalItems": 1}""";
}
