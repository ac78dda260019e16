package vn.secondment.notification.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.notification.service.EmailDeliveries;
import vn.secondment.notification.service.WebhookService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

/**
 * Delivery records across channels (webhook, email), for admins: a platform-admin's all, a ministry-admin's own
 * (webhooks their ministry owns; e-mail about their ministry's events). One API for every channel.
 */
@Path("/deliveries")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
@Tag(name = "Deliveries", description = "What was sent to whom, when, through which channel, with what result")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final WebhookService service;
    private final EmailDeliveries emails;
    private final Caller caller;

    public DeliveryResource(WebhookService service, EmailDeliveries emails, Caller caller) {
        this.service = service;
        this.emails = emails;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listDeliveries", summary = "Delivery records, newest first",
            description = "Every webhook and e-mail delivery of an event, with its attempts, status and last "
                    + "error. A ministry admin sees their own ministry's.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(ref = "DeliveryPage"), examples =
            @ExampleObject(name = "one webhook delivery", value = WebhookResource.DELIVERIES)))
    public PageView<DeliveryView> list(@BeanParam @Valid Paging paging,
                                       @QueryParam("channel") @DefaultValue("webhook")
                                       @Parameter(description = "webhook or email", example = "webhook")
                                       String channel,
                                       @QueryParam("recipient") @Parameter(description = "email only: the "
                                               + "address it went to (any case)", example = "hoa.nt@moha.gov.vn")
                                       String recipient,
                                       @QueryParam("status") @Parameter(description = "webhook: PENDING, "
                                               + "DELIVERED, FAILED or GAVE_UP; email: PENDING, SENT, FAILED or "
                                               + "GAVE_UP", example = "GAVE_UP") String status,
                                       @QueryParam("eventType") @Parameter(description = "Event type prefix",
                                               example = "vn.secondment.report.") String eventType) {
        return switch (channel) {
            case "webhook" -> {
                if (recipient != null) {
                    throw ProblemException.invalid("recipient",
                            "only with channel=email; a webhook's deliveries are at /webhooks/{id}/deliveries");
                }
                yield service.deliveries(caller, null, status, eventType, paging);
            }
            case "email" -> emails.list(caller, recipient, status, eventType, paging);
            default -> throw ProblemException.invalid("channel", "webhook or email");
        };
    }
}
