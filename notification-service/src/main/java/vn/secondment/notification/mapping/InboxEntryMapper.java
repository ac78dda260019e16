package vn.secondment.notification.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.rest.InboxEntryView;

import java.time.Instant;

@ApplicationScoped
public class InboxEntryMapper {

    /** The entry as its reader sees it; {@code readAt} null means unread. */
    public InboxEntryView toView(InboxEntry entry, Instant readAt) {
        return new InboxEntryView(entry.id, entry.eventType, entry.title, entry.body, entry.ministry,
                entry.subjectType, entry.subjectId, entry.createdAt, readAt != null, readAt);
    }
}
