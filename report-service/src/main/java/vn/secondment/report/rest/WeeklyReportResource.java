package vn.secondment.report.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.report.search.WeeklyReportFilter;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.report.service.WeeklyReports;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;

@Authenticated
@Path("/weekly-reports")
@Tag(name = "Weekly reports", description = "The periodic reports (báo cáo định kỳ hàng tuần) each assignment owes")
@Produces(MediaType.APPLICATION_JSON)
public class WeeklyReportResource {

    private final WeeklyReports reports;
    private final ReportAccess access;

    public WeeklyReportResource(WeeklyReports reports, ReportAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listWeeklyReports", summary = "The weekly reports owed, by ministry, province and week",
            description = "One report per assignment and ISO week of its period, scheduled from assignment-service's "
                    + "events: a rescheduled assignment's reports move with it, a withdrawn one's are cancelled. "
                    + "Admins and coordinators see their ministry's, a province liaison their province's from every "
                    + "ministry, viewers every ministry's. Newest week first; page size at most " + Paging.MAX_SIZE
                    + ".")
    @APIResponse(responseCode = "200", description = "One page of weekly reports",
            content = @Content(examples = @ExampleObject(name = "an overdue report",
                    value = WeeklyReportView.PAGE_EXAMPLE)))
    public PageView<WeeklyReportView> list(@BeanParam @Valid WeeklyReportFilter filter,
                                           @BeanParam @Valid Paging paging) {
        return reports.list(filter, paging, access);
    }
}
