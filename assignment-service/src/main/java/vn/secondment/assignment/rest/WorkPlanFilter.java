package vn.secondment.assignment.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.assignment.WorkPlanStatus;
import vn.secondment.rest.Formats;
import vn.secondment.rest.IsoWeek;

import java.util.List;

/** The filters of the work plan list; they combine, within what the caller may see. */
public class WorkPlanFilter {

    @QueryParam("ministry")
    @Parameter(description = "Ministry code of the deployment; repeat to list several (ministry=BNV&ministry=BCT)")
    @Size(max = 20)
    public List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministries;

    @QueryParam("province")
    @Parameter(description = "The assignment's province (2-digit code)")
    @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE)
    public String province;

    @QueryParam("week")
    @Parameter(description = "ISO week (yyyy-Www, e.g. 2025-W37)")
    @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
    public String week;

    @QueryParam("status")
    public WorkPlanStatus status;

    @QueryParam("late")
    @Parameter(description = "true: only plans submitted after their week had started; false: only the others")
    public Boolean late;

    @QueryParam("enteredAfterTheFact")
    @Parameter(description = "true: only plans a coordinator or ministry admin recorded after the fact; false: only "
            + "the plans officials wrote as it happened")
    public Boolean enteredAfterTheFact;
}
