package vn.secondment.notification.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.messaging.LiveEntry;
import vn.secondment.notification.rest.InboxEntryView;

import java.time.Instant;

@ApplicationScoped
public class InboxEntryMapper {

    /** The entry as its reader sees it; {@code readAt} null means unread. */
    public InboxEntryView toView(InboxEntry entry, Instant readAt) {
        return new InboxEntryView(entry.id, entry.eventType, entry.title, entry.body, entry.titleEn, entry.bodyEn,
                entry.ministry, entry.subjectType, entry.subjectId, entry.createdAt, readAt != null, readAt, entry.groupCount, entry.link);
    }

    /** A live entry as a stream shows it: new, so unread. */
    public InboxEntryView toView(LiveEntry entry) {
        return new InboxEntryView(entry.id(), entry.eventType(), entry.title(), entry.body(), entry.titleEn(),
                entry.bodyEn(), entry.ministry(), entry.subjectType(), entry.subjectId(), entry.createdAt(), false, null, Math.max(1, entry.count()),
                entry.link());
    }

    /** The committed entry as the live topic carries it to every instance. */
    public LiveEntry toLiveEntry(InboxEntry entry) {
        return new LiveEntry(entry.id, entry.eventId, entry.eventType, entry.recipient, entry.recipientEmail,
                entry.audienceRole, entry.ministry, entry.province, entry.unit, entry.title, entry.body,
                entry.titleEn, entry.bodyEn, entry.subjectType, entry.subjectId, entry.createdAt, entry.groupCount, entry.link);
    }
}
