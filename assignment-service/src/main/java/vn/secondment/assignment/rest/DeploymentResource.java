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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentRevision;
import vn.secondment.assignment.mapping.AssignmentMapper;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.service.AssignmentService;
import vn.secondment.assignment.service.DeploymentMembers;
import vn.secondment.assignment.service.DeploymentService;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.idempotency.IdempotentRequests;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.MergePatch;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.security.Roles;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@Authenticated
@Path("/deployments")
@Tag(name = "Deployments", description = "Rounds of secondment (đợt tăng cường) ordered by a ministry's decision")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    static final String EXAMPLE = """
            {"ministryCode": "BNV", "type": "RESIDENT_SECONDMENT",
             "name": "Tăng cường công chức hỗ trợ chính quyền địa phương cấp xã",
             "decision": {"number": "878/QĐ-BNV", "date": "2025-08-11", "signer": "Bộ trưởng Bộ Nội vụ",
                          "subject": "Cử công chức tăng cường về các tỉnh, thành phố"},
             "startDate": "2025-08-20", "endDate": "2025-10-20", "officialsPerProvince": 1,
             "provinceQuotas": {"79": 2}}""";
    static final String RESCHEDULE_EXAMPLE = """
            {"startDate": "2025-09-03", "endDate": "2025-11-03",
             "decision": {"number": "1013/QĐ-BNV", "date": "2025-08-29"},
             "reason": "Điều chỉnh thời gian tăng cường theo kế hoạch triển khai", "assignments": "FIT"}""";
    static final String GROUP_LEAD_EXAMPLE = """
            {"officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "role": "LEAD", "leadTitle": "Thứ trưởng"}""";
    static final String DELEGATION_EXAMPLE = """
            {"ministryCode": "BNNMT", "type": "WORKING_DELEGATION",
             "name": "Đoàn công tác số 3 của Bộ Nông nghiệp và Môi trường",
             "decision": {"number": "3002/QĐ-BNNMT", "date": "2025-08-05", "signer": "Bộ trưởng"},
             "startDate": "2025-08-11", "endDate": "2025-08-22",
             "itinerary": [{"provinceCode": "38", "startDate": "2025-08-11", "endDate": "2025-08-13"},
                           {"provinceCode": "40", "startDate": "2025-08-14", "endDate": "2025-08-17"},
                           {"provinceCode": "42", "startDate": "2025-08-18", "endDate": "2025-08-22"}]}""";
    static final String ASSIGNMENT_EXAMPLE = """
            {"officialId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "provinceCode": "79", "role": "LEAD",
             "focusCommunes": ["25942"]}""";

    private final DeploymentService service;
    private final AssignmentService assignments;
    private final AssignmentMapper mapper;
    private final AssignmentViews assignmentViews;
    private final AssignmentAccess access;
    private final IdempotentRequests idempotency;
    private final DeploymentMembers members;

    public DeploymentResource(DeploymentService service, AssignmentService assignments, AssignmentMapper mapper,
                              AssignmentViews assignmentViews, AssignmentAccess access,
                              IdempotentRequests idempotency, DeploymentMembers members) {
        this.members = members;
        this.service = service;
        this.assignments = assignments;
        this.mapper = mapper;
        this.assignmentViews = assignmentViews;
        this.access = access;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "createDeployment", summary = "Draft a deployment from its decision",
            description = "Target provinces default to all 34; the coverage rule defaults to one official per province, "
                    + "with exceptions in provinceQuotas (two for Hồ Chí Minh City in the Bộ Nội vụ round). The "
                    + "issuing decision is given by decisionId (a recorded decision of the ministry, see Decisions), "
                    + "or as decision (number, date, signer, subject): found among the ministry's decisions by its "
                    + "number, or recorded from what is given the first time (a number recorded with another date is "
                    + "a 409 naming it, existingDecision). A decision issues one deployment: another deployment "
                    + "holding it is a 409 (decisionHolder) until that one is cancelled. A delegation "
                    + "(WORKING_DELEGATION, INSPECTION_DELEGATION, PROVINCE_REQUEST) may give its itinerary: stops in "
                    + "date order, not overlapping, within the period; its provinces become the target provinces. A "
                    + "STANDING_WORKING_GROUP sits at the ministry: no provinces, no itinerary. Nothing "
                    + "is announced until the deployment is issued. Send an Idempotency-Key to make retries safe.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "878/QĐ-BNV", value = EXAMPLE),
            @ExampleObject(name = "a working delegation over three provinces", value = DELEGATION_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Drafted",
            content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER)
                           @Parameter(description = "Any unique string per new deployment, e.g. a UUID")
                           String idempotencyKey,
                           @Valid @NotNull DeploymentRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, "createDeployment", request, () -> {
            Deployment d = service.create(request, access);
            return Response.created(uri.getAbsolutePathBuilder().path(d.id.toString()).build())
                    .tag(Versions.etag(d.version)).entity(view(d)).build();
        });
    }

    @GET
    @Operation(operationId = "listDeployments", summary = "List deployments, of one ministry or several side by side",
            description = "Readable by every signed-in caller: decisions and periods are public. Page size at most "
                    + Paging.MAX_SIZE + ".")
    @APIResponse(responseCode = "200", description = "One page of deployments",
            content = @Content(schema = @Schema(ref = "DeploymentPage"),
                    examples = @ExampleObject(name = "one page", value = DeploymentView.PAGE_EXAMPLE)))
    public PageView<DeploymentView> list(@BeanParam @Valid DeploymentFilter filter, @BeanParam @Valid Paging paging) {
        PageView<Deployment> page = service.list(filter, paging);
        Map<UUID, DeploymentRevision> inForce = filter.asOf == null ? Map.of()
                : service.asOf(page.items().stream().map(d -> d.id).toList(), filter.asOf);
        return new PageView<>(page.items().stream()
                .map(d -> mapper.toView(d, inForce.get(d.id), filter.asOf, null)).toList(),
                page.page(), page.size(), page.totalItems());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeployment", summary = "Read a deployment, now or as of a date",
            description = "With asOf, the period and status are those in force on that day: 878/QĐ-BNV as of "
                    + "2025-08-20 still says 20/8–20/10/2025, after the amendment 3/9–3/11/2025. Every dated "
                    + "revision is listed. The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The deployment",
            content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    public Response get(@PathParam("id") UUID id,
                        @QueryParam("asOf") @Parameter(description = "A day (yyyy-MM-dd)") LocalDate asOf) {
        Deployment d = service.get(id);
        DeploymentRevision inForce = asOf == null ? null : service.asOf(d, asOf);
        return Response.ok(mapper.toView(d, inForce, asOf, service.revisions(id)))
                .tag(Versions.etag(d.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "replaceDeployment", summary = "Edit a draft deployment",
            description = "Only while DRAFT; an issued deployment changes by a later decision. Requires If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "878/QĐ-BNV", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                            @Valid @NotNull DeploymentRequest request) {
        return ok(service.replace(id, ifMatch, request, access));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "patchDeployment", summary = "Change some fields of a draft deployment",
            description = "JSON Merge Patch (RFC 7396), only while DRAFT. Requires If-Match.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = Object.class),
            examples = @ExampleObject(name = "two officials for Hà Nội", value = "{\"provinceQuotas\": {\"01\": 2, \"79\": 2}}")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                          @NotNull JsonNode patch) {
        return ok(service.patch(id, ifMatch, patch, access));
    }

    @POST
    @Path("/{id}/issue")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "issueDeployment", summary = "Issue the decision",
            description = "DRAFT → ISSUED, effective on the decision's date. Requires If-Match; publishes "
                    + "deployment.issued.")
    @APIResponse(responseCode = "200", description = "Issued",
            content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    public Response issue(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        return ok(service.issue(id, ifMatch, access));
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "rescheduleDeployment", summary = "Move the period by a later decision",
            description = "The old period stays as a revision (ask with asOf). Every assignment still held follows: "
                    + "the start by the start's shift (unless the official already arrived), the end by the end's "
                    + "shift. One that would then lie outside the new period refuses the whole reschedule (409, "
                    + "outsideAssignments), unless the request says \"assignments\": \"FIT\": each is then clipped "
                    + "into the new period, and only those that cannot fit (no day left, an overlap with another "
                    + "assignment of the official, an official who arrived before the new start) refuse it (409, "
                    + "unfitAssignments). Refused as a whole (409, conflicts) if a moved assignment would overlap "
                    + "another of the same official. The answer lists the assignments that moved "
                    + "(movedAssignments). The amending decision is given by number and date (found among the "
                    + "ministry's decisions, or recorded the first time it is named; a number recorded with another "
                    + "date is a 409 naming it) or by decisionId. A delegation's itinerary moves by the start's shift, "
                    + "or is replaced by the itinerary given; stops outside the new period are a 400. Requires "
                    + "If-Match; publishes "
                    + "deployment.rescheduled and one assignment.rescheduled per moved assignment.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "878/QĐ-BNV amended", value = RESCHEDULE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Rescheduled",
            content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    public Response reschedule(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                               @Valid @NotNull PeriodChangeRequest request) {
        DeploymentService.Rescheduled rescheduled = service.reschedule(id, ifMatch, request, access);
        Deployment d = rescheduled.deployment();
        return Response.ok(mapper.toView(d, null, null, service.revisions(d.id), rescheduled.moved()))
                .tag(Versions.etag(d.version)).build();
    }

    @POST
    @Path("/{id}/completion")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "completeDeployment", summary = "Close a finished deployment",
            description = "Allowed once no assignment is planned or active. Requires If-Match; publishes "
                    + "deployment.completed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "round over",
            value = "{\"effectiveOn\": \"2025-11-03\", \"reason\": \"Kết thúc đợt tăng cường\"}")))
    @APIResponse(responseCode = "200", description = "Completed",
            content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    public Response complete(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull StatusChangeRequest request) {
        return ok(service.complete(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "cancelDeployment", summary = "Call a deployment off",
            description = "Its planned assignments are withdrawn; refused (409) while an official is on site. "
                    + "Requires If-Match; publishes deployment.cancelled and assignment.withdrawn.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "revoked",
            value = "{\"reason\": \"Bãi bỏ theo quyết định mới\", \"decision\": {\"number\": \"1100/QĐ-BNV\", \"date\": \"2025-08-30\"}}")))
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull StatusChangeRequest request) {
        return ok(service.cancel(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/assignments")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "createAssignment", summary = "Assign an official to a province, or to a delegation",
            description = "The official must be active and of the deployment's ministry (or a partner ministry). "
                    + "For a resident secondment provinceCode is required. The leader and members of a delegation "
                    + "or working group are assigned without provinceCode (they go where the itinerary goes, or sit "
                    + "at the ministry); the leader is the LEAD with leadTitle (e.g. Thứ trưởng), one at a time: a "
                    + "second is a 409 naming existingLeader. The coverage rule does not apply to groups. "
                    + "Refused with 409 when it would overlap another assignment of the official, in any deployment "
                    + "of any ministry: the problem names it (conflictingAssignment) and suggests the nearest free "
                    + "period within the deployment (suggestedPeriod), if one fits. The period defaults to the "
                    + "deployment's and must lie within it (400). Refused with 409 when the province would exceed the "
                    + "coverage rule, "
                    + "unless allowExcess is true. Focus communes must belong to the province. Publishes "
                    + "assignment.created; send an Idempotency-Key to make retries safe.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "Hồ Chí Minh City, lead", value = ASSIGNMENT_EXAMPLE),
            @ExampleObject(name = "the leader of a delegation", value = GROUP_LEAD_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Assigned",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "409", description = "Overlap or coverage rule", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "overlap", value = """
            {"type": "https://secondment.gov.vn/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "The official already holds assignment 1b4e28ba-2fa1-11d2-883f-0016d3cca427 in province 79 (BNV, 878/QĐ-BNV) from 2025-09-03 to 2025-11-03; nearest free period of the same length: 2025-11-04 to 2025-11-13",
             "instance": "/api/assignment/deployments/0f8fad5b-d9cb-469f-a165-70867728950e/assignments",
             "conflictingAssignment": {"assignmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
               "deploymentId": "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "decisionNumber": "878/QĐ-BNV",
               "ministryCode": "BNV", "provinceCode": "79", "startDate": "2025-09-03", "endDate": "2025-11-03",
               "status": "ACTIVE"},
             "suggestedPeriod": {"startDate": "2025-11-04", "endDate": "2025-11-13"}}""")))
    public Response assign(@PathParam("id") UUID id,
                           @HeaderParam(IdempotentRequests.HEADER)
                           @Parameter(description = "Any unique string per new assignment, e.g. a UUID")
                           String idempotencyKey,
                           @Valid @NotNull AssignmentRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, "createAssignment", request, () -> {
            Assignment a = assignments.create(id, request, access);
            return Response.created(uri.getBaseUriBuilder().path("assignments").path(a.id.toString()).build())
                    .tag(Versions.etag(a.version)).entity(assignmentViews.one(a, null)).build();
        });
    }

    @GET
    @Path("/{id}/members")
    @Operation(operationId = "getDeploymentMembers", summary = "The leader and members of a deployment",
            description = "For a delegation (working, inspection, or sent at a province's request) or a working "
                    + "group: its leader (the LEAD going with the whole group, with the title they lead with, e.g. "
                    + "Thứ trưởng; every signed-in caller sees them, as the decision names them) and its members; for "
                    + "a resident secondment, its officials. Members are limited to the assignments the caller may "
                    + "read (their ministry's, their province's, their own, or all for viewers); withdrawn ones and "
                    + "those replaced before going are left out. A delegation's itinerary comes with it.")
    @APIResponse(responseCode = "200", description = "Leader and members",
            content = @Content(schema = @Schema(implementation = DeploymentMembersView.class),
                    examples = @ExampleObject(name = "an inspection delegation to Lai Châu",
                            value = DeploymentMembersView.EXAMPLE)))
    public DeploymentMembersView members(@PathParam("id") UUID id) {
        return members.members(id, access);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "getDeploymentAudit", summary = "Who changed this deployment, what and when",
            description = "Newest first; readable by the ministry's admins and coordinators.")
    @APIResponse(responseCode = "200", description = "One page of the audit log",
            content = @Content(schema = @Schema(ref = "AuditRecordPage"),
                    examples = @ExampleObject(name = "history", value = AuditRecordView.PAGE_EXAMPLE)))
    public PageView<AuditRecordView> audit(@PathParam("id") UUID id, @BeanParam @Valid Paging paging) {
        return service.history(id, paging, access);
    }

    private Response ok(Deployment d) {
        return Response.ok(view(d)).tag(Versions.etag(d.version)).build();
    }

    private DeploymentView view(Deployment d) {
        return mapper.toView(d, null, null, service.revisions(d.id));
    }
}
