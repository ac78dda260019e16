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
import jakarta.ws.rs.PUT;
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
import vn.secondment.assignment.Decision;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.service.DecisionService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.security.Roles;

import java.util.UUID;

@Authenticated
@Path("/decisions")
@Tag(name = "Decisions", description = "A ministry's decisions (quyết định): the one that issues a deployment and "
        + "the later ones that amend it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {

    static final String EXAMPLE = """
            {"ministryCode": "BNV", "number": "1013/QĐ-BNV", "signedOn": "2025-08-29", "signer": "Nguyễn Văn A",
             "signerTitle": "Thứ trưởng", "effectiveFrom": "2025-08-29",
             "subject": "Điều chỉnh thời gian tăng cường công chức về các tỉnh, thành phố",
             "amendsId": "6fa459ea-ee8a-3ca4-894e-db77e160355e"}""";
    static final String CONFLICT_EXAMPLE = """
            {"type": "https://secondment.gov.vn/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Decision 878/QĐ-BNV of BNV is already recorded (decision 6fa459ea-ee8a-3ca4-894e-db77e160355e, signed on 2025-08-11)",
             "instance": "/api/assignment/decisions",
             "existingDecision": {"id": "6fa459ea-ee8a-3ca4-894e-db77e160355e", "ministryCode": "BNV",
               "number": "878/QĐ-BNV", "signedOn": "2025-08-11"}}""";

    private final DecisionService service;
    private final AssignmentAccess access;

    public DecisionResource(DecisionService service, AssignmentAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "createDecision", summary = "Record a decision",
            description = "By the issuing ministry's admins and coordinators. The number is unique within the "
                    + "issuing ministry (another ministry may use the same): a second record is refused with 409 "
                    + "naming the existing one (existingDecision). effectiveFrom defaults to the signing day; an "
                    + "amended decision (amendsId) must be of the same ministry and signed earlier. Deployment "
                    + "requests that name a decision by number and date find it here, or record it the first time.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "1013/QĐ-BNV amends 878/QĐ-BNV",
            value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = DecisionView.class),
                    examples = @ExampleObject(name = "1013/QĐ-BNV", value = DecisionView.EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The number is already recorded for the ministry",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "already recorded", value = CONFLICT_EXAMPLE)))
    public Response create(@Valid @NotNull DecisionRequest request, UriInfo uri) {
        Decision d = service.create(request, access);
        return Response.created(uri.getAbsolutePathBuilder().path(d.id.toString()).build())
                .tag(Versions.etag(d.version)).entity(service.view(d, access)).build();
    }

    @GET
    @Operation(operationId = "listDecisions", summary = "List decisions",
            description = "Readable by every signed-in caller, as deployments are. Filters combine; page size at "
                    + "most " + Paging.MAX_SIZE + ", newest signed first by default.")
    @APIResponse(responseCode = "200", description = "One page of decisions",
            content = @Content(schema = @Schema(ref = "DecisionRecordPage"),
                    examples = @ExampleObject(name = "one page", value = DecisionView.PAGE_EXAMPLE)))
    public PageView<DecisionView> list(@BeanParam @Valid DecisionFilter filter, @BeanParam @Valid Paging paging) {
        PageView<Decision> page = service.list(filter, paging);
        return new PageView<>(service.views(page.items()), page.page(), page.size(), page.totalItems());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDecision", summary = "Read a decision and what it did",
            description = "The deployment it issues, what it amended in other deployments and in assignments (those "
                    + "the caller may read), the decision it amends and those amending it. The ETag is the version "
                    + "to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = DecisionView.class),
                    examples = @ExampleObject(name = "1013/QĐ-BNV", value = DecisionView.EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        Decision d = service.get(id);
        return Response.ok(service.view(d, access)).tag(Versions.etag(d.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN, Roles.COORDINATOR})
    @Operation(operationId = "replaceDecision", summary = "Correct a decision",
            description = "Full update by the issuing ministry's admins and coordinators; requires If-Match (428 "
                    + "without, 412 when stale). The issuing ministry cannot change. The deployments and amendments "
                    + "it is linked to show the corrected number and date.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "1013/QĐ-BNV", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = DecisionView.class),
                    examples = @ExampleObject(name = "1013/QĐ-BNV", value = DecisionView.EXAMPLE)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                            @Valid @NotNull DecisionRequest request) {
        Decision d = service.replace(id, ifMatch, request, access);
        return Response.ok(service.view(d, access)).tag(Versions.etag(d.version)).build();
    }
}
