package vn.secondment.assignment.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.service.WorkPlanService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;

@Authenticated
@Path("/work-plans")
@Tag(name = "Work plans")
@Produces(MediaType.APPLICATION_JSON)
public class WorkPlanListResource {

    private final WorkPlanService service;
    private final AssignmentAccess access;

    public WorkPlanListResource(WorkPlanService service, AssignmentAccess access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listWorkPlans", summary = "List work plans: who submitted which week, who was late",
            description = "Within what the caller may see of the assignments: admins and coordinators their "
                    + "ministry's, a province liaison their province's, an officer their own, viewers everything. "
                    + "Newest week first; filters combine; page size at most " + Paging.MAX_SIZE + ". Weeks with no "
                    + "plan at all are listed per assignment (GET /assignments/{id}/work-plans).")
    @APIResponse(responseCode = "200", description = "One page of work plans",
            content = @Content(schema = @Schema(ref = "WorkPlanSummaryPage"),
                    examples = @ExampleObject(name = "a late plan", value = WorkPlanSummaryView.PAGE_EXAMPLE)))
    public PageView<WorkPlanSummaryView> list(@BeanParam @Valid WorkPlanFilter filter,
                                              @BeanParam @Valid Paging paging) {
        return service.list(filter, paging, access);
    }
}
