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
import vn.secondment.report.service.ListExport;
import vn.secondment.report.service.WeeklyReports;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.Versions;
import vn.secondment.tabular.Downloads;
import vn.secondment.tabular.TableFormat;

import java.util.UUID;

@Authenticated
@Path("/weekly-reports")
@Tag(name = "Weekly reports", description = "The periodic reports (báo cáo định kỳ hàng tuần) each assignment owes")
@Produces(MediaType.APPLICATION_JSON)
public class WeeklyReportResource {

    private final WeeklyReports reports;
    private final ListExport export;
    private final OptionalBodies bodies;
    private final ReportAccess access;

    public WeeklyReportResource(WeeklyReports reports, ListExport export, OptionalBodies bodies,
                      ReportAccess access) {
        this.reports = reports;
        this.export = export;
        this.bodies = bodies;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listWeeklyReports", summary = "The weekly reports owed, by ministry, province and week",
            description = "One report per assignment and ISO week of its period, scheduled from assignment-service's "
                    + "events: a rescheduled assignment's reports move with it, a withdrawn one's are cancelled. "
                    + "Admins and coordinators see their ministry's, a province liaison their province's from every "
                    + "ministry, an officer their own, viewers every ministry's (without the officials' names). "
                    + "overdue: not submitted (DUE, DRAFT, RETURNED) after the deadline; late: last submitted after "
                    + "it. Newest week first; page size at most " + Paging.MAX_SIZE + ".")
    @APIResponse(responseCode = "200", description = "One page of weekly reports",
            content = @Content(schema = @Schema(ref = "WeeklyReportPage"),
                    examples = @ExampleObject(name = "a submitted report",
                    value = WeeklyReportView.PAGE_EXAMPLE)))
    public PageView<WeeklyReportView> list(@BeanParam @Valid WeeklyReportFilter filter,
                                           @BeanParam @Valid Paging paging) {
        return reports.list(filter, paging, access);
    }

    @GET
    @Path("/export")
    @Produces({Downloads.CSV, Downloads.XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportWeeklyReports", summary = "Export the weekly reports to CSV or XLSX",
            description = "Every report the list's filters match within the caller's scope, not paged, newest week "
                    + "first: one row each with Vietnamese headers (Bộ, Mã tỉnh, Tỉnh/thành phố, Tuần, Cán bộ, Hạn nộp, Trạng "
                    + "thái, Nộp lúc, Nộp muộn, Quá hạn and the report's text). Cán bộ is empty for a viewer; Quá "
                    + "hạn is the list's overdue. At most " + ListExport.MAX_ROWS + " rows: more is 400 on week, "
                    + "narrow the filters. CSV is UTF-8 with a byte order mark.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@BeanParam @Valid WeeklyReportFilter filter,
                           @QueryParam("format") @DefaultValue("csv")
                           @Parameter(description = Downloads.FORMAT_DESCRIPTION) String format) {
        TableFormat table = Downloads.format(format);
        StreamingOutput file = export.weeklyReports(filter, table, access);
        return Downloads.attachment(file, table, "bao-cao-tuan");
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWeeklyReport", summary = "Read one weekly report",
            description = "ETag = its version. Readable by whoever can see the assignment; 404 for the others.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
            schema = @Schema(implementation = WeeklyReportView.class),
            examples = @ExampleObject(name = "a submitted report", value = WeeklyReportView.EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        return ok(reports.get(id, access));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putWeeklyReport", summary = "Write the report's draft",
            description = "Replaces every content field (null clears one); text is stored in NFC. DUE, DRAFT or "
                    + "RETURNED → DRAFT; a SUBMITTED, ACCEPTED or CANCELLED report cannot be written (409). Only the "
                    + "assigned official (by the token's verified email), or with occurredAt (when the official wrote it) "
                    + "a coordinator recording it after the fact; If-Match required.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a week in Thành phố Hồ Chí Minh",
            value = WeeklyReportRequest.EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Written", content = @Content(
            schema = @Schema(implementation = WeeklyReportView.class),
            examples = @ExampleObject(name = "the draft", value = WeeklyReportView.EXAMPLE)))
    public Response put(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                        @NotNull WeeklyReportRequest request) {
        return ok(reports.write(id, ifMatch, request, access));
    }

    @POST
    @Path("/{id}/draft")
    // the body is optional: a client need not send a Content-Type
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, description = "None to start it now; occurredAt to record when it was started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OccurredAt.class),
            examples = @ExampleObject(name = "recorded after the fact", value = OccurredAt.BODY_EXAMPLE)))
    @Operation(operationId = "startWeeklyReportDraft", summary = "Start the draft, prefilled from last week's report",
            description = "DUE → DRAFT. From the assignment's previous written report: its plan for the week "
                    + "becomes this week's activities, the general situation and the difficulties carry over; the "
                    + "rest starts empty. Only the assigned official (or, with occurredAt, a recorder of the past); If-Match required; 409 when the draft was "
                    + "already started.")
    @APIResponse(responseCode = "200", description = "The prefilled draft", content = @Content(
            schema = @Schema(implementation = WeeklyReportView.class),
            examples = @ExampleObject(name = "the draft", value = WeeklyReportView.EXAMPLE)))
    public Response startDraft(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                               String body) {
        return ok(reports.startDraft(id, ifMatch, bodies.occurredAt(body), access));
    }

    @POST
    @Path("/{id}/submission")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(required = false, description = "None to submit now; occurredAt to record a submission after the "
            + "fact", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OccurredAt.class),
            examples = @ExampleObject(name = "recorded after the fact", value = OccurredAt.BODY_EXAMPLE)))
    @Operation(operationId = "submitWeeklyReport", summary = "Submit the report to the ministry",
            description = "DRAFT or RETURNED → SUBMITTED now; late when now is after the deadline. "
                    + "A coordinator or ministry admin of the ministry (or a platform admin) records a submission "
                    + "of the past on behalf of the official with occurredAt: submittedAt and late are then the real "
                    + "ones, enteredAfterTheFact says who entered it, and no deadline of the past is announced. The summary and "
                    + "the activities must be written (422, field by field). Publishes weekly-report.submitted. "
                    + "Only the assigned official (or, with occurredAt, a recorder of the past); If-Match required.")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(
            schema = @Schema(implementation = WeeklyReportView.class),
            examples = @ExampleObject(name = "submitted on time", value = WeeklyReportView.EXAMPLE)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           String body) {
        return ok(reports.submit(id, ifMatch, bodies.occurredAt(body), access));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewWeeklyReport", summary = "Accept the report or return it for revision",
            description = "SUBMITTED → ACCEPTED, or → RETURNED (a comment saying what to revise is required, 422). "
                    + "Publishes weekly-report.accepted or weekly-report.returned with the comment. A coordinator "
                    + "or ministry admin of the assignment's ministry, or a platform admin; If-Match required. With "
                    + "occurredAt, a review of the past recorded with its real time (not before the submission).")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "return for revision", value = ReviewRequest.RETURN_EXAMPLE),
            @ExampleObject(name = "accept", value = ReviewRequest.ACCEPT_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "Reviewed", content = @Content(
            schema = @Schema(implementation = WeeklyReportView.class),
            examples = @ExampleObject(name = "the report", value = WeeklyReportView.EXAMPLE)))
    public Response review(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @NotNull ReviewRequest request) {
        return ok(reports.review(id, ifMatch, request, access));
    }

    private static Response ok(WeeklyReportView report) {
        return Response.ok(report).tag(Versions.etag(report.version())).build();
    }
}
