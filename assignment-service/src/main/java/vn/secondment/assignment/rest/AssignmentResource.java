package vn.secondment.assignment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.service.AssignmentService;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.MergePatch;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.security.Roles;

import java.time.LocalDate;
import java.util.UUID;

@Authenticated
@Path("/assignments")
@Tag(name = "Assignments", description = "Officials sent to provinces: periods, arrivals, replacements, history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private static final String MANAGERS = "Requires If-Match; the deployment's ministry admins and coordinators.";

    private final AssignmentService service;
    private final AssignmentViews views;
    private final AssignmentAccess access;

    public AssignmentResource(AssignmentService service, AssignmentViews views, AssignmentAccess access) {
        this.service = service;
        this.views = views;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listAssignments", summary = "List assignments, now or as of a date",
            description = "Admins and coordinators see their ministry's, a province liaison their province's from "
                    + "every ministry, an officer their own, viewers everything. Filters combine; page size at most "
                    + Paging.MAX_SIZE + ".")
    @APIResponse(responseCode = "200", description = "One page of assignments",
            content = @Content(schema = @Schema(ref = "AssignmentPage"),
                    examples = @ExampleObject(name = "one page", value = AssignmentView.PAGE_EXAMPLE)))
    public PageView<AssignmentView> list(@BeanParam @Valid AssignmentFilter filter, @BeanParam @Valid Paging paging) {
        return views.page(service.list(filter, paging, access), filter.asOf);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAssignment", summary = "Read an assignment, now or as of a date",
            description = "With asOf, the period and status in force on that day. Every dated revision is listed.")
    @APIResponse(responseCode = "200", description = "The assignment",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public Response get(@PathParam("id") UUID id,
                        @QueryParam("asOf") @Parameter(description = "A day (yyyy-MM-dd)") LocalDate asOf) {
        Assignment a = service.get(id, access);
        return Response.ok(views.one(a, asOf)).tag(Versions.etag(a.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "patchAssignment", summary = "Change the role or the focus communes",
            description = "JSON Merge Patch (RFC 7396) of role, focusCommunes (which must belong to the "
                    + "province) and leadTitle (the title a group's leader leads with; cleared when the role becomes "
                    + "MEMBER; a group has one leader at a time: 409 naming existingLeader). Periods and states "
                    + "change through their own operations. " + MANAGERS)
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = Object.class),
            examples = @ExampleObject(name = "focus on Dĩ An", value = "{\"focusCommunes\": [\"25942\"]}")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                          @NotNull JsonNode patch) {
        return ok(service.patchDetails(id, ifMatch, patch, access));
    }

    @POST
    @Path("/{id}/period-changes")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "changeAssignmentPeriod", summary = "Extend, shorten or move one assignment",
            description = "By a later decision; the old period stays as a revision. The overlap and coverage rules "
                    + "apply to the new period. Publishes assignment.rescheduled. " + MANAGERS)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "extension", value = """
            {"startDate": "2025-09-03", "endDate": "2025-11-30",
             "decision": {"number": "1250/QĐ-BNV", "date": "2025-10-25"}, "reason": "Gia hạn theo đề nghị của tỉnh"}""")))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public Response changePeriod(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                 @Valid @NotNull PeriodChangeRequest request) {
        return ok(service.changePeriod(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/arrival")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "confirmArrival", summary = "Confirm the official's arrival",
            description = "PLANNED → ACTIVE from that day; the deployment becomes IN_PROGRESS. Publishes "
                    + "assignment.started. " + MANAGERS)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "arrived", value = "{\"arrivedOn\": \"2025-09-03\"}")))
    @APIResponse(responseCode = "200", description = "Active",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public Response arrive(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull ArrivalRequest request) {
        return ok(service.arrive(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/completion")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "completeAssignment", summary = "End an active assignment",
            description = "On its end date, or earlier (effectiveOn) for an early return. Publishes assignment.ended. "
                    + MANAGERS)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "done",
            value = "{\"effectiveOn\": \"2025-11-03\", \"reason\": \"Hoàn thành nhiệm vụ\"}")))
    @APIResponse(responseCode = "200", description = "Completed",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public Response complete(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull StatusChangeRequest request) {
        return ok(service.complete(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "withdrawAssignment", summary = "Withdraw a planned assignment",
            description = "Before the official went; its days are free again. Publishes assignment.withdrawn. "
                    + MANAGERS)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "illness",
            value = "{\"reason\": \"Cán bộ ốm, không thể đi công tác\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull StatusChangeRequest request) {
        return ok(service.withdraw(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/replacement")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "replaceAssignee", summary = "Hand the assignment to another official",
            description = "The replaced assignment ends the day before `from` (status REPLACED, linked to the new "
                    + "one); the new assignment keeps the province, role, communes and end. Answers with the new "
                    + "assignment. Publishes assignment.replaced and assignment.created. " + MANAGERS)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "replacement", value = """
            {"officialId": "0f8fad5b-d9cb-469f-a165-70867728950e", "from": "2025-10-01",
             "decision": {"number": "1190/QĐ-BNV", "date": "2025-09-28"}, "reason": "Thay thế cán bộ do yêu cầu công tác"}""")))
    @APIResponse(responseCode = "200", description = "The new assignment",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                            @Valid @NotNull ReplacementRequest request) {
        return ok(service.replace(id, ifMatch, request, access));
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "getAssignmentAudit", summary = "Who changed this assignment, what and when",
            description = "Newest first; readable by the ministry's admins and coordinators.")
    @APIResponse(responseCode = "200", description = "One page of the audit log",
            content = @Content(schema = @Schema(ref = "AuditRecordPage"),
                    examples = @ExampleObject(name = "history", value = AuditRecordView.PAGE_EXAMPLE)))
    public PageView<AuditRecordView> audit(@PathParam("id") UUID id, @BeanParam @Valid Paging paging) {
        return service.history(id, paging, access);
    }

    private Response ok(Assignment a) {
        return Response.ok(views.one(a, null)).tag(Versions.etag(a.version)).build();
    }
}
