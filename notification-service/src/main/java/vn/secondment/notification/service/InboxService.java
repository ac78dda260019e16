package vn.secondment.notification.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.repository.InboxEntryRepository;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.security.Caller;
import vn.secondment.rest.security.Roles;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class InboxService {

    /** This consumer's name in the processed-event log. */
    static final String CONSUMER = "notification-inbox";
    private static final Logger LOG = Logger.getLogger(InboxService.class);
    private static final List<String> ROLES = List.of(Roles.PLATFORM_ADMIN, Roles.MINISTRY_ADMIN,
            Roles.COORDINATOR, Roles.OFFICER, Roles.PROVINCE_LIAISON, Roles.VIEWER);

    private final InboxEntryRepository entries;
    private final ProcessedEvents processed;
    private final InboxRouting routing;

    public InboxService(InboxEntryRepository entries, ProcessedEvents processed, InboxRouting routing) {
        this.entries = entries;
        this.processed = processed;
        this.routing = routing;
    }

    /**
     * Turns an event into inbox entries, once: the processed-event row and the entries commit together,
     * so a redelivered event adds nothing.
     */
    @Transactional
    public void receive(EventEnvelope event) {
        if (!processed.firstDelivery(CONSUMER, event)) {
            LOG.debugf("Event %s already processed, skipped", event.id());
            return;
        }
        routing.entriesFor(event).forEach(entries::persist);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<InboxEntry> inboxOf(Caller caller, Paging paging) {
        Set<String> roles = ROLES.stream().filter(caller::hasRole).collect(Collectors.toSet());
        PanacheQuery<InboxEntry> query = entries.visibleTo(caller.subject(), roles,
                        caller.ministry().orElse(null), caller.province().orElse(null))
                .page(paging.page, paging.size);
        return new PageView<>(query.list(), paging.page, paging.size, query.count());
    }
}
