package vn.secondment.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.idempotency.IdempotentRequests;
import vn.secondment.notification.WebhookSubscription;
import vn.secondment.notification.mapping.WebhookMapper;
import vn.secondment.notification.service.WebhookService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.http.MergePatch;
import vn.secondment.rest.http.Versions;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.UUID;

/** A ministry's systems register here to receive events; its admins (people or service accounts) manage them. */
@Path("/webhooks")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN})
@Tag(name = "Webhooks", description = "Signed event deliveries to other systems (ministry admin of the owner)")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final String ID = "3f2c9a1e-8b7d-4c55-9e0a-6d1f2b3c4d5e";
    private static final String REQUEST = "{\"url\":\"https://hethong.moha.gov.vn/secondment/events\","
            + "\"eventTypes\":[\"vn.secondment.report.weekly-report.\"],\"provinces\":[\"79\"]}";
    private static final String VIEW = "{\"id\":\"" + ID + "\",\"ministryCode\":\"BNV\","
            + "\"url\":\"https://hethong.moha.gov.vn/secondment/events\","
            + "\"eventTypes\":[\"vn.secondment.report.weekly-report.\"],\"ministries\":[],\"provinces\":[\"79\"],"
            + "\"active\":true,\"failures\":0,\"disabledAt\":null,\"disabledReason\":null,"
            + "\"createdBy\":\"bnv-integration\",\"createdAt\":\"2025-09-03T08:00:00Z\",\"version\":0";
    private static final String DELIVERY = "{\"id\":\"9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d\",\"channel\":\"webhook\","
            + "\"subscriptionId\":\"" + ID + "\",\"ministryCode\":\"BNV\","
            + "\"url\":\"https://hethong.moha.gov.vn/secondment/events\",\"eventId\":\"2b4c…\","
            + "\"eventType\":\"vn.secondment.report.weekly-report.submitted\",\"attempt\":1,\"status\":\"DELIVERED\","
            + "\"nextAttemptAt\":null,\"responseStatus\":200,\"error\":null,\"createdAt\":\"2025-09-13T09:00:00Z\","
            + "\"deliveredAt\":\"2025-09-13T09:00:01Z\"}";
    static final String DELIVERIES = "{\"items\":[" + DELIVERY + "],\"page\":0,\"size\":20,\"totalItems\":1}";

    private final WebhookService service;
    private final MergePatch mergePatch;
    private final Caller caller;
    private final IdempotentRequests idempotency;
    private final WebhookMapper mapper;

    public WebhookResource(WebhookService service, MergePatch mergePatch, Caller caller,
                           IdempotentRequests idempotency, WebhookMapper mapper) {
        this.service = service;
        this.mergePatch = mergePatch;
        this.caller = caller;
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook",
            description = "Answers with the signing secret, once: it is never shown again (except to a retry "
                    + "with the same Idempotency-Key within a day).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "weekly reports of province 79",
            value = REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered; keep the secret",
            content = @Content(schema = @Schema(implementation = WebhookView.class), examples =
            @ExampleObject(name = "registered", value = VIEW + ",\"secret\":\"whsec_5f0c…\"}")))
    public Response create(@HeaderParam(IdempotentRequests.HEADER)
                           @Parameter(description = "Any unique string per new webhook, e.g. a UUID: a retry with "
                                   + "the same key answers the first registration (and its secret) again")
                           String idempotencyKey,
                           @NotNull WebhookRequest request, @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "createWebhook", request, () -> {
            WebhookSubscription s = service.create(caller, request);
            return Response.created(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                    .tag(Versions.etag(s.version)).entity(mapper.toView(s, true)).build();
        });
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Webhooks of the caller's ministry (every one for a "
            + "platform-admin), newest first",
            description = "Without their secrets: a secret is shown once, in the answer to the registration.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(ref = "WebhookPage"), examples = @ExampleObject(
            name = "one webhook", value = "{\"items\":[" + VIEW + "}],\"page\":0,\"size\":20,\"totalItems\":1}")))
    public PageView<WebhookView> list(@BeanParam @Valid Paging paging) {
        PageView<WebhookSubscription> page = service.list(caller, paging);
        return new PageView<>(page.items().stream().map(s -> mapper.toView(s, false)).toList(), page.page(),
                page.size(), page.totalItems());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook (without its secret)",
            description = "The ETag header is the version to send back in If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The webhook",
            content = @Content(schema = @Schema(implementation = WebhookView.class), examples =
            @ExampleObject(name = "active", value = VIEW + "}")))
    public Response get(@PathParam("id") @Parameter(example = ID) UUID id) {
        return view(service.get(caller, id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceWebhook", summary = "Change a webhook's URL and filters",
            description = "Every field takes the value sent, checked as at registration. Requires If-Match "
                    + "with the ETag last read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "every report event", value =
            "{\"url\":\"https://hethong.moha.gov.vn/secondment/events\",\"eventTypes\":[\"vn.secondment.report.\"]}")))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = WebhookView.class), examples =
            @ExampleObject(name = "changed", value = VIEW + "}")))
    public Response replace(@PathParam("id") @Parameter(example = ID) UUID id,
                            @HeaderParam(Versions.IF_MATCH) @Parameter(example = "\"0\"") String ifMatch,
                            @NotNull WebhookRequest request) {
        return view(service.update(caller, id, ifMatch, request));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchWebhook", summary = "Change some of a webhook's fields (JSON Merge Patch)",
            description = "RFC 7396: fields present are set, null clears, absent stay; the result is checked as a "
                    + "full update. Requires If-Match with the ETag last read.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = Object.class),
            examples = @ExampleObject(name = "any province", value = "{\"provinces\":[]}")))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = WebhookView.class), examples =
            @ExampleObject(name = "changed", value = VIEW + "}")))
    public Response patch(@PathParam("id") @Parameter(example = ID) UUID id,
                          @HeaderParam(Versions.IF_MATCH) @Parameter(example = "\"0\"") String ifMatch,
                          @NotNull JsonNode patch) {
        WebhookRequest merged = mergePatch.apply(service.current(caller, id), patch);
        return view(service.update(caller, id, ifMatch, merged));
    }

    @POST
    @Path("/{id}/enable")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "enableWebhook", summary = "Turn a disabled webhook back on",
            description = "Resets the failure count; deliveries still waiting are sent again.")
    @APIResponse(responseCode = "200", description = "Active again",
            content = @Content(schema = @Schema(implementation = WebhookView.class), examples =
            @ExampleObject(name = "enabled", value = VIEW + "}")))
    public Response enable(@PathParam("id") @Parameter(example = ID) UUID id,
                           @HeaderParam(Versions.IF_MATCH) @Parameter(example = "\"1\"") String ifMatch) {
        return view(service.enable(caller, id, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook and its delivery records",
            description = "Requires If-Match with the ETag last read. Its audit log stays readable.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") @Parameter(example = ID) UUID id,
                           @HeaderParam(Versions.IF_MATCH) @Parameter(example = "\"0\"") String ifMatch) {
        service.delete(caller, id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "What was sent through this webhook, newest first",
            description = "Each delivery with its attempts, the HTTP status of the last one and when the next is "
                    + "due; status filters them (PENDING, DELIVERED, FAILED, GAVE_UP).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(ref = "DeliveryPage"), examples =
            @ExampleObject(name = "one delivery", value = DELIVERIES)))
    public PageView<DeliveryView> deliveries(@PathParam("id") @Parameter(example = ID) UUID id,
                                             @BeanParam @Valid Paging paging,
                                             @QueryParam("status") @Parameter(example = "FAILED") String status) {
        return service.deliveries(caller, id, status, null, paging);
    }

    @GET
    @Path("/{id}/audit")
    @Operation(operationId = "getWebhookAudit", summary = "Who changed this webhook, what and when",
            description = "Newest first: created, updated, disabled (by the platform, after repeated failures), "
                    + "enabled, deleted. Still readable after the webhook is deleted. The secret is never shown.")
    @APIResponse(responseCode = "200", description = "One page of the audit log",
            content = @Content(schema = @Schema(ref = "AuditRecordPage"),
                    examples = @ExampleObject(name = "history", value = AuditRecordView.PAGE_EXAMPLE)))
    public PageView<AuditRecordView> audit(@PathParam("id") @Parameter(example = ID) UUID id,
                                           @BeanParam @Valid Paging paging) {
        return service.history(caller, id, paging);
    }

    private Response view(WebhookSubscription s) {
        return Response.ok(mapper.toView(s, false)).tag(Versions.etag(s.version)).build();
    }
}
