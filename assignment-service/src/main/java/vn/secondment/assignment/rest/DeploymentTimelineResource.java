package vn.secondment.assignment.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.service.DeploymentTimelines;

import java.util.UUID;

/** A deployment's Gantt data (its own root path: JAX-RS prefers it to {@code /deployments}). */
@Authenticated
@Path("/deployments/{id}/timeline")
@Tag(name = "Deployments", description = "Rounds of secondment (đợt tăng cường) ordered by a ministry's decision")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentTimelineResource {

    static final String EXAMPLE = """
            {"deploymentId": "0f8fad5b-d9cb-469f-a165-70867728950e", "ministryCode": "BNV",
             "name": "Tăng cường công chức hỗ trợ chính quyền địa phương cấp xã", "decisionNumber": "878/QĐ-BNV",
             "type": "RESIDENT_SECONDMENT", "status": "IN_PROGRESS", "startDate": "2025-09-03", "endDate": "2025-11-03",
             "from": "2025-08-20", "to": "2025-11-03",
             "milestones": [
               {"change": "CREATED", "effectiveFrom": "2025-08-11", "recordedAt": "2025-08-12T02:00:00Z",
                "recordedBy": "bnv.admin", "status": "DRAFT", "startDate": "2025-08-20", "endDate": "2025-10-20",
                "reason": null, "decisionNumber": "878/QĐ-BNV", "decisionDate": "2025-08-11"},
               {"change": "RESCHEDULED", "effectiveFrom": "2025-08-29", "recordedAt": "2025-08-29T03:00:00Z",
                "recordedBy": "bnv.admin", "status": "ISSUED", "startDate": "2025-09-03", "endDate": "2025-11-03",
                "reason": "Điều chỉnh thời gian tăng cường theo kế hoạch triển khai",
                "decisionNumber": "1013/QĐ-BNV", "decisionDate": "2025-08-29"}],
             "bars": [{"assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                       "officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "officialName": "Nguyễn Thị Hoa",
                       "provinceCode": "79", "provinceName": "Thành phố Hồ Chí Minh", "role": "LEAD",
                       "status": "ACTIVE", "startDate": "2025-09-03", "endDate": "2025-11-03",
                       "arrivedOn": "2025-09-03", "replacesId": null, "replacedById": null,
                       "revisions": [
                         {"change": "CREATED", "effectiveFrom": "2025-08-11", "recordedAt": "2025-08-12T02:05:00Z",
                          "recordedBy": "bnv.admin", "status": "PLANNED", "startDate": "2025-08-20",
                          "endDate": "2025-10-20", "reason": null, "decisionNumber": "878/QĐ-BNV",
                          "decisionDate": "2025-08-11"},
                         {"change": "RESCHEDULED", "effectiveFrom": "2025-08-29", "recordedAt": "2025-08-29T03:00:00Z",
                          "recordedBy": "bnv.admin", "status": "PLANNED", "startDate": "2025-09-03",
                          "endDate": "2025-11-03", "reason": "Điều chỉnh thời gian tăng cường theo kế hoạch triển khai",
                          "decisionNumber": "1013/QĐ-BNV", "decisionDate": "2025-08-29"}]}]}""";

    private final DeploymentTimelines timelines;
    private final AssignmentAccess access;

    public DeploymentTimelineResource(DeploymentTimelines timelines, AssignmentAccess access) {
        this.timelines = timelines;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getDeploymentTimeline", summary = "A deployment's timeline, for a Gantt chart",
            description = "The current period; every dated revision as a milestone (created, issued, rescheduled "
                    + "by a later decision, started, completed...); one bar per assignment with its current period, "
                    + "status, arrival, the assignment it replaces or that replaced it, and its own revisions (its "
                    + "periods over time). Readable by every signed-in caller, but the bars are only the assignments "
                    + "the caller may read (their ministry's, their province's, their own, or all for viewers).")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(schema = @Schema(implementation = TimelineView.class),
                    examples = @ExampleObject(name = "878/QĐ-BNV amended by 1013/QĐ-BNV", value = EXAMPLE)))
    public TimelineView timeline(@PathParam("id") UUID id) {
        return timelines.timeline(id, access);
    }
}
