package vn.secondment.personnel.rest;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.personnel.SecondmentStatus;
import vn.secondment.personnel.StaffCategory;

import java.util.List;
import java.util.UUID;

/** The filters of the official list and export ({@code @BeanParam}): the same parameters for both. */
public class OfficialFilter {

    @QueryParam("ministry")
    @Size(max = 20)
    @Parameter(description = "Ministry codes; repeat to list several side by side (ministry=BNV&ministry=BCT)")
    public List<String> ministry;

    @QueryParam("unitId")
    @Parameter(description = "Officials of this unit")
    public UUID unitId;

    @QueryParam("position")
    @Size(max = 100)
    @Parameter(description = "Exact position, ignoring case (e.g. Phó Vụ trưởng)")
    public String position;

    @QueryParam("category")
    public StaffCategory category;

    @QueryParam("expertise")
    @Size(max = 100)
    @Parameter(description = "One field of expertise, ignoring case and diacritics (e.g. to chuc bo may)")
    public String expertise;

    @QueryParam("secondmentStatus")
    public SecondmentStatus secondmentStatus;

    @QueryParam("active")
    @Parameter(description = "true: only active officials; false: only deactivated; absent: both")
    public Boolean active;

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Words of the name or email, ignoring case and diacritics (e.g. nguyen thi hoa)")
    public String q;

    @QueryParam("sort")
    @Parameter(description = "Comma-separated fields, '-' for descending: fullName (by given name, as Vietnamese "
            + "lists are ordered), ministryCode, createdAt, updatedAt (e.g. ministryCode,fullName)")
    public String sort;

    public List<String> ministries() {
        return ministry == null ? List.of() : ministry.stream().filter(m -> !m.isBlank()).map(String::strip).toList();
    }
}
