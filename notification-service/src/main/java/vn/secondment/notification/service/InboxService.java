package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.InboxReader;
import vn.secondment.notification.repository.InboxEntryRepository.Filter;
import vn.secondment.notification.repository.InboxEntryRepository.Read;
import vn.secondment.notification.repository.InboxEntryRepository;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InboxService {

    /** This consumer's name in the processed-event log. */
    static final String CONSUMER = "notification-inbox";
    private static final Logger LOG = Logger.getLogger(InboxService.class);
    /**
     * The smallest batch whose officials and reminder rows are preloaded. A steady stream's polls hold one to three
     * events (at 50 events/s): preloading them costs a statement per table anyway, reads rows an event may not need
     * (an official named by an event that addresses nobody) and is a costlier statement than the read by key it
     * replaces (an IN list, planned per list length): the suspected cause of the p50 at 50 events/s rising from
     * 14 ms to 43–64 ms with the preloads. From four events on, one statement replaces several.
     */
    static final int PRELOAD_FROM = 4;

    private final InboxEntryRepository entries;
    private final ProcessedEvents processed;
    private final InboxRouting routing;
    private final PersonnelFollower personnel;
    private final ReminderSchedule reminders;
    private final Event<InboxEntriesAdded> added;
    private final WebhookSender webhooks;
    private final EmailQueue emails;
    private final InboxGrouping grouping;
    private final OfficialsDirectory officials;
    private final EventCodec codec;
    private final Clock clock;

    public InboxService(InboxEntryRepository entries, ProcessedEvents processed, InboxRouting routing,
                        PersonnelFollower personnel, ReminderSchedule reminders, Event<InboxEntriesAdded> added,
                        WebhookSender webhooks, EmailQueue emails, InboxGrouping grouping,
                        OfficialsDirectory officials, EventCodec codec, Clock clock) {
        this.officials = officials;
        this.codec = codec;
        this.entries = entries;
        this.processed = processed;
        this.routing = routing;
        this.personnel = personnel;
        this.reminders = reminders;
        this.added = added;
        this.webhooks = webhooks;
        this.emails = emails;
        this.grouping = grouping;
        this.clock = clock;
    }

    /**
     * Turns an event into inbox entries, once: the processed-event row, the official directory's update, the
     * reminders it arms or cancels and the entries commit together, so a redelivered event adds nothing. The one
     * path of every topic's consumer and of a dead letter's replay. Live streams hear of the entries after the
     * commit. Matching webhooks get a queued delivery in the same transaction; the HTTP call happens later, outside
     * it ({@link WebhookSender#sendDue}). E-mail likewise: the new entries' deliveries are queued here and mailed
     * later ({@code EmailSender}). Entries of one kind reaching one audience at once join one entry
     * ({@link InboxGrouping}), whose e-mail waits for its window to close; an event joining a group announces the
     * updated entry (same id) to the live streams. A fact entered after it happened makes no entry (and so no
     * e-mail), but is still delivered to webhooks, which are other systems' record of every event.
     */
    @Transactional
    public void receive(EventEnvelope event) {
        if (!processed.firstDelivery(CONSUMER, event)) {
            LOG.debugf("Event %s already processed, skipped", event.id());
            return;
        }
        personnel.apply(event);
        reminders.apply(event);
        List<InboxEntry> made = grouping.place(routing.entriesFor(event));
        webhooks.enqueue(event);
        emails.enqueue(event, made);
        grouping.holdMail(made);
        if (!made.isEmpty()) {
            // copies: a later event of the same batch may join a group entry before the commit announces this one
            added.fire(new InboxEntriesAdded(made.stream().map(InboxEntry::copy).toList()));
        }
    }

    /**
     * Work done once for a batch of events processed in one transaction, before {@link #receive} takes each of them:
     * their processed-event rows, in one statement ({@link ProcessedEvents#firstDeliveries}), and, from
     * {@value #PRELOAD_FROM} events on, the directory's rows of the officials they name and the reminder rows they key
     * by, in one statement each ({@link OfficialsDirectory}, {@link ReminderSchedule#preload}); a smaller batch's
     * events read those rows one by one, as an event processed alone does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(List<EventEnvelope> events) {
        processed.firstDeliveries(CONSUMER, events);
        if (events.size() >= PRELOAD_FROM) {
            officials.preload(events.stream().map(event -> codec.uuidField(event, "officialId"))
                    .flatMap(Optional::stream).toList());
            reminders.preload(events);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<Read> inboxOf(InboxReader reader, Filter filter, Paging paging) {
        return new PageView<>(entries.page(reader, filter, paging.page, paging.size), paging.page, paging.size,
                entries.count(reader, filter));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCount(InboxReader reader) {
        return entries.countUnread(reader);
    }

    /** Idempotent: marking an entry read again keeps the first read time. */
    @Transactional
    public void markRead(InboxReader reader, UUID id) {
        // an entry the reader cannot see is answered like one that does not exist: ids of other ministries' entries
        // are not confirmed
        if (!entries.isVisible(id, reader)) {
            throw ProblemException.notFound("Inbox entry", id);
        }
        entries.markRead(id, reader, clock.instant());
    }

    /** Marks what the reader sees and has not read (created at or before {@code before} when given); how many. */
    @Transactional
    public int markAllRead(InboxReader reader, Instant before) {
        return entries.markAllRead(reader, before, clock.instant());
    }
}
