package vn.secondment.notification.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.rest.InboxEntryView;

@ApplicationScoped
public class InboxEntryMapper {

    public InboxEntryView toView(InboxEntry entry) {
        return new InboxEntryView(entry.id, entry.eventType, entry.title, entry.body, entry.ministry,
                entry.subjectType, entry.subjectId, entry.createdAt);
    }
}
