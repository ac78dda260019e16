package vn.secondment.personnel.rest;

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
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.personnel.Ministry;
import vn.secondment.personnel.mapping.MinistryMapper;
import vn.secondment.personnel.service.MinistryService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.time.LocalDate;
import java.util.List;

@Authenticated
@Path("/ministries")
@Tag(name = "Ministries", description = "The ministries and ministry-level agencies (Nghị quyết 176/2025/QH15)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MinistryResource {

    private static final String EXAMPLE = """
            {"code": "BDTTG", "nameVi": "Bộ Dân tộc và Tôn giáo", "nameEn": "Ministry of Ethnic and Religious Affairs",
             "kind": "MINISTRY", "validFrom": "2025-03-01", "validTo": null}""";

    private final MinistryService service;
    private final AuditTrail audit;
    private final Caller caller;
    private final MinistryMapper mapper;

    public MinistryResource(MinistryService service, AuditTrail audit, Caller caller, MinistryMapper mapper) {
        this.service = service;
        this.audit = audit;
        this.caller = caller;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "listMinistries", summary = "List ministries",
            description = "The whole register (17 bodies at most today, so one page), optionally only those that "
                    + "exist on a date.")
    @APIResponse(responseCode = "200", description = "The ministries, ministries first then agencies, by code")
    public List<MinistryView> list(@QueryParam("activeOn")
                                   @Parameter(description = "Only those that exist on this day (e.g. 2025-09-01)")
                                   LocalDate activeOn) {
        return service.list(activeOn).stream().map(mapper::toView).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getMinistry", summary = "Read one ministry",
            description = "The ETag header is the version to send back in If-Match when renaming it.")
    @APIResponse(responseCode = "200", description = "The ministry",
            content = @Content(schema = @Schema(implementation = MinistryView.class)))
    public Response get(@PathParam("code") @Parameter(description = "The ministry code (e.g. BNV)") String code) {
        Ministry ministry = service.get(code);
        return Response.ok(mapper.toView(ministry)).tag(Versions.etag(ministry.version)).build();
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "addMinistry", summary = "Add a ministry (platform admin)",
            description = "Answers 201 with its Location and ETag.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "new ministry", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = MinistryView.class)))
    public Response add(@Valid @NotNull MinistryRequest request, UriInfo uri) {
        Ministry ministry = service.add(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(ministry.code).build())
                .tag(Versions.etag(ministry.version)).entity(mapper.toView(ministry)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "renameMinistry", summary = "Rename a ministry or end its validity (platform admin)",
            description = "The code cannot change. Requires If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = MinistryView.class)))
    public Response rename(@PathParam("code") String code, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull MinistryRequest request) {
        Ministry ministry = service.rename(code, ifMatch, request, caller);
        return Response.ok(mapper.toView(ministry)).tag(Versions.etag(ministry.version)).build();
    }

    @GET
    @Path("/{code}/audit")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "getMinistryAudit", summary = "Who changed this ministry, what and when",
            description = "The audit log, newest first: each change with its actor and the fields before and "
                    + "after.")
    @APIResponse(responseCode = "200", description = "One page of the audit log, newest first",
            content = @Content(schema = @Schema(ref = "AuditRecordPage"),
                    examples = @ExampleObject(name = "history", value = AuditRecordView.PAGE_EXAMPLE)))
    public PageView<AuditRecordView> audit(@PathParam("code") String code, @BeanParam @Valid Paging paging) {
        service.get(code);
        return audit.history(MinistryService.AUDIT_TYPE, code, paging);
    }
}
