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
import vn.secondment.report.HandbookEntry;
import vn.secondment.report.mapping.HandbookMapper;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.report.service.HandbookService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;

import java.util.UUID;

@Authenticated
@Path("/handbook")
@Tag(name = "Handbook", description = "The handbook of typical situations (cẩm nang tình huống): answered issues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandbookResource {

    private final HandbookService service;
    private final HandbookMapper mapper;
    private final ReportAccess access;
    private final IdempotentRequests idempotency;

    public HandbookResource(HandbookService service, HandbookMapper mapper, ReportAccess access,
                            IdempotentRequests idempotency) {
        this.service = service;
        this.mapper = mapper;
        this.access = access;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(operationId = "publishHandbookEntry", summary = "Publish an answered issue in the handbook",
            description = "By a coordinator of the ministry that answered it. The issue must be ANSWERED, "
                    + "ANSWERED_ON_SITE or CLOSED with an answer (409 otherwise), and not yet published (409). "
                    + "question, answer, field and guidanceDocument default to the issue's. Send an "
                    + "Idempotency-Key to make retries safe.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "thủ tục hành chính",
            value = HandbookRequest.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = HandbookEntryView.class)))
    public Response publish(@HeaderParam(IdempotentRequests.HEADER)
                            @Parameter(description = "Any unique string per new entry, e.g. a UUID")
                            String idempotencyKey,
                            @NotNull HandbookRequest request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "publishHandbookEntry", request, () -> {
            HandbookEntry e = service.publish(request, access);
            return Response.created(uri.getAbsolutePathBuilder().path(e.id.toString()).build())
                    .tag(Versions.etag(e.version)).entity(mapper.toView(e)).build();
        });
    }

    @GET
    @Operation(operationId = "searchHandbook", summary = "Search the handbook",
            description = "Readable by every signed-in role. q matches the question, answer and guidance document "
                    + "whatever the diacritics and case (\"thu tuc hanh chinh\" = \"thủ tục hành chính\" = "
                    + "\"THỦ TỤC HÀNH CHÍNH\"), best match first; without q, newest first. Withdrawn entries are "
                    + "left out. Page size at most " + Paging.MAX_SIZE + ".")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(schema = @Schema(ref = "HandbookEntryPage"),
                    examples = @ExampleObject(name = "thủ tục", value = HandbookEntryView.PAGE_EXAMPLE)))
    public PageView<HandbookEntryView> search(@BeanParam @Valid HandbookFilter filter,
                                              @BeanParam @Valid Paging paging) {
        return service.search(filter, paging);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getHandbookEntry", summary = "Read a handbook entry",
            description = "ETag = its version; a withdrawn entry shows when and why.")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(schema = @Schema(implementation = HandbookEntryView.class),
                    examples = @ExampleObject(name = "thủ tục hành chính", value = HandbookEntryView.ONE)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateHandbookEntry", summary = "Edit a handbook entry",
            description = "Replaces question, answer, field and guidance document; a coordinator of its ministry. "
                    + "Requires If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "clearer answer", value = """
            {"question": "Phường mới chưa thống nhất thành phần hồ sơ thủ tục hành chính thì xử lý thế nào?",
             "answer": "Áp dụng bộ thủ tục hành chính đã được Chủ tịch UBND tỉnh công bố; không yêu cầu thêm giấy tờ",
             "field": "THU_TUC_HANH_CHINH", "guidanceDocument": "Công văn 4567/BNV-CQĐP"}""")))
    @APIResponse(responseCode = "200", description = "Edited",
            content = @Content(schema = @Schema(implementation = HandbookEntryView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @NotNull HandbookRequest request) {
        return ok(service.update(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(operationId = "withdrawHandbookEntry", summary = "Withdraw a handbook entry",
            description = "It no longer appears in searches (its guidance was replaced, say); a coordinator of its "
                    + "ministry, with the reason. Requires If-Match.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "replaced guidance",
            value = "{\"reason\": \"Công văn 4567/BNV-CQĐP đã được thay thế\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = HandbookEntryView.class)))
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @NotNull IssueActionRequests.ReasonRequest request) {
        return ok(service.withdraw(id, ifMatch, request, access));
    }

    private Response ok(HandbookEntry e) {
        return Response.ok(mapper.toView(e)).tag(Versions.etag(e.version)).build();
    }
}
