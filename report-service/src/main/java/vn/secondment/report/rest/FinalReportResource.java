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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.report.service.FinalReports;
import vn.secondment.report.service.ListExport;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;
import vn.secondment.tabular.Downloads;
import vn.secondment.tabular.TableFormat;

import java.util.UUID;

@Authenticated
@Path("/final-reports")
@Tag(name = "Final reports", description = "The final summary report (báo cáo tổng hợp cuối đợt) of each assignment")
@Produces(MediaType.APPLICATION_JSON)
public class FinalReportResource {

    private final FinalReports reports;
    private final ListExport export;
    private final OptionalBodies bodies;
    private final ReportAccess access;

    public FinalReportResource(FinalReports reports, ListExport export, OptionalBodies bodies,
                      ReportAccess access) {
        this.reports = reports;
        this.export = export;
        this.bodies = bodies;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listFinalReports", summary = "The final reports, by ministry, province and status",
            description = "One per assignment that owes reports, due at its end (report.final.*), following the end "
                    + "date until submitted; a withdrawn assignment's is cancelled. Scope as for weekly reports. "
                    + "Latest deadline first; page size at most " + Paging.MAX_SIZE + ".")
    @APIResponse(responseCode = "200", description = "One page of final reports",
            content = @Content(schema = @Schema(ref = "FinalReportPage"),
                    examples = @ExampleObject(name = "an accepted report",
                    value = FinalReportView.PAGE_EXAMPLE)))
    public PageView<FinalReportView> list(@BeanParam @Valid FinalReportFilter filter,
                                          @BeanParam @Valid Paging paging) {
        return reports.list(filter, paging, access);
    }

    @GET
    @Path("/export")
    @Produces({Downloads.CSV, Downloads.XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportFinalReports", summary = "Export the final reports to CSV or XLSX",
            description = "Every final report the list's filters match within the caller's scope, not paged, latest "
                    + "deadline first: one row each with Vietnamese headers (Bộ, Mã tỉnh, Tỉnh/thành phố, Cán bộ, Ngày kết "
                    + "thúc, Hạn nộp, Trạng thái, Nộp lúc, Nộp muộn, Quá hạn, the report's text, Ngày chấp nhận). "
                    + "Cán bộ is empty for a viewer. At most " + ListExport.MAX_ROWS + " rows: more is 400 on "
                    + "ministry, narrow the filters. CSV is UTF-8 with a byte order mark.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam @Valid FinalReportFilter filter,
                           @QueryParam("format") @DefaultValue("csv")
                           @Parameter(description = Downloads.FORMAT_DESCRIPTION) String format) {
        TableFormat table = Downloads.format(format);
        StreamingOutput file = export.finalReports(filter, table, access);
        return Downloads.attachment(file, table, "bao-cao-tong-hop");
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFinalReport", summary = "Read one final report",
            description = "ETag = its version. Readable by whoever can see the assignment; 404 for the others.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
            schema = @Schema(implementation = FinalReportView.class),
            examples = @ExampleObject(name = "an accepted report", value = FinalReportView.EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        return ok(reports.get(id, access));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putFinalReport", summary = "Write the final report's draft",
            description = "Replaces every content field (null clears one); text is stored in NFC. DUE, DRAFT or "
                    + "RETURNED → DRAFT; a SUBMITTED, ACCEPTED or CANCELLED report cannot be written (409). Only the "
                    + "assigned official, or with occurredAt (when the official wrote it) a coordinator recording it "
                    + "after the fact; If-Match required.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two months in Thành phố Hồ Chí Minh",
            value = FinalReportRequest.EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Written", content = @Content(
            schema = @Schema(implementation = FinalReportView.class),
            examples = @ExampleObject(name = "the draft", value = FinalReportView.EXAMPLE)))
    public Response put(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                        @NotNull FinalReportRequest request) {
        return ok(reports.write(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/submission")
    // the body is optional: a client need not send a Content-Type
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, description = "None to submit now; occurredAt to record a submission after the "
            + "fact", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OccurredAt.class),
            examples = @ExampleObject(name = "recorded after the fact", value = OccurredAt.BODY_EXAMPLE)))
    @Operation(operationId = "submitFinalReport", summary = "Submit the final report to the ministry",
            description = "DRAFT or RETURNED → SUBMITTED now; late when now is after the deadline. "
                    + "A coordinator or ministry admin of the ministry (or a platform admin) records a submission "
                    + "of the past on behalf of the official with occurredAt: submittedAt and late are then the real "
                    + "ones, enteredAfterTheFact says who entered it, and no deadline of the past is announced. The summary and "
                    + "the results must be written (422, field by field). Publishes final-report.submitted. Only the "
                    + "assigned official (or, with occurredAt, a recorder of the past); If-Match required.")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(
            schema = @Schema(implementation = FinalReportView.class),
            examples = @ExampleObject(name = "the report", value = FinalReportView.EXAMPLE)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           String body) {
        return ok(reports.submit(id, ifMatch, bodies.occurredAt(body), access));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewFinalReport", summary = "Accept the final report or return it for revision",
            description = "SUBMITTED → ACCEPTED, publishing final-report.accepted (assignment-service then completes "
                    + "the assignment), or → RETURNED with a comment saying what to revise (required, 422). A "
                    + "coordinator or ministry admin of the assignment's ministry, or a platform admin; If-Match "
                    + "required. With occurredAt, a review of the past recorded with its real time (not before the "
                    + "submission).")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "accept", value = ReviewRequest.ACCEPT_EXAMPLE),
            @ExampleObject(name = "return for revision", value = ReviewRequest.RETURN_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "Reviewed", content = @Content(
            schema = @Schema(implementation = FinalReportView.class),
            examples = @ExampleObject(name = "accepted", value = FinalReportView.EXAMPLE)))
    public Response review(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @NotNull ReviewRequest request) {
        return ok(reports.review(id, ifMatch, request, access));
    }

    private static Response ok(FinalReportView report) {
        return Response.ok(report).tag(Versions.etag(report.version())).build();
    }
}
