package vn.secondment.notification.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.notification.EmailSubscription;
import vn.secondment.notification.mapping.SubscriptionMapper;
import vn.secondment.notification.service.SubscriptionService;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.security.Caller;

/** The signed-in user's e-mail subscription (any signed-in user; their own only). */
@Path("/subscriptions/me")
@Tag(name = "Subscriptions", description = "Which notifications reach the user by e-mail, and how often")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    static final String REQUEST = "{\"email\":true,\"eventTypes\":[\"vn.secondment.report.\"],\"ministries\":[],"
            + "\"provinces\":[\"79\"],\"digest\":\"DAILY\",\"language\":\"vi\"}";
    static final String VIEW = "{\"address\":\"hoa.nt@moha.gov.vn\",\"email\":true,"
            + "\"eventTypes\":[\"vn.secondment.report.\"],\"ministries\":[],\"provinces\":[\"79\"],"
            + "\"digest\":\"DAILY\",\"language\":\"vi\",\"updatedAt\":\"2025-09-15T01:00:00Z\"}";

    private final SubscriptionService service;
    private final Caller caller;
    private final SubscriptionMapper mapper;

    public SubscriptionResource(SubscriptionService service, Caller caller, SubscriptionMapper mapper) {
        this.service = service;
        this.caller = caller;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "getMySubscription", summary = "The caller's e-mail subscription",
            description = "404 when they never subscribed (officials still get their own affairs by e-mail).")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class), examples =
            @ExampleObject(name = "daily digest", value = VIEW)))
    public Response get() {
        EmailSubscription s = service.find(caller)
                .orElseThrow(() -> ProblemException.notFound("Subscription of", caller.subject()));
        return Response.ok(mapper.toView(s)).tag(Versions.etag(s.version)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMySubscription", summary = "Create or replace the caller's e-mail subscription",
            description = "Needs a verified email in the token (422 otherwise); If-Match once it exists.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "weekly reports of 79, daily", value = REQUEST)))
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class), examples =
            @ExampleObject(name = "daily digest", value = VIEW)))
    public Response put(@HeaderParam(Versions.IF_MATCH) @Parameter(example = "\"0\"") String ifMatch,
                        SubscriptionRequest request) {
        EmailSubscription s = service.put(caller, ifMatch, request);
        return Response.ok(mapper.toView(s)).tag(Versions.etag(s.version)).build();
    }
}
