package vn.secondment.notification.rest;

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
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.mapping.InboxEntryMapper;
import vn.secondment.notification.service.InboxService;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.security.Caller;

@Authenticated
@Path("/inbox")
@Tag(name = "Inbox", description = "The caller's in-app notifications")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final InboxService service;
    private final InboxEntryMapper mapper;
    private final Caller caller;

    public InboxResource(InboxService service, InboxEntryMapper mapper, Caller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listInbox", summary = "The caller's inbox, newest first",
            description = "Entries addressed to the caller, or to one of their roles within their ministry/province.")
    @APIResponse(responseCode = "200", description = "One page of entries", content = @Content(examples =
            @ExampleObject(name = "a new official", value = "{\"items\":[{\"id\":\"5a1f...\",\"eventType\":"
                    + "\"vn.secondment.personnel.official.registered\",\"title\":\"Cán bộ mới: Nguyễn Thị Hoa\","
                    + "\"body\":\"Nguyễn Thị Hoa (Phó Vụ trưởng) đã được thêm vào danh sách cán bộ của BNV.\","
                    + "\"ministry\":\"BNV\",\"createdAt\":\"2025-09-03T08:00:00Z\"}],\"page\":0,\"size\":20,"
                    + "\"totalItems\":1}")))
    public PageView<InboxEntryView> list(@BeanParam @Valid Paging paging) {
        PageView<InboxEntry> page = service.inboxOf(caller, paging);
        return new PageView<>(page.items().stream().map(mapper::toView).toList(), page.page(), page.size(),
                page.totalItems());
    }
}
