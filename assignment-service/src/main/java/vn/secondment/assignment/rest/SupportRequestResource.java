package vn.secondment.assignment.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.SupportRequest;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.security.SupportRequestAccess;
import vn.secondment.assignment.service.SupportRequestService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.security.Roles;

import java.util.UUID;

@Authenticated
@Path("/support-requests")
@Tag(name = "Support requests", description = "A province's requests to a ministry for support (đề nghị hỗ trợ): "
        + "filed by the province's liaison, discussed, accepted with a PROVINCE_REQUEST deployment or declined")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupportRequestResource {

    static final String EXAMPLE = """
            {"ministryCode": "BNV", "topic": "Hỗ trợ vận hành bộ phận một cửa cấp xã",
             "details": "Ba xã mới hợp nhất chưa thống nhất quy trình tiếp nhận hồ sơ.",
             "communeCodes": ["07432"], "urgency": "URGENT",
             "contact": {"name": "Nguyễn Thị Lan", "title": "Phó Giám đốc Sở Nội vụ", "phone": "0204 3854 123",
               "email": "lan.nt@bacninh.gov.vn"},
             "wishedStart": "2025-12-01", "wishedEnd": "2025-12-19"}""";
    static final String ACCEPT_EXAMPLE = """
            {"deployment": {"type": "PROVINCE_REQUEST", "name": "Tổ công tác hỗ trợ tỉnh Bắc Ninh",
              "decision": {"number": "1290/QĐ-BNV", "date": "2025-11-25"}, "startDate": "2025-12-01",
              "endDate": "2025-12-19", "provinceCodes": ["24"]}}""";

    private final SupportRequestService service;
    private final SupportRequestAccess access;
    private final AssignmentAccess assignmentAccess;

    public SupportRequestResource(SupportRequestService service, SupportRequestAccess access,
                                  AssignmentAccess assignmentAccess) {
        this.service = service;
        this.access = access;
        this.assignmentAccess = assignmentAccess;
    }

    @POST
    @RolesAllowed({Roles.PROVINCE_LIAISON, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "fileSupportRequest", summary = "File a support request",
            description = "By a province's liaison, for their province (a platform admin names the province). The "
                    + "communes must be the province's; the contact person needs a phone or an e-mail. The ministry's "
                    + "coordinators are notified.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Bắc Ninh asks Bộ Nội vụ", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(schema = @Schema(implementation = SupportRequestView.class),
                    examples = @ExampleObject(name = "filed", value = SupportRequestView.EXAMPLE)))
    public Response file(@Valid @NotNull SupportRequestRequest request, UriInfo uri) {
        SupportRequest r = service.file(request, access);
        return Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                .tag(Versions.etag(r.version)).entity(service.view(r, access)).build();
    }

    @GET
    @Operation(operationId = "listSupportRequests", summary = "List support requests",
            description = "What the caller may see: a liaison their province's, a ministry's admins and coordinators "
                    + "those addressed to it, viewers and platform admins all (viewers without the contact person). "
                    + "Filters combine; newest first by default; page size at most " + Paging.MAX_SIZE + ".")
    @APIResponse(responseCode = "200", description = "One page of requests",
            content = @Content(schema = @Schema(ref = "SupportRequestPage"),
                    examples = @ExampleObject(name = "one page", value = SupportRequestView.PAGE_EXAMPLE)))
    public PageView<SupportRequestView> list(@BeanParam @Valid SupportRequestFilter filter,
                                             @BeanParam @Valid Paging paging) {
        return service.list(filter, paging, access);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSupportRequest", summary = "Read a support request and its messages",
            description = "The ETag is the version to send in If-Match to accept, decline or withdraw.")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(schema = @Schema(implementation = SupportRequestView.class),
                    examples = @ExampleObject(name = "open", value = SupportRequestView.EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        SupportRequest r = service.get(id, access);
        return Response.ok(service.view(r, access)).tag(Versions.etag(r.version)).build();
    }

    @POST
    @Path("/{id}/messages")
    @RolesAllowed({Roles.PROVINCE_LIAISON, Roles.COORDINATOR, Roles.MINISTRY_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "postSupportRequestMessage", summary = "Ask or answer about a support request",
            description = "A question of the ministry's admins and coordinators, or an answer of the province's "
                    + "liaison, while the request is open; the other side is notified.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a question of the ministry",
            value = "{\"body\": \"Tỉnh cần hỗ trợ trực tiếp tại xã hay trực tuyến?\"}")))
    @APIResponse(responseCode = "200", description = "The request with the new message",
            content = @Content(schema = @Schema(implementation = SupportRequestView.class)))
    public Response post(@PathParam("id") UUID id, @Valid @NotNull SupportRequestMessageRequest request) {
        SupportRequest r = service.post(id, request, access);
        return Response.ok(service.view(r, access)).tag(Versions.etag(r.version)).build();
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.COORDINATOR, Roles.MINISTRY_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "acceptSupportRequest", summary = "Accept a support request",
            description = "By the asked ministry's admins and coordinators; requires If-Match. Either creates the "
                    + "PROVINCE_REQUEST deployment that answers it (a draft, issued by its decision as any "
                    + "deployment: give it as deployment, targeting the province) or links an existing one "
                    + "(deploymentId). The province is notified.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a working group for Bắc Ninh",
            value = ACCEPT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Accepted",
            content = @Content(schema = @Schema(implementation = SupportRequestView.class)))
    public Response accept(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull SupportRequestAcceptance acceptance) {
        SupportRequest r = service.accept(id, ifMatch, acceptance, access, assignmentAccess);
        return Response.ok(service.view(r, access)).tag(Versions.etag(r.version)).build();
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({Roles.COORDINATOR, Roles.MINISTRY_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "declineSupportRequest", summary = "Decline a support request, with the reason",
            description = "By the asked ministry's admins and coordinators; requires If-Match. The province is "
                    + "notified with the reason.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "declined",
            value = "{\"reason\": \"Đoàn công tác của Bộ đã làm việc tại tỉnh trong tháng 11\"}")))
    @APIResponse(responseCode = "200", description = "Declined",
            content = @Content(schema = @Schema(implementation = SupportRequestView.class)))
    public Response decline(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                            @Valid @NotNull SupportRequestOutcome outcome) {
        SupportRequest r = service.decline(id, ifMatch, outcome, access);
        return Response.ok(service.view(r, access)).tag(Versions.etag(r.version)).build();
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.PROVINCE_LIAISON, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "withdrawSupportRequest", summary = "Withdraw a support request, with the reason",
            description = "By the requesting province's liaison while it is open; requires If-Match. The ministry's "
                    + "coordinators are notified.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "withdrawn",
            value = "{\"reason\": \"Tỉnh đã tự xử lý được\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = SupportRequestView.class)))
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull SupportRequestOutcome outcome) {
        SupportRequest r = service.withdraw(id, ifMatch, outcome, access);
        return Response.ok(service.view(r, access)).tag(Versions.etag(r.version)).build();
    }
}
