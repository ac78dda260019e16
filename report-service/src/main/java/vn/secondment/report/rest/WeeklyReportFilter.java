package vn.secondment.report.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.report.ReportStatus;
import vn.secondment.rest.Formats;
import vn.secondment.rest.IsoWeek;

import java.util.List;
import java.util.UUID;

/** The filters of the weekly report list; they combine, within what the caller may read. */
public class WeeklyReportFilter {

    @QueryParam("ministry")
    @Parameter(description = "Ministry code; repeat to list several side by side (ministry=BNV&ministry=BCT)")
    @Size(max = 20)
    public List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministries;

    @QueryParam("province")
    @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE)
    public String province;

    @QueryParam("assignment")
    public UUID assignment;

    @QueryParam("week")
    @Parameter(description = "ISO week, e.g. 2025-W37")
    @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
    public String week;

    @QueryParam("status")
    public ReportStatus status;

    @QueryParam("overdue")
    @Parameter(description = "true: only reports not submitted (DUE, DRAFT, RETURNED) after their deadline; false: "
            + "only the others")
    public Boolean overdue;

    @QueryParam("late")
    @Parameter(description = "true: only reports last submitted after their deadline; false: only the others")
    public Boolean late;

    @QueryParam("enteredAfterTheFact")
    @Parameter(description = "true: only records with a fact entered after it happened (by a coordinator, on behalf "
            + "of the official, with its real dates); false: only the others")
    public Boolean enteredAfterTheFact;
}
