package vn.secondment.report.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.secondment.events.report.IssueField;
import vn.secondment.report.IssueKind;
import vn.secondment.report.IssueStatus;
import vn.secondment.rest.Formats;
import vn.secondment.rest.IsoWeek;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The filters of the issue list; they combine, within what the caller may read. */
public class IssueFilter {

    @QueryParam("ministry")
    @Parameter(description = "The ministry addressed or referred to; repeat for several (ministry=BNV&ministry=BTC)")
    @Size(max = 20)
    public List<@Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String> ministries;

    @QueryParam("province")
    @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE)
    public String province;

    @QueryParam("commune")
    @Pattern(regexp = Formats.COMMUNE_CODE, message = Formats.COMMUNE_CODE_MESSAGE)
    public String commune;

    @QueryParam("field")
    @Parameter(description = "e.g. THU_TUC_HANH_CHINH (thủ tục hành chính); GET /issues/fields lists them")
    public IssueField field;

    @QueryParam("kind")
    public IssueKind kind;

    @QueryParam("status")
    public IssueStatus status;

    @QueryParam("urgent")
    @Parameter(description = "true: only issues that affect citizens or businesses")
    public Boolean urgent;

    @QueryParam("overdue")
    @Parameter(description = "true: only escalated issues whose deadline day is over without an answer; false: the "
            + "others")
    public Boolean overdue;

    @QueryParam("raisedWeek")
    @Parameter(description = "ISO week it was raised in (Vietnam time), e.g. 2025-W37")
    @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
    public String raisedWeek;

    @QueryParam("from")
    @Parameter(description = "Raised on or after this day, Vietnam time (yyyy-MM-dd)")
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Raised on or before this day, Vietnam time (yyyy-MM-dd)")
    public LocalDate to;

    @QueryParam("unit")
    @Parameter(description = "The unit it is escalated to, e.g. VU-CQDP")
    @Size(max = 32)
    public String unit;

    @QueryParam("assignment")
    public UUID assignment;

    @QueryParam("visit")
    public UUID visit;

    @QueryParam("sort")
    @Parameter(description = "raisedAt, deadline, status, provinceCode or ministryCode; prefix with - for "
            + "descending (default -raisedAt)")
    public String sort;

    @QueryParam("enteredAfterTheFact")
    @Parameter(description = "true: only records with a fact entered after it happened (by a coordinator, on behalf "
            + "of the official, with its real dates); false: only the others")
    public Boolean enteredAfterTheFact;
}
