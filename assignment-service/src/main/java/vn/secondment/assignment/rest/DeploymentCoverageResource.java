package vn.secondment.assignment.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.service.CoverageService;

import java.time.LocalDate;
import java.util.UUID;

/** A deployment's coverage rule report (its own root path: JAX-RS prefers it to {@code /deployments}). */
@Authenticated
@Path("/deployments/{id}/coverage")
@Tag(name = "Coverage", description = "Officials required and present in the 34 provinces, ministries side by side")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentCoverageResource {

    static final String EXAMPLE = """
            {"deploymentId": "0f8fad5b-d9cb-469f-a165-70867728950e", "ministryCode": "BNV",
             "name": "Tăng cường công chức hỗ trợ chính quyền địa phương cấp xã", "decisionNumber": "878/QĐ-BNV",
             "type": "RESIDENT_SECONDMENT", "status": "IN_PROGRESS", "startDate": "2025-09-03",
             "endDate": "2025-11-03", "date": "2025-09-15",
             "provinces": [{"provinceCode": "79", "provinceName": "Thành phố Hồ Chí Minh", "required": 2, "count": 1,
                            "state": "GAP", "officials": [{"assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                            "officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "fullName": "Nguyễn Thị Hoa",
                            "role": "LEAD", "status": "ACTIVE",
                            "deploymentId": "0f8fad5b-d9cb-469f-a165-70867728950e", "decisionNumber": "878/QĐ-BNV"}]}],
             "gaps": [{"provinceCode": "79", "provinceName": "Thành phố Hồ Chí Minh", "required": 2, "count": 1,
                       "difference": 1}],
             "excess": [],
             "totals": {"required": 35, "officials": 34, "provincesCovered": 33, "gaps": 1, "excess": 0, "shortfall": 1}}""";

    private final CoverageService coverage;
    private final AssignmentAccess access;

    public DeploymentCoverageResource(CoverageService coverage, AssignmentAccess access) {
        this.coverage = coverage;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getDeploymentCoverage", summary = "Check a deployment's coverage rule on a day",
            description = "For each target province: the officials the rule asks for (officialsPerProvince or the "
                    + "provinceQuotas exception), the assignments of this deployment holding it that day, and the "
                    + "state (NONE, GAP, COVERED, EXCESS); then the gaps and the excess with the difference. The day "
                    + "defaults to today in Vietnam, moved into the deployment's period; a day given outside the "
                    + "period is refused (400). Officials are named only where the caller may read the assignment. "
                    + "Admins, coordinators, province liaisons and viewers; an officer alone gets 403.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = DeploymentCoverageView.class),
                    examples = @ExampleObject(name = "878/QĐ-BNV, one official short in Hồ Chí Minh City",
                            value = EXAMPLE)))
    public DeploymentCoverageView report(@PathParam("id") UUID id,
                                         @QueryParam("date")
                                         @Parameter(description = "The day (yyyy-MM-dd); default today, within the "
                                                 + "deployment's period") LocalDate date) {
        access.requireCoverage();
        return coverage.deploymentCoverage(id, date, access.scope());
    }
}
