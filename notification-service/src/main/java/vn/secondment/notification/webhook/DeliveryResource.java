package vn.secondment.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

/** Delivery records across channels (today: webhook), for admins: a platform-admin's all, a ministry-admin's own. */
@Path("/deliveries")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
@Tag(name = "Deliveries", description = "What was sent to whom, when, through which channel, with what result")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final WebhookService service;
    private final Caller caller;

    public DeliveryResource(WebhookService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listDeliveries", summary = "Delivery records, newest first")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(examples =
            @ExampleObject(name = "one webhook delivery", value = WebhookResource.DELIVERIES)))
    public PageView<DeliveryView> list(@BeanParam @Valid Paging paging,
                                       @QueryParam("channel") @DefaultValue("webhook")
                                       @Parameter(description = "Only webhook today", example = "webhook")
                                       String channel,
                                       @QueryParam("status") @Parameter(description = "PENDING, DELIVERED, FAILED "
                                               + "or GAVE_UP", example = "GAVE_UP") String status,
                                       @QueryParam("eventType") @Parameter(description = "Event type prefix",
                                               example = "vn.secondment.report.") String eventType) {
        if (!"webhook".equals(channel)) {
            throw ProblemException.invalid("channel", "webhook (the only channel with delivery records so far)");
        }
        return service.deliveries(caller, null, status, eventType, paging);
    }
}
