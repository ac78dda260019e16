package vn.secondment.notification.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * One committed inbox entry as {@code notification.inbox-live} carries it to every instance's live streams: what the
 * stream shows and the addressing its visibility rule reads. Field for field the entry, so the topic's JSON is
 * unchanged; made by {@code InboxEntryMapper}.
 */
public record LiveEntry(UUID id, String eventId, String eventType, String recipient, String recipientEmail,
                        String audienceRole, String ministry, String province, String unit, String title,
                        String body, String titleEn, String bodyEn, String subjectType, String subjectId,
                        Instant createdAt, int count, String link) {
}
