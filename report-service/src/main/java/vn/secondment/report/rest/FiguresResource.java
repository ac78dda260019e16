package vn.secondment.report.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.report.service.FiguresExport;
import vn.secondment.report.service.SideBySideFigures;
import vn.secondment.rest.Formats;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.tabular.Downloads;
import vn.secondment.tabular.TableFormat;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

@Authenticated
@Path("/figures")
@Tag(name = "Figures", description = "Ministries side by side, per province and week")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {

    private static final String RULES = "Counts only, no names: every role but a plain officer reads every "
            + "ministry's figures. Officials on site: assignments (not withdrawn, not replaced before going) whose "
            + "period meets the week. Reports: the week's weekly reports, cancelled ones left out; overdue = with "
            + "the official (never sent, or returned) and past the deadline now. Issues: those raised in the week (Vietnam time), as they stand now; "
            + "overdue = escalated and past the deadline without an answer. At most " + SideBySideFigures.MAX_WEEKS
            + " weeks per request.";

    private final SideBySideFigures figures;
    private final FiguresExport export;
    private final ReportAccess access;

    public FiguresResource(SideBySideFigures figures, FiguresExport export, ReportAccess access) {
        this.figures = figures;
        this.export = export;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getFigures", summary = "Side-by-side figures of one or several ministries",
            description = "One row per ministry, province and ISO week that has anything to count, and each "
                    + "ministry's weekly total over its provinces. " + RULES)
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(
            schema = @Schema(implementation = FiguresView.class),
            examples = @ExampleObject(name = "BNV in Hồ Chí Minh, week of 8/9/2025", value = """
                    {"from": "2025-W37", "to": "2025-W37", "ministries": ["BNV", "BCT"],
                     "asOf": "2025-09-15T03:00:00Z",
                     "rows": [{"ministryCode": "BNV", "provinceCode": "79",
                               "provinceName": "Thành phố Hồ Chí Minh", "week": "2025-W37", "officialsOnSite": 2,
                               "reports": {"due": 2, "submitted": 2, "late": 1, "overdue": 0, "accepted": 1},
                               "issues": {"raised": 2, "open": 1, "escalated": 1, "overdue": 0, "answered": 1},
                               "topFields": [{"field": "PHAN_MEM_HA_TANG_SO", "label": "phần mềm và hạ tầng số",
                                              "count": 1}]}],
                     "totals": []}""")))
    public FiguresView get(@QueryParam("ministry")
                           @Parameter(description = "Ministry code; repeat for several side by side (ministry=BNV&"
                                   + "ministry=BCT); none = every ministry with figures")
                           @Size(max = 30)
                           List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministry,
                           @QueryParam("province")
                           @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE)
                           String province,
                           @QueryParam("from") @NotNull(message = "is required: the first ISO week, e.g. 2025-W37")
                           @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
                           @Parameter(description = "First ISO week", required = true) String from,
                           @QueryParam("to") @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
                           @Parameter(description = "Last ISO week; the first when left out") String to) {
        access.requireFigures();
        return figures.figures(filter(ministry, province, from, to));
    }

    @GET
    @Path("/export")
    @Produces({Downloads.CSV, Downloads.XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportFigures", summary = "Export the side-by-side figures to CSV or XLSX",
            description = "The rows of getFigures, one per ministry, province and week, with Vietnamese headers. "
                    + "CSV is UTF-8 with a byte order mark. " + RULES)
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response export(@QueryParam("ministry") @Parameter(description = "Ministry code; repeat for several")
                           @Size(max = 30)
                           List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministry,
                           @QueryParam("province")
                           @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE)
                           String province,
                           @QueryParam("from") @NotNull(message = "is required: the first ISO week, e.g. 2025-W37")
                           @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
                           @Parameter(description = "First ISO week", required = true) String from,
                           @QueryParam("to") @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
                           @Parameter(description = "Last ISO week; the first when left out") String to,
                           @QueryParam("format") @DefaultValue("csv")
                           @Parameter(description = Downloads.FORMAT_DESCRIPTION) String format) {
        access.requireFigures();
        TableFormat table = Downloads.format(format);
        FiguresView view = figures.figures(filter(ministry, province, from, to));
        return Downloads.attachment(export.export(view, table), table,
                "so-lieu-" + view.from() + "_" + view.to());
    }

    private static FiguresFilter filter(List<String> ministries, String province, String from, String to) {
        IsoWeek first = IsoWeek.parse("from", from);
        IsoWeek last = to == null ? first : IsoWeek.parse("to", to);
        if (last.compareTo(first) < 0) {
            throw ProblemException.invalid("to", "must not be before from (" + first + ")");
        }
        if (ChronoUnit.WEEKS.between(first.monday(), last.monday()) >= SideBySideFigures.MAX_WEEKS) {
            throw ProblemException.invalid("to", "at most " + SideBySideFigures.MAX_WEEKS
                    + " weeks per request: ask for the rest in another");
        }
        return new FiguresFilter(ministries == null ? List.of() : List.copyOf(new TreeSet<>(ministries)),
                province, first, last);
    }
}
