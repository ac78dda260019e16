package vn.secondment.report.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
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
import vn.secondment.data.idempotency.IdempotentRequests;
import vn.secondment.events.report.IssueField;
import vn.secondment.report.LocalityIssue;
import vn.secondment.report.security.IssueAccess;
import vn.secondment.report.service.IssueService;
import vn.secondment.report.service.ListExport;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;
import vn.secondment.tabular.Downloads;
import vn.secondment.tabular.TableFormat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Authenticated
@Path("/issues")
@Tag(name = "Issues", description = "Difficulties and recommendations of localities (khó khăn, vướng mắc, kiến nghị): "
        + "answered on the spot or escalated to a unit of the ministry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IssueResource {

    private static final String IF_MATCH = " Requires If-Match.";

    private final IssueService service;
    private final IssueAccess access;
    private final IdempotentRequests idempotency;
    private final ListExport export;

    public IssueResource(IssueService service, IssueAccess access, IdempotentRequests idempotency,
                         ListExport export) {
        this.service = service;
        this.access = access;
        this.idempotency = idempotency;
        this.export = export;
    }

    @POST
    @Operation(operationId = "raiseIssue", summary = "Raise a difficulty or recommendation of a locality",
            description = "By a seconded officer through their assignment (assignmentId: its ministry and province; "
                    + "optionally visitId, a visit of it) or by a province liaison for their own province (403 for "
                    + "another), naming the ministry addressed (ministryCode). communeCode, if given, must be a commune "
                    + "of the province (422). affectsCitizensOrBusinesses makes it urgent (short deadline). Publishes "
                    + "issue.raised. Send an Idempotency-Key to make retries safe.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "by an officer", value = IssueRequest.EXAMPLE),
            @ExampleObject(name = "by a province liaison", value = IssueRequest.LIAISON_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Raised, OPEN",
            content = @Content(schema = @Schema(implementation = IssueView.class)))
    public Response raise(@HeaderParam(IdempotentRequests.HEADER)
                          @Parameter(description = "Any unique string per new issue, e.g. a UUID") String idempotencyKey,
                          @NotNull IssueRequest request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "raiseIssue", request, () -> {
            LocalityIssue i = service.raise(request, access);
            return Response.created(uri.getAbsolutePathBuilder().path(i.id.toString()).build())
                    .tag(Versions.etag(i.version)).entity(service.view(i, access)).build();
        });
    }

    @GET
    @Operation(operationId = "listIssues", summary = "The issues, by ministry, province, field, status and week",
            description = "Coordinators and admins see their ministry's (addressed or referred to it), a province "
                    + "liaison their province's from every ministry, an officer the ones they raised, a unit the ones "
                    + "escalated to it, platform admins and viewers all (viewers without names). overdue: escalated "
                    + "and the deadline day is over (Vietnam time) without an answer. Page size at most "
                    + Paging.MAX_SIZE + ".")
    @APIResponse(responseCode = "200", description = "One page of issues",
            content = @Content(schema = @Schema(ref = "IssuePage"),
                    examples = @ExampleObject(name = "an escalated issue", value = IssueView.PAGE_EXAMPLE)))
    public PageView<IssueView> list(@BeanParam @Valid IssueFilter filter, @BeanParam @Valid Paging paging) {
        return service.list(filter, paging, access);
    }

    @GET
    @Path("/export")
    @Produces({Downloads.CSV, Downloads.XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportIssues", summary = "Export the issues to CSV or XLSX",
            description = "Every issue the list's filters match within the caller's scope, not paged, in the "
                    + "list's order (sort): one row each with Vietnamese headers (Mã, Bộ, Bộ được chuyển, Mã tỉnh, "
                    + "Tỉnh/thành phố, Mã xã, Xã/phường, Lĩnh vực, Loại, Khẩn, Tiêu đề, Nội dung, Trạng thái, "
                    + "Ngày nêu, Tuần, Người nêu, Đơn vị được chuyển, Hạn trả lời, Quá hạn, Trả lời, Văn bản "
                    + "hướng dẫn, Ngày trả lời). Người nêu is empty for a viewer. At most " + ListExport.MAX_ROWS + " rows: more is 400 "
                    + "on from, narrow the filters. CSV is UTF-8 with a byte order mark.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam @Valid IssueFilter filter,
                           @QueryParam("format") @DefaultValue("csv")
                           @Parameter(description = Downloads.FORMAT_DESCRIPTION) String format) {
        TableFormat table = Downloads.format(format);
        StreamingOutput file = export.issues(filter, table, access);
        return Downloads.attachment(file, table, "kho-khan-kien-nghi");
    }

    @GET
    @Path("/fields")
    @Operation(operationId = "listIssueFields", summary = "The fields of issues with their Vietnamese labels",
            description = "TO_CHUC_BO_MAY (tổ chức bộ máy), THU_TUC_HANH_CHINH (thủ tục hành chính)…")
    @APIResponse(responseCode = "200", description = "Every field",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = IssueFieldView.class),
                    examples = @ExampleObject(
            name = "fields", value = "[{\"code\": \"TO_CHUC_BO_MAY\", \"label\": \"tổ chức bộ máy\"}, "
            + "{\"code\": \"KHO_BAC\", \"label\": \"kho bạc\"}]")))
    public List<IssueFieldView> fields() {
        return Arrays.stream(IssueField.values()).map(f -> new IssueFieldView(f.name(), f.label())).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getIssue", summary = "Read an issue",
            description = "ETag = its version; 404 for whoever may not see it.")
    @APIResponse(responseCode = "200", description = "The issue",
            content = @Content(schema = @Schema(implementation = IssueView.class),
                    examples = @ExampleObject(name = "escalated", value = IssueView.ONE)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id, access));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getIssueHistory", summary = "Every step of an issue, oldest first",
            description = "Who (null for a viewer), in which role, when, from which status to which, with the answer "
                    + "or note, the unit and deadline of an escalation, the ministry of a referral.")
    @APIResponse(responseCode = "200", description = "The history",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = IssueHistoryView.class),
                    examples = @ExampleObject(name = "raised then escalated",
                    value = IssueHistoryView.LIST_EXAMPLE)))
    public List<IssueHistoryView> history(@PathParam("id") UUID id) {
        return service.history(id, access);
    }

    @POST
    @Path("/{id}/answer-on-site")
    @Operation(operationId = "answerIssueOnSite", summary = "Answer on the spot with existing guidance",
            description = "OPEN → ANSWERED_ON_SITE, by the officer who raised it or a coordinator of the ministry; "
                    + "answer and guidanceDocument (a citation with its number, e.g. Công văn 4567/BNV-CQĐP) are "
                    + "required. Publishes issue.answered-on-site." + IF_MATCH)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "on the spot",
            value = IssueActionRequests.ON_SITE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Answered on the spot",
            content = @Content(schema = @Schema(implementation = IssueView.class)))
    public Response answerOnSite(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                 @NotNull IssueActionRequests.AnswerRequest request) {
        return ok(service.answerOnSite(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/escalate")
    @Operation(operationId = "escalateIssue", summary = "Escalate to a unit of the ministry",
            description = "OPEN, REFERRED or ESCALATED → ESCALATED, by a coordinator of the ministry that answers it, "
                    + "to an active unit of that ministry (422 otherwise). deadline defaults to "
                    + "report.issues.escalation-days (10) calendar days from today, Vietnam time, or urgent-days (3) "
                    + "for an urgent issue. Publishes issue.escalated. With occurredAt (a coordinator recording an "
                    + "escalation of the past) the deadline counts from that day and may be past now; it is not "
                    + "announced overdue." + IF_MATCH)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "to Vụ Chính quyền địa phương",
            value = IssueActionRequests.ESCALATION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Escalated",
            content = @Content(schema = @Schema(implementation = IssueView.class)))
    public Response escalate(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @NotNull IssueActionRequests.EscalationRequest request) {
        return ok(service.escalate(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/answer")
    @Operation(operationId = "answerIssue", summary = "Answer an escalated or referred issue",
            description = "ESCALATED → ANSWERED by the unit it was escalated to or a coordinator; REFERRED → "
                    + "ANSWERED by a coordinator of the ministry it was referred to. answer is required. Publishes "
                    + "issue.answered." + IF_MATCH)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "the unit's answer",
            value = IssueActionRequests.ANSWER_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = IssueView.class)))
    public Response answer(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @NotNull IssueActionRequests.AnswerRequest request) {
        return ok(service.answer(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/refer")
    @Operation(operationId = "referIssue", summary = "Refer to the ministry whose matter it is",
            description = "OPEN, ESCALATED or REFERRED → REFERRED, by a coordinator of the ministry that answers it. "
                    + "ministryCode stays the ministry addressed; referredToMinistry answers from now on and its "
                    + "coordinators see it. Publishes issue.referred." + IF_MATCH)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "to Bộ Tài chính",
            value = IssueActionRequests.REFERRAL_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Referred",
            content = @Content(schema = @Schema(implementation = IssueView.class)))
    public Response refer(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                          @NotNull IssueActionRequests.ReferralRequest request) {
        return ok(service.refer(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeIssue", summary = "Close an answered issue",
            description = "ANSWERED or ANSWERED_ON_SITE → CLOSED, by whoever raised it or a coordinator. Publishes "
                    + "issue.closed." + IF_MATCH)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "settled",
            value = IssueActionRequests.CLOSE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = IssueView.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                          @NotNull IssueActionRequests.ReasonRequest request) {
        return ok(service.close(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(operationId = "reopenIssue", summary = "Reopen a closed issue",
            description = "CLOSED → OPEN with the reason, by whoever raised it or a coordinator; the previous answer "
                    + "stays in the history. Publishes issue.reopened." + IF_MATCH)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "not settled",
            value = IssueActionRequests.REOPEN_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Open again",
            content = @Content(schema = @Schema(implementation = IssueView.class)))
    public Response reopen(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @NotNull IssueActionRequests.ReasonRequest request) {
        return ok(service.reopen(id, ifMatch, request, access));
    }

    private Response ok(LocalityIssue i) {
        return Response.ok(service.view(i, access)).tag(Versions.etag(i.version)).build();
    }
}
