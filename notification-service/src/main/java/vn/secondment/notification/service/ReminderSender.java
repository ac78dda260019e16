package vn.secondment.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.ReminderDue;
import vn.secondment.notification.config.ReminderConfig;
import vn.secondment.notification.repository.InboxEntryRepository;
import vn.secondment.notification.repository.KnownOfficialRepository;
import vn.secondment.notification.repository.ReminderRepository;
import vn.secondment.rest.security.Roles;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the reminders that are due, each once: a batch of rows is claimed with {@code FOR UPDATE SKIP LOCKED}, its
 * inbox entries are written and {@code sent_at} set in the same transaction. A second run, or a second instance
 * running at the same moment, finds those rows sent or locked and sends nothing more.
 */
@ApplicationScoped
public class ReminderSender {

    private static final Logger LOG = Logger.getLogger(ReminderSender.class);
    private static final int TITLE_MAX = 300;

    private final ReminderRepository reminders;
    private final InboxEntryRepository entries;
    private final KnownOfficialRepository officials;
    private final Event<InboxEntriesAdded> added;
    private final ReminderConfig config;
    private final Clock clock;

    public ReminderSender(ReminderRepository reminders, InboxEntryRepository entries, KnownOfficialRepository officials,
                          Event<InboxEntriesAdded> added, ReminderConfig config, Clock clock) {
        this.reminders = reminders;
        this.entries = entries;
        this.officials = officials;
        this.added = added;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${notification.reminders.poll}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        sendDue(clock.instant());
    }

    /** Sends what is due at {@code now}, batch by batch; how many reminders were sent. */
    public int sendDue(Instant now) {
        int total = 0;
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(() -> sendBatch(now));
            total += sent;
        } while (sent == config.batchSize());
        if (total > 0) {
            LOG.infof("Sent %d reminder(s) due at %s", total, now);
        }
        return total;
    }

    private int sendBatch(Instant now) {
        List<ReminderDue> due = reminders.claimDue(now, config.batchSize());
        List<InboxEntry> made = new ArrayList<>();
        for (ReminderDue reminder : due) {
            made.addAll(entriesOf(reminder, now));
            reminder.sentAt = now;
        }
        made.forEach(entries::persist);
        if (!made.isEmpty()) {
            added.fire(new InboxEntriesAdded(List.copyOf(made)));
        }
        return due.size();
    }

    private List<InboxEntry> entriesOf(ReminderDue reminder, Instant now) {
        List<InboxEntry> made = new ArrayList<>();
        if (reminder.recipientOfficialId != null) {
            Optional<String> email = officials.findOptional(reminder.recipientOfficialId).map(o -> o.email)
                    .filter(e -> !e.isBlank());
            // like an event for an official the directory does not know: nobody to address; counted as sent so
            // it is not retried every poll until it expires
            email.ifPresentOrElse(e -> made.add(entry(reminder, now, e, null, reminder.ministry, null)),
                    () -> LOG.warnf("Reminder %s (%s): official %s has no known email, not sent", reminder.id,
                            reminder.kind, reminder.recipientOfficialId));
        } else {
            made.add(entry(reminder, now, null, reminder.audienceRole, reminder.ministry, reminder.unit));
        }
        if (reminder.copyCoordinators) {
            made.add(entry(reminder, now, null, Roles.COORDINATOR, reminder.ministry, null));
        }
        return made;
    }

    private static InboxEntry entry(ReminderDue reminder, Instant now, String email, String role, String ministry,
                                    String unit) {
        InboxEntry entry = new InboxEntry();
        entry.id = UUID.randomUUID();
        // one "event" per reminder and moment: a reminder armed again for a new moment is a new message
        entry.eventId = "reminder:" + reminder.id + "@" + reminder.dueAt.getEpochSecond();
        entry.eventType = reminder.kind.eventType();
        entry.recipientEmail = email;
        entry.audienceRole = role;
        entry.ministry = ministry;
        entry.unit = unit;
        String title = Normalizer.normalize(reminder.title, Normalizer.Form.NFC);
        entry.title = title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX - 1) + "…" : title;
        entry.body = Normalizer.normalize(reminder.body, Normalizer.Form.NFC);
        entry.subjectType = reminder.subjectType;
        entry.subjectId = reminder.subjectId;
        entry.createdAt = now;
        return entry;
    }
}
