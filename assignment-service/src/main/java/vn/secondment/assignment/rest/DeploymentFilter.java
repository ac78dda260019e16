package vn.secondment.assignment.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.util.List;

/** The filters of the deployment list; they combine, and a repeated ministry lists ministries side by side. */
public class DeploymentFilter {

    @QueryParam("ministry")
    @Parameter(description = "Ministry code; repeat to list several side by side (ministry=BNV&ministry=BCT)")
    @Size(max = 20)
    public List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministries;

    @QueryParam("status")
    public DeploymentStatus status;

    @QueryParam("type")
    public DeploymentType type;

    @QueryParam("province")
    @Parameter(description = "Only deployments targeting this province (2-digit code)")
    @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE)
    public String province;

    @QueryParam("date")
    @Parameter(description = "Only deployments whose current period includes this day (yyyy-MM-dd)")
    public LocalDate date;

    @QueryParam("asOf")
    @Parameter(description = "Show each deployment's period and status as they stood on this day (yyyy-MM-dd); "
            + "deployments not yet decided then are left out. Filters select on the current state.")
    public LocalDate asOf;

    @QueryParam("decision")
    @Parameter(description = "The decision number, exactly, e.g. 878/QĐ-BNV")
    @Size(max = 60)
    public String decision;

    @QueryParam("sort")
    @Parameter(description = "startDate, ministryCode, name or createdAt; prefix with - for descending")
    public String sort;
}
