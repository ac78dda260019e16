package vn.secondment.report.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.report.CommuneGroup;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The filters of the field visit list; they combine, within what the caller may read. */
public class FieldVisitFilter {

    @QueryParam("ministry")
    @Parameter(description = "Ministry code; repeat to list several side by side (ministry=BNV&ministry=BCT)")
    @Size(max = 20)
    public List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministries;

    @QueryParam("province")
    @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE)
    public String province;

    @QueryParam("commune")
    @Parameter(description = "5-digit commune code, e.g. 25942 (Phường Dĩ An)")
    @Pattern(regexp = Formats.COMMUNE_CODE, message = Formats.COMMUNE_CODE_MESSAGE)
    public String commune;

    @QueryParam("assignment")
    @Parameter(description = "The visits of this assignment: those its official recorded and those they made as a "
            + "companion")
    public UUID assignment;

    @QueryParam("official")
    @Parameter(description = "The visits of this official, recorded by them or made with them as a companion")
    public UUID official;

    @QueryParam("from")
    @Parameter(description = "First visit day (yyyy-MM-dd)")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Last visit day (yyyy-MM-dd)")
    public LocalDate to;

    @QueryParam("group")
    @Parameter(description = "CENTRAL_WARD (phường trung tâm đông dân), LARGE_AREA (xã diện tích rộng), "
            + "REMOTE (xã vùng sâu, vùng xa) or OTHER")
    public CommuneGroup group;

    @QueryParam("enteredAfterTheFact")
    @Parameter(description = "true: only records with a fact entered after it happened (by a coordinator, on behalf "
            + "of the official, with its real dates); false: only the others")
    public Boolean enteredAfterTheFact;
}
