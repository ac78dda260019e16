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
import vn.secondment.data.idempotency.IdempotentRequests;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.UnitType;
import vn.secondment.personnel.mapping.UnitMapper;
import vn.secondment.personnel.security.DirectoryAccess;
import vn.secondment.personnel.service.UnitService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.security.Roles;

import java.util.UUID;

@Authenticated
@Path("/units")
@Tag(name = "Units", description = "Vụ, Cục, Văn phòng, Thanh tra, đơn vị sự nghiệp of a ministry, and their Phòng")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    private static final String EXAMPLE = """
            {"ministryCode": "BNV", "code": "VU-TCCB", "name": "Vụ Tổ chức cán bộ", "type": "DEPARTMENT"}""";

    private final UnitService service;
    private final DirectoryAccess access;
    private final IdempotentRequests idempotency;
    private final UnitMapper mapper;

    public UnitResource(UnitService service, DirectoryAccess access, IdempotentRequests idempotency,
                        UnitMapper mapper) {
        this.service = service;
        this.access = access;
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "createUnit", summary = "Create a unit of a ministry",
            description = "Code and name are unique within the ministry; a parent nests it (a Phòng in a Cục). "
                    + "Publishes unit.created.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Vụ Tổ chức cán bộ", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER)
                           @Parameter(description = "Any unique string per new unit, e.g. a UUID") String key,
                           @Valid @NotNull UnitRequest request, UriInfo uri) {
        return idempotency.once(key, "createUnit", request, () -> {
            OrgUnit unit = service.create(request, access);
            return Response.created(uri.getAbsolutePathBuilder().path(unit.id.toString()).build())
                    .tag(Versions.etag(unit.version)).entity(mapper.toView(unit)).build();
        });
    }

    @GET
    @Operation(operationId = "listUnits", summary = "List units",
            description = "Page size at most " + Paging.MAX_SIZE + "; q matches code or name ignoring diacritics.")
    @APIResponse(responseCode = "200", description = "One page of units",
            content = @Content(schema = @Schema(ref = "UnitPage"),
                    examples = @ExampleObject(name = "units of BNV", value = """
                    {"items": [{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "ministryCode": "BNV",
                    "parentId": null, "code": "VU-TCCB", "name": "Vụ Tổ chức cán bộ", "type": "DEPARTMENT",
                    "typeName": "Vụ", "active": true, "version": 0, "createdAt": "2025-08-01T02:00:00Z",
                    "updatedAt": "2025-08-01T02:00:00Z"}], "page": 0, "size": 20, "totalItems": 1}""")))
    public PageView<UnitView> list(@QueryParam("ministry") @Parameter(description = "Units of this ministry (e.g. BNV)") String ministry,
                                   @QueryParam("parentId") UUID parentId,
                                   @QueryParam("type") UnitType type,
                                   @QueryParam("q") @Parameter(description = "Words of the code or name, ignoring case and diacritics (e.g. to chuc can bo)")
                                   String q,
                                   @BeanParam @Valid Paging paging) {
        PageView<OrgUnit> page = service.list(ministry, parentId, type, q, paging);
        return new PageView<>(page.items().stream().map(mapper::toView).toList(), page.page(), page.size(),
                page.totalItems());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getUnit", summary = "Read one unit",
            description = "The ETag header is the version to send back in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response get(@PathParam("id") UUID id) {
        OrgUnit unit = service.get(id);
        return Response.ok(mapper.toView(unit)).tag(Versions.etag(unit.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "replaceUnit", summary = "Rename, move or close a unit",
            description = "Requires If-Match; publishes unit.changed when something changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                            @Valid @NotNull UnitRequest request) {
        OrgUnit unit = service.replace(id, ifMatch, request, access);
        return Response.ok(mapper.toView(unit)).tag(Versions.etag(unit.version)).build();
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "getUnitAudit", summary = "Who changed this unit, what and when",
            description = "The audit log, newest first: each change with its actor and the fields before and "
                    + "after.")
    @APIResponse(responseCode = "200", description = "One page of the audit log, newest first",
            content = @Content(schema = @Schema(ref = "AuditRecordPage"),
                    examples = @ExampleObject(name = "history", value = AuditRecordView.PAGE_EXAMPLE)))
    public PageView<AuditRecordView> audit(@PathParam("id") UUID id, @BeanParam @Valid Paging paging) {
        return service.history(id, paging, access);
    }
}
