package vn.secondment.report.rest;

import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.Context;
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
import vn.secondment.data.idempotency.IdempotentRequests;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.report.service.FieldVisitService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;

import java.util.UUID;

@Authenticated
@Path("/field-visits")
@Tag(name = "Field visits", description = "Visits of seconded officials to communes and wards (khảo sát xã, phường)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FieldVisitResource {

    private final FieldVisitService service;
    private final ReportAccess access;
    private final IdempotentRequests idempotency;

    public FieldVisitResource(FieldVisitService service, ReportAccess access, IdempotentRequests idempotency) {
        this.service = service;
        this.access = access;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(operationId = "recordFieldVisit", summary = "Record a visit to a commune",
            description = "Only the assigned official. visitDate must fall within the assignment's period and not be "
                    + "in the future; communeCode must be a commune of the assignment's province on that day (422 "
                    + "naming both provinces otherwise); communeGroup is CENTRAL_WARD (phường trung tâm đông dân), "
                    + "LARGE_AREA (xã diện tích rộng), REMOTE (xã vùng sâu, vùng xa) or OTHER. The issues recorded "
                    + "during the visit may be raised with it (issues). Officials of the same deployment who made "
                    + "the visit together with the recorder are named in companionOfficialIds (each with an "
                    + "assignment of that deployment covering visitDate, none twice, not the recorder: 400 on "
                    + "companionOfficialIds[i] otherwise): the visit stays one record with one set of issues, which "
                    + "each companion sees in their lists and weekly drafts. A coordinator or ministry admin of the "
                    + "assignment's ministry records a visit of the past on the recorder's behalf (visitDate, "
                    + "occurredAt), companions included. Publishes field-visit.recorded with the issues' and "
                    + "companions' ids. Send an Idempotency-Key to make retries safe.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Phường Dĩ An", value = FieldVisitRequest.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = FieldVisitView.class)))
    public Response create(@HeaderParam(IdempotentRequests.HEADER)
                           @Parameter(description = "Any unique string per new visit, e.g. a UUID")
                           String idempotencyKey,
                           @Valid @NotNull FieldVisitRequest request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "recordFieldVisit", request, () -> {
            FieldVisitView v = service.create(request, access);
            return Response.created(uri.getAbsolutePathBuilder().path(v.id().toString()).build())
                    .tag(Versions.etag(v.version())).entity(v).build();
        });
    }

    @GET
    @Operation(operationId = "listFieldVisits", summary = "The field visits, by ministry, province, commune and day",
            description = "Admins and coordinators see their ministry's, a province liaison their province's from "
                    + "every ministry, an officer their own, viewers every ministry's without the people met; a "
                    + "companion counts as one who made the visit (an officer sees the visits they made with a "
                    + "colleague, a liaison those of an official of their province). assignment and official "
                    + "filters include the visits made as a companion. Each visit is listed once. "
                    + "Newest visit first; page size at most " + Paging.MAX_SIZE + ".")
    @APIResponse(responseCode = "200", description = "One page of visits",
            content = @Content(schema = @Schema(ref = "FieldVisitPage"),
                    examples = @ExampleObject(name = "a visit to Phường Dĩ An",
                    value = FieldVisitView.PAGE_EXAMPLE)))
    public PageView<FieldVisitView> list(@BeanParam @Valid FieldVisitFilter filter, @BeanParam @Valid Paging paging) {
        return service.list(filter, paging, access);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFieldVisit", summary = "Read a field visit",
            description = "ETag = its version. Readable by whoever can see the recorder's assignment or a "
                    + "companion's; peopleMet is null for a viewer.")
    @APIResponse(responseCode = "200", description = "The visit",
            content = @Content(schema = @Schema(implementation = FieldVisitView.class)))
    public Response get(@PathParam("id") UUID id) {
        FieldVisitView v = service.get(id, access);
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateFieldVisit", summary = "Correct a field visit",
            description = "Replaces day, commune, group, people met, activities and findings under the same rules "
                    + "as recording; companionOfficialIds, when sent, replaces the companions (empty list: none; "
                    + "absent or null: kept, and checked against a new day). Requires If-Match (a change of "
                    + "companions is a new version too); only the official who recorded it (a companion gets 403). "
                    + "Issues found later are raised with POST /issues and visitId, by the recorder or a "
                    + "companion through their own assignment.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "corrected findings", value = """
            {"visitDate": "2025-09-10", "communeCode": "25942", "communeGroup": "CENTRAL_WARD",
             "peopleMet": "Đồng chí Chủ tịch UBND phường",
             "activities": "Làm việc với UBND phường Dĩ An về vận hành chính quyền địa phương hai cấp",
             "findings": "Mỗi công chức phường xử lý khoảng 40 hồ sơ thủ tục hành chính mỗi ngày",
             "companionOfficialIds": ["9f1b7c2e-3d4a-4b5c-8e6f-7a8b9c0d1e2f"]}""")))
    @APIResponse(responseCode = "200", description = "Corrected",
            content = @Content(schema = @Schema(implementation = FieldVisitView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @NotNull FieldVisitRequest request) {
        FieldVisitView v = service.update(id, ifMatch, request, access);
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }
}
