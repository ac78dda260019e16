package vn.secondment.personnel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.idempotency.IdempotentRequests;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.mapping.OfficialMapper;
import vn.secondment.personnel.security.DirectoryAccess;
import vn.secondment.personnel.service.LoginService;
import vn.secondment.personnel.service.OfficialExport;
import vn.secondment.personnel.service.OfficialService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.http.MergePatch;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Roles;
import vn.secondment.tabular.Downloads;
import vn.secondment.tabular.TableFormat;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;

@Authenticated
@Path("/officials")
@Tag(name = "Officials", description = "Officials of a ministry who can be seconded")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfficialResource {

    static final String EXAMPLE = """
            {"fullName": "Nguyễn Thị Hoa", "gender": "FEMALE", "dateOfBirth": "1980-05-17", "ministryCode": "BNV",
             "position": "Phó Vụ trưởng", "grade": "chuyên viên chính", "category": "CIVIL_SERVANT",
             "email": "hoa.nt@moha.gov.vn", "phone": "0912345678", "expertise": ["tổ chức bộ máy", "tiền lương"]}""";

    private final OfficialService service;
    private final OfficialMapper mapper;
    private final DirectoryAccess access;
    private final IdempotentRequests idempotency;
    private final OfficialExport export;
    private final Clock clock;
    private final LoginService logins;

    public OfficialResource(OfficialService service, OfficialMapper mapper, DirectoryAccess access,
                            IdempotentRequests idempotency, OfficialExport export, Clock clock,
                            LoginService logins) {
        this.logins = logins;
        this.service = service;
        this.mapper = mapper;
        this.access = access;
        this.idempotency = idempotency;
        this.export = export;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "registerOfficial", summary = "Add an official to a ministry's directory",
            description = "A ministry admin adds to their own ministry; publishes official.registered. Send an "
                    + "Idempotency-Key so that a retry returns the first answer instead of a second official.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Bộ Nội vụ", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    public Response register(@HeaderParam(IdempotentRequests.HEADER)
                             @Parameter(description = "Any unique string per new official, e.g. a UUID")
                             String idempotencyKey,
                             @Valid @NotNull OfficialRequest request, UriInfo uri) {
        return idempotency.once(idempotencyKey, "registerOfficial", request, () -> {
            Official official = service.register(request, access);
            return Response.created(uri.getAbsolutePathBuilder().path(official.id.toString()).build())
                    .tag(Versions.etag(official.version))
                    .entity(view(official))
                    .build();
        });
    }

    @GET
    @Operation(operationId = "listOfficials", summary = "List and search officials",
            description = "Filters combine; text search ignores case and diacritics. Page size at most "
                    + Paging.MAX_SIZE + ". Phone and date of birth are masked unless you are an admin or "
                    + "coordinator of the official's ministry; an officer sees only their own record.")
    @APIResponse(responseCode = "200", description = "One page of officials",
            content = @Content(schema = @Schema(ref = "OfficialPage"),
                    examples = @ExampleObject(name = "two ministries side by side", value = """
                    {"items": [{"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "fullName": "Lê Văn Nam",
                    "gender": "MALE", "dateOfBirth": null, "ministryCode": "BCT", "unit": null,
                    "position": "Chuyên viên chính", "grade": "chuyên viên chính", "category": "CIVIL_SERVANT",
                    "email": "namlv@bct.example.vn", "phone": "*******112", "expertise": ["công thương"],
                    "active": true, "secondmentStatus": "ON_SECONDMENT", "personalDataMasked": true, "version": 0,
                    "createdAt": "2025-08-20T02:00:00Z", "updatedAt": "2025-08-20T02:00:00Z"},
                    {"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "fullName": "Nguyễn Thị Hoa",
                    "gender": "FEMALE", "dateOfBirth": null, "ministryCode": "BNV",
                    "unit": {"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "code": "VU-TCCB",
                    "name": "Vụ Tổ chức cán bộ"}, "position": "Phó Vụ trưởng", "grade": "chuyên viên chính",
                    "category": "CIVIL_SERVANT", "email": "hoa.nt@moha.gov.vn", "phone": "*******678",
                    "expertise": ["tổ chức bộ máy", "tiền lương"], "active": true, "secondmentStatus": "ASSIGNED",
                    "personalDataMasked": true, "version": 2, "createdAt": "2025-08-20T02:00:00Z",
                    "updatedAt": "2025-09-02T08:15:00Z"}], "page": 0, "size": 20, "totalItems": 68}""")))
    public PageView<OfficialView> list(@BeanParam @Valid OfficialFilter filter, @BeanParam @Valid Paging paging) {
        PageView<Official> page = service.list(filter, paging, access);
        // the caller's masking rule, decided once for the page rather than once per row
        Predicate<Official> showPersonal = access.personalDataPolicy();
        return new PageView<>(page.items().stream()
                .map(o -> mapper.toView(o, showPersonal.test(o), access.canManage(o.ministryCode))).toList(),
                page.page(), page.size(),
                page.totalItems());
    }

    @GET
    @Path("/export")
    @Produces({Downloads.CSV, Downloads.XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportOfficials", summary = "Export officials to CSV or XLSX",
            description = "The same filters, scope and masking as the list, every matching row, streamed. CSV is "
                    + "UTF-8 with a byte-order mark so Excel shows Vietnamese correctly. The annex columns come "
                    + "first: an exported file can be edited and imported again.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Downloads.XLSX,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam @Valid OfficialFilter filter,
                           @QueryParam("format") @DefaultValue("csv")
                           @Parameter(description = Downloads.FORMAT_DESCRIPTION) String format) {
        TableFormat table = Downloads.format(format);
        return Downloads.attachment(export.export(filter, table, access), table, "can-bo-" + VietnamTime.today(clock));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOfficial", summary = "Read one official",
            description = "The ETag header is the version to send back in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The official",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    public Response get(@PathParam("id") UUID id) {
        Official official = service.get(id, access);
        return Response.ok(view(official)).tag(Versions.etag(official.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "replaceOfficial", summary = "Replace an official's details",
            description = "Every field takes the value sent (absent optional fields are cleared). Requires "
                    + "If-Match with the ETag last read; publishes official.updated when something changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "promotion", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                            @Valid @NotNull OfficialRequest request) {
        Official official = service.replace(id, ifMatch, request, access);
        return Response.ok(view(official)).tag(Versions.etag(official.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "patchOfficial", summary = "Change some of an official's details",
            description = "JSON Merge Patch (RFC 7396): fields present are set, null clears, absent stay. Requires "
                    + "If-Match.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = Object.class),
            examples = @ExampleObject(name = "new position",
                    value = "{\"position\": \"Vụ trưởng\", \"phone\": null}")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                          @NotNull JsonNode patch) {
        Official official = service.patch(id, ifMatch, patch, access);
        return Response.ok(view(official)).tag(Versions.etag(official.version)).build();
    }

    @POST
    @Path("/{id}/deactivation")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "deactivateOfficial", summary = "Deactivate an official",
            description = "The official can no longer be assigned; the record and its history stay. Requires "
                    + "If-Match; publishes official.deactivated. Their login, if any, is disabled in Keycloak in "
                    + "the same request, or (Keycloak unreachable) by personnel-service's retries soon after.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "retirement",
            value = "{\"reason\": \"Nghỉ hưu từ 01/12/2025\"}")))
    @APIResponse(responseCode = "200", description = "Deactivated",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    public Response deactivate(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                               @Valid @NotNull StatusChangeRequest request) {
        Official official = service.deactivate(id, ifMatch, request.reason(), access);
        if (official.loginDisablePending) {
            logins.disableAfterDeactivation(id);
            official = service.get(id, access);
        }
        return Response.ok(view(official)).tag(Versions.etag(official.version)).build();
    }

    @POST
    @Path("/{id}/reactivation")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "reactivateOfficial", summary = "Reactivate a deactivated official",
            description = "The official can be assigned again (a deactivation by mistake, a return from leave). "
                    + "Requires If-Match; publishes official.updated with active = true.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "back from leave",
            value = "{\"reason\": \"Trở lại công tác từ 01/02/2026\"}")))
    @APIResponse(responseCode = "200", description = "Reactivated",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    public Response reactivate(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                               @Valid @NotNull StatusChangeRequest request) {
        Official official = service.reactivate(id, ifMatch, request.reason(), access);
        return Response.ok(view(official)).tag(Versions.etag(official.version)).build();
    }

    @POST
    @Path("/{id}/login")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "giveOfficialLogin", summary = "Give an official a Keycloak login",
            description = "An admin of the official's ministry (or a platform admin) creates the official's user in "
                    + "Keycloak: username and verified e-mail = the official's work e-mail (lower case), first and "
                    + "last name from the full name, the ministry claim, and realm role officer; kind UNIT gives the "
                    + "role ministry-unit with the unit's code instead. Keycloak then e-mails the official a link to "
                    + "set their password. 409 when the official already has an enabled login or Keycloak has a "
                    + "user with that username; a login disabled earlier is enabled again, with a new e-mail. "
                    + "400 when the official has no work e-mail; 503 when Keycloak cannot be reached or the "
                    + "platform has no Keycloak admin client configured. The body may be left out (OFFICER).")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = LoginRequest.class),
            examples = {@ExampleObject(name = "seconded official", value = "{\"kind\": \"OFFICER\"}"),
                    @ExampleObject(name = "a unit's user", value = "{\"kind\": \"UNIT\"}")}))
    @APIResponse(responseCode = "201", description = "The login was created and the e-mail sent",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    @APIResponse(responseCode = "200", description = "A disabled login was enabled again and the e-mail sent",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    @APIResponse(responseCode = "409", description = "The official already has a login, or is deactivated")
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached, or logins are not configured")
    public Response giveLogin(@PathParam("id") UUID id, @Valid LoginRequest request, UriInfo uri) {
        boolean hadLogin = service.get(id, access).hasLogin();
        Official official = logins.give(id, request, access);
        Response.ResponseBuilder answer = hadLogin ? Response.ok()
                : Response.created(uri.getAbsolutePathBuilder().build());
        return answer.entity(view(official)).tag(Versions.etag(official.version)).build();
    }

    @DELETE
    @Path("/{id}/login")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "disableOfficialLogin", summary = "Disable an official's Keycloak login",
            description = "The login can no longer sign in; the user stays in Keycloak (its history, and a later "
                    + "POST enables it again). 404 when the official has no login; 503 when Keycloak cannot be "
                    + "reached (nothing changed).")
    @APIResponse(responseCode = "200", description = "Disabled; the official with their login",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    @APIResponse(responseCode = "503", description = "Keycloak cannot be reached, or logins are not configured")
    public Response disableLogin(@PathParam("id") UUID id) {
        Official official = logins.remove(id, access);
        return Response.ok(view(official)).tag(Versions.etag(official.version)).build();
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "getOfficialAudit", summary = "Who changed this official, what and when",
            description = "Newest first; readable by admins of the official's ministry.")
    @APIResponse(responseCode = "200", description = "One page of the audit log",
            content = @Content(schema = @Schema(ref = "AuditRecordPage"),
                    examples = @ExampleObject(name = "history", value = AuditRecordView.PAGE_EXAMPLE)))
    public PageView<AuditRecordView> audit(@PathParam("id") UUID id, @BeanParam @Valid Paging paging) {
        return service.history(id, paging, access);
    }

    private OfficialView view(Official official) {
        return mapper.toView(official, access.canSeePersonal(official), access.canManage(official.ministryCode));
    }
}
