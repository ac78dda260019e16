package vn.secondment.assignment.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.assignment.SupportRequest;
import vn.secondment.rest.Formats;

import java.util.List;

/** The filters of the support request list; they combine, within what the caller may see. */
public class SupportRequestFilter {

    @QueryParam("ministry")
    @Parameter(description = "The ministry asked; repeat for several (ministry=BNV&ministry=BCT)")
    @Size(max = 20)
    public List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministries;

    @QueryParam("province")
    @Parameter(description = "The requesting province; repeat for several")
    @Size(max = 34)
    public List<@Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE) String> provinces;

    @QueryParam("status")
    @Parameter(description = "OPEN, ACCEPTED, DECLINED or WITHDRAWN; repeat for several")
    public List<SupportRequest.Status> statuses;

    @QueryParam("sort")
    @Parameter(description = "createdAt, urgency, provinceCode or ministryCode; prefix with - for descending "
            + "(default: newest first)")
    public String sort;
}
