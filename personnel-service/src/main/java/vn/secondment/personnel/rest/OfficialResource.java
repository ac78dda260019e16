package vn.secondment.personnel.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
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
import vn.secondment.personnel.Official;
import vn.secondment.personnel.mapping.OfficialMapper;
import vn.secondment.personnel.service.OfficialService;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.UUID;

@Authenticated
@Path("/officials")
@Tag(name = "Officials", description = "Officials of a ministry who can be seconded")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfficialResource {

    private final OfficialService service;
    private final OfficialMapper mapper;
    private final Caller caller;

    public OfficialResource(OfficialService service, OfficialMapper mapper, Caller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(operationId = "registerOfficial", summary = "Add an official to a ministry's directory",
            description = "A ministry admin adds to their own ministry; publishes official.registered.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Bộ Nội vụ",
            value = "{\"fullName\":\"Nguyễn Thị Hoa\",\"ministryCode\":\"BNV\",\"position\":\"Phó Vụ trưởng\","
                    + "\"email\":\"hoa.nt@moha.gov.vn\"}")))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing name", value = "{\"type\":"
                            + "\"https://secondment.gov.vn/problems/validation\",\"title\":\"The request is not valid\","
                            + "\"status\":400,\"detail\":\"Invalid fields: fullName\",\"instance\":"
                            + "\"/api/personnel/officials\",\"violations\":[{\"field\":\"fullName\","
                            + "\"message\":\"must not be blank\"}]}")))
    @APIResponse(responseCode = "403", description = "Another ministry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull NewOfficial request, UriInfo uri) {
        Official official = service.register(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(official.id.toString()).build())
                .tag(etag(official))
                .entity(mapper.toView(official))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOfficial", summary = "Read one official")
    @APIResponse(responseCode = "200", description = "The official",
            content = @Content(schema = @Schema(implementation = OfficialView.class)))
    @APIResponse(responseCode = "404", description = "No such official in your scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Official official = service.get(id, caller);
        return Response.ok(mapper.toView(official)).tag(etag(official)).build();
    }

    private static EntityTag etag(Official official) {
        return new EntityTag(Long.toString(official.version));
    }
}
