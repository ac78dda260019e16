package vn.secondment.assignment.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.assignment.AssignmentStatus;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The filters of the assignment list; they combine, within what the caller may see. */
public class AssignmentFilter {

    @QueryParam("deployment")
    public UUID deployment;

    @QueryParam("ministry")
    @Parameter(description = "Ministry code; repeat to list several side by side (ministry=BNV&ministry=BCT)")
    @Size(max = 20)
    public List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministries;

    @QueryParam("province")
    @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE)
    public String province;

    @QueryParam("status")
    public AssignmentStatus status;

    @QueryParam("official")
    public UUID official;

    @QueryParam("date")
    @Parameter(description = "Only assignments whose current period includes this day (yyyy-MM-dd)")
    public LocalDate date;

    @QueryParam("asOf")
    @Parameter(description = "Show each assignment's period and status as they stood on this day (yyyy-MM-dd); "
            + "assignments not yet decided then are left out. Filters select on the current state.")
    public LocalDate asOf;

    @QueryParam("sort")
    @Parameter(description = "startDate, provinceCode, ministryCode or createdAt; prefix with - for descending")
    public String sort;
}
