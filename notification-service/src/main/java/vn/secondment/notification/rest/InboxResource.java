package vn.secondment.notification.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.secondment.notification.mapping.InboxEntryMapper;
import vn.secondment.notification.mapping.InboxReaderMapper;
import vn.secondment.notification.repository.InboxEntryRepository.Read;
import vn.secondment.notification.service.InboxService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;
import vn.secondment.rest.security.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Authenticated
@Path("/inbox")
@Tag(name = "Inbox", description = "The caller's in-app notifications")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private static final String ENTRY_EXAMPLE = "{\"id\":\"5a1f6c2e-8d4b-4e7a-9f13-2c6d8e0b7a41\",\"eventType\":"
            + "\"vn.secondment.personnel.official.registered\",\"title\":\"Cán bộ mới: Nguyễn Thị Hoa\","
            + "\"body\":\"Nguyễn Thị Hoa (Phó Vụ trưởng) đã được thêm vào danh sách cán bộ của BNV.\","
            + "\"ministry\":\"BNV\",\"subjectType\":\"vn.secondment.personnel.official\","
            + "\"subjectId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"createdAt\":\"2025-09-03T08:00:00Z\"";

    private final InboxService service;
    private final InboxEntryMapper mapper;
    private final InboxStreams streams;
    private final Caller caller;
    private final InboxReaderMapper readers;

    public InboxResource(InboxService service, InboxEntryMapper mapper, InboxStreams streams, Caller caller,
                         InboxReaderMapper readers) {
        this.service = service;
        this.mapper = mapper;
        this.streams = streams;
        this.caller = caller;
        this.readers = readers;
    }

    @GET
    @Operation(operationId = "listInbox", summary = "The caller's inbox, newest first",
            description = "Entries addressed to the caller, or to one of their roles within their ministry/province, "
                    + "each with the caller's own read state. Filters combine.")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(schema = @Schema(ref = "InboxEntryPage"), examples = {
            @ExampleObject(name = "a new official, unread", value = "{\"items\":[" + ENTRY_EXAMPLE
                    + ",\"read\":false}],\"page\":0,\"size\":20,\"totalItems\":1}"),
            @ExampleObject(name = "read", value = "{\"items\":[" + ENTRY_EXAMPLE
                    + ",\"read\":true,\"readAt\":\"2025-09-03T08:05:00Z\"}],\"page\":0,\"size\":20,\"totalItems\":1}")}))
    public PageView<InboxEntryView> list(@BeanParam @Valid Paging paging, @BeanParam @Valid InboxFilter filter) {
        PageView<Read> page = service.inboxOf(readers.toReader(caller), filter.toFilter(), paging);
        return new PageView<>(page.items().stream().map(read -> mapper.toView(read.entry(), read.readAt())).toList(),
                page.page(), page.size(), page.totalItems());
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countUnreadInbox", summary = "How many entries the caller has not read",
            description = "For a badge; the live stream tells when to ask again.")
    @APIResponse(responseCode = "200", description = "The count",
            content = @Content(schema = @Schema(implementation = UnreadCountView.class),
                    examples = @ExampleObject(name = "three unread", value = "{\"unread\":3}")))
    public UnreadCountView unreadCount() {
        return new UnreadCountView(service.unreadCount(readers.toReader(caller)));
    }

    @POST
    @Path("/{id}/read")
    // no body: any content type (or none) is accepted
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "markInboxEntryRead", summary = "Marks one entry read for the caller",
            description = "Idempotent: marking it again keeps the first read time. For the caller only: others who "
                    + "share the entry through a role still see it unread.")
    @APIResponse(responseCode = "204", description = "Read")
    @APIResponse(responseCode = "404", description = "No such entry in the caller's inbox", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not the caller's", value =
            "{\"type\":\"https://secondment.gov.vn/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                    + "\"detail\":\"Inbox entry 5a1f6c2e-8d4b-4e7a-9f13-2c6d8e0b7a41 does not exist\"}")))
    public void markRead(@PathParam("id") @Parameter(example = "5a1f6c2e-8d4b-4e7a-9f13-2c6d8e0b7a41") UUID id) {
        service.markRead(readers.toReader(caller), id);
    }

    @POST
    @Path("/read-all")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "markInboxRead", summary = "Marks every entry of the caller's inbox read",
            description = "With before, only entries created at or before it: a client passes the createdAt of the "
                    + "newest entry it showed, so what arrived meanwhile stays unread.")
    @APIResponse(responseCode = "200", description = "How many entries became read",
            content = @Content(schema = @Schema(implementation = MarkedReadView.class),
                    examples = @ExampleObject(name = "twelve", value = "{\"marked\":12}")))
    public MarkedReadView markAllRead(@QueryParam("before") @Parameter(description = "An instant, or a day in "
            + "Vietnam time meaning until its end", example = "2025-09-03T08:00:00Z") String before) {
        List<Problem.Violation> violations = new ArrayList<>();
        Instant until = InboxFilter.endOf("before", before, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Parameter before is not valid", violations);
        }
        return new MarkedReadView(service.markAllRead(readers.toReader(caller), until));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamInbox", summary = "New entries of the caller's inbox as they arrive (SSE)",
            description = "Server-Sent Events: one event `inbox-entry` per new entry the caller sees, id = entry id, "
                    + "data = the entry as JSON; a comment line every `notification.stream.heartbeat` (25 s) keeps "
                    + "proxies from closing it. No replay: after a reconnect, catch up with GET /inbox?from=<newest "
                    + "createdAt seen>.")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
            description = "text/event-stream: events `inbox-entry` whose data is an InboxEntry as JSON"),
            examples = @ExampleObject(name = "one entry", value =
            ":connected\n\nid:5a1f6c2e-8d4b-4e7a-9f13-2c6d8e0b7a41\nevent:inbox-entry\ndata:" + ENTRY_EXAMPLE
                    + ",\"read\":false}\n\n:heartbeat\n\n")))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        // read the token now: the stream outlives the request scope
        return streams.open(readers.toReader(caller), sse);
    }
}
