package vn.secondment.assignment.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.assignment.service.WorkPlanService;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

@Authenticated
@Path("/assignments/{id}/work-plans")
@Tag(name = "Work plans", description = "Weekly work plans (lịch công tác tuần) of officials on assignment")
@Produces(MediaType.APPLICATION_JSON)
public class WorkPlanResource {

    private static final String WEEK = "ISO week (yyyy-Www): Monday to Sunday, e.g. 2025-W37 is 8 to 14 September 2025";

    private final WorkPlanService service;
    private final AssignmentAccess access;
    private final ObjectMapper json;

    public WorkPlanResource(WorkPlanService service, AssignmentAccess access, ObjectMapper json) {
        this.service = service;
        this.access = access;
        this.json = json;
    }

    /**
     * The submission's optional body, read here: JAX-RS cannot bind an absent body without a Content-Type to a
     * record, and the official's submission sends neither. A body must be JSON (415 otherwise); Jackson's errors are
     * problem+json through libs/rest's mappers.
     */
    private WorkPlanSubmissionRequest submission(HttpHeaders headers, String body) throws IOException {
        if (body == null || body.isBlank()) {
            return null;
        }
        MediaType type = headers.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "A submission's body, when there is one, "
                    + "is JSON ({\"occurredAt\": …}) sent as " + MediaType.APPLICATION_JSON);
        }
        return json.readValue(body, WorkPlanSubmissionRequest.class);
    }

    @GET
    @Operation(operationId = "listAssignmentWeeks", summary = "Every week of the assignment and its work plan",
            description = "Each ISO week that meets the assignment's period, oldest first: the plan's status (DRAFT, "
                    + "SUBMITTED), or MISSING (no plan and the week has started) or NOT_DUE (no plan yet for a week "
                    + "still to come); late when it was submitted after its week had started. Readable by whoever "
                    + "can see the assignment.")
    @APIResponse(responseCode = "200", description = "The weeks")
    public List<WorkPlanWeekView> weeks(@PathParam("id") UUID id) {
        return service.weeks(id, access);
    }

    @GET
    @Path("/{week}")
    @Operation(operationId = "getWorkPlan", summary = "Read one week's work plan",
            description = "ETag = its version. Readable by whoever can see the assignment.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(schema = @Schema(implementation = WorkPlanView.class)))
    public Response get(@PathParam("id") UUID id,
                        @PathParam("week") @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
                        @Parameter(description = WEEK, example = "2025-W37") String week) {
        WorkPlanView plan = service.get(id, week, access);
        return Response.ok(plan).tag(Versions.etag(plan.version())).build();
    }

    @PUT
    @Path("/{week}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putWorkPlan", summary = "Write one week's work plan",
            description = "Creates the plan (201, without If-Match) or replaces its note and activities (200, "
                    + "If-Match required). Only the assigned official writes, while the assignment is PLANNED or "
                    + "ACTIVE. The week must meet the assignment's period; each activity's day must fall in the week "
                    + "and the period; communeCode must be a commune of the assignment's province (required for a "
                    + "COMMUNE_SURVEY); title is required; at most 50 activities. Editing a SUBMITTED plan makes it a "
                    + "DRAFT again, to be submitted again. Recording the past: with occurredAt, a coordinator or "
                    + "ministry admin of the assignment's ministry, or a platform admin, writes the official's plan as "
                    + "it was written then (also for a COMPLETED assignment); the plan shows enteredAfterTheFact. "
                    + "occurredAt must not be in the future, more than secondment.after-the-fact.max-age (P2Y) back, "
                    + "before the earlier of the assignment's start and the Monday of the week before the plan's week, "
                    + "or before the plan's last change (400 naming occurredAt); an officer sending it gets 403.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "week in Hà Nội", value = """
            {"note": "Tập trung rà soát bộ máy cấp xã sau sắp xếp",
             "activities": [
              {"day": "2025-09-08", "kind": "WORK_WITH_PROVINCE_DEPARTMENT", "location": "Trụ sở Sở Nội vụ",
               "title": "Làm việc với Sở Nội vụ về sắp xếp đội ngũ cán bộ cấp xã"},
              {"day": "2025-09-10", "kind": "COMMUNE_SURVEY", "communeCode": "00070",
               "title": "Khảo sát tình hình vận hành chính quyền địa phương hai cấp"}]}"""),
            @ExampleObject(name = "recorded after the fact", value = """
            {"note": "Tập trung rà soát bộ máy cấp xã sau sắp xếp",
             "activities": [
              {"day": "2025-09-08", "kind": "WORK_WITH_PROVINCE_DEPARTMENT", "location": "Trụ sở Sở Nội vụ",
               "title": "Làm việc với Sở Nội vụ về sắp xếp đội ngũ cán bộ cấp xã"}],
             "occurredAt": "2025-09-05T16:00:00+07:00"}""")}))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = WorkPlanView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = WorkPlanView.class)))
    public Response put(@PathParam("id") UUID id,
                        @PathParam("week") @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
                        @Parameter(description = WEEK, example = "2025-W37") String week,
                        @HeaderParam(Versions.IF_MATCH) String ifMatch, @NotNull WorkPlanRequest request,
                        @Context UriInfo uri) {
        WorkPlanService.Written written = service.put(id, week, ifMatch, request, access);
        Response.ResponseBuilder response = written.created()
                ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return response.entity(written.plan()).tag(Versions.etag(written.plan().version())).build();
    }

    @POST
    @Path("/{week}/submission")
    // the body is optional: the official submits without one (and need not send a Content-Type)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "submitWorkPlan", summary = "Submit one week's work plan to the ministry",
            description = "DRAFT → SUBMITTED, now; late when now is at or after the week's Monday 00:00 "
                    + "(Asia/Ho_Chi_Minh). An empty plan cannot be submitted (422). Publishes "
                    + "work-plan.submitted. Requires If-Match; only the assigned official, without a body. "
                    + "Recording the past: a coordinator or ministry admin of the assignment's ministry, or a platform "
                    + "admin, sends {\"occurredAt\": …}, when the official really submitted it: late is judged "
                    + "against it, the plan shows enteredAfterTheFact and the event carries it (so nobody is "
                    + "notified). Same limits on occurredAt as for writing, and not before the plan was written.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkPlanSubmissionRequest.class),
            examples = @ExampleObject(name = "recorded after the fact", value = WorkPlanSubmissionRequest.EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Submitted",
            content = @Content(schema = @Schema(implementation = WorkPlanView.class)))
    public Response submit(@PathParam("id") UUID id,
                           @PathParam("week") @Pattern(regexp = IsoWeek.PATTERN, message = IsoWeek.MESSAGE)
                           @Parameter(description = WEEK, example = "2025-W37") String week,
                           @HeaderParam(Versions.IF_MATCH) String ifMatch, @Context HttpHeaders headers,
                           String body) throws IOException {
        WorkPlanView plan = service.submit(id, week, ifMatch, submission(headers, body), access);
        return Response.ok(plan).tag(Versions.etag(plan.version())).build();
    }
}
