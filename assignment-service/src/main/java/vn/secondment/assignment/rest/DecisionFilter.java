package vn.secondment.assignment.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.util.List;

/** The filters of the decision list; they combine. */
public class DecisionFilter {

    @QueryParam("ministry")
    @Parameter(description = "Issuing ministry code; repeat for several (ministry=BNV&ministry=BCT)")
    @Size(max = 20)
    public List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministries;

    @QueryParam("number")
    @Parameter(description = "The decision number, exactly, e.g. 878/QĐ-BNV")
    @Size(max = 60)
    public String number;

    @QueryParam("signedFrom")
    @Parameter(description = "Only decisions signed on or after this day (yyyy-MM-dd)")
    public LocalDate signedFrom;

    @QueryParam("signedTo")
    @Parameter(description = "Only decisions signed on or before this day (yyyy-MM-dd)")
    public LocalDate signedTo;

    @QueryParam("sort")
    @Parameter(description = "signedOn, number, ministryCode or createdAt; prefix with - for descending")
    public String sort;
}
