package vn.secondment.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.notification.DeadLetter;
import vn.secondment.notification.mapping.DeadLetterMapper;
import vn.secondment.notification.service.DeadLetterService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.security.Roles;

import java.util.UUID;

/** The platform admin's view of what this service could not process, and the way to process it again. */
@Path("/dead-letters")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "Dead letters", description = "Records the service could not process (platform admin)")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final String EXAMPLE = "{\"id\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"topic\":\"report.events\","
            + "\"partition\":0,\"offset\":42,\"key\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
            + "\"payload\":\"{not an envelope\",\"error\":\"Not an event envelope\","
            + "\"receivedAt\":\"2025-09-10T02:00:00Z\",\"replayedAt\":null,\"replayError\":null}";

    private final DeadLetterService service;
    private final DeadLetterMapper mapper;

    public DeadLetterResource(DeadLetterService service, DeadLetterMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "Dead letters, newest first",
            description = "Records of the topics this service could not process, each with why; POST "
                    + "/dead-letters/{id}/replay processes one again. Platform admins only.")
    @APIResponse(responseCode = "200", description = "One page of dead letters",
            content = @Content(schema = @Schema(ref = "DeadLetterPage"), examples =
            @ExampleObject(name = "one unreadable record", value = "{\"items\":[" + EXAMPLE
                    + "],\"page\":0,\"size\":20,\"totalItems\":1}")))
    public PageView<DeadLetterView> list(@BeanParam @Valid Paging paging,
                                         @QueryParam("replayed") @Parameter(description = "false: only those not "
                                                 + "replayed yet; true: only those replayed; absent: all",
                                                 example = "false") Boolean replayed) {
        PageView<DeadLetter> page = service.list(replayed, paging);
        return new PageView<>(page.items().stream().map(mapper::toView).toList(), page.page(), page.size(),
                page.totalItems());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "One dead letter",
            description = "The record as received and why it could not be processed, and the last replay's "
                    + "outcome. Platform admins only.")
    @APIResponse(responseCode = "200", description = "The dead letter",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class), examples =
            @ExampleObject(name = "an unreadable record", value = EXAMPLE)))
    public DeadLetterView get(@PathParam("id") @Parameter(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") UUID id) {
        return mapper.toView(service.get(id));
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "replayDeadLetter", summary = "Process a dead letter again",
            description = "Runs the stored record through the inbox as if it had just arrived. The inbox is "
                    + "idempotent by event id, so replaying twice adds nothing. 422 when it still cannot be "
                    + "processed; the reason is kept as replayError.")
    @APIResponse(responseCode = "200", description = "Processed; replayedAt is set",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class), examples =
            @ExampleObject(name = "replayed", value = "{\"id\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\","
                    + "\"topic\":\"report.events\",\"partition\":0,\"offset\":43,\"key\":\"0f8f...\","
                    + "\"payload\":\"{\\\"specversion\\\":\\\"1.0\\\",...}\",\"error\":\"lock timeout\","
                    + "\"receivedAt\":\"2025-09-10T02:00:00Z\",\"replayedAt\":\"2025-09-10T03:00:00Z\","
                    + "\"replayError\":null}")))
    public DeadLetterView replay(@PathParam("id") @Parameter(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
                                 UUID id) {
        return mapper.toView(service.replay(id));
    }
}
