package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in the in-app inbox, made from one event. Addressed to one person ({@link #recipient}, a token
 * subject, or {@link #recipientEmail}, an official's email matched against the caller's verified email) or to every
 * holder of {@link #audienceRole}, narrowed to {@link #ministry}, {@link #province} and/or {@link #unit}.
 */
@Entity
@Table(name = "inbox_entry")
public class InboxEntry {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    public String recipient;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Column(name = "audience_role")
    public String audienceRole;

    public String ministry;

    public String province;

    /** A unit code of {@link #ministry} (e.g. {@code TT-CNTT}), for an audience of ministry units. */
    public String unit;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * What a group of entries shares (kind, audience, e.g. the ISO week); null for an entry that never groups. The
     * entry of an open group takes the later events of its key until {@link #groupClosesAt}.
     */
    @Column(name = "group_key")
    public String groupKey;

    /** How many events the entry tells: 1, or the size of its group. */
    @Column(name = "group_count", nullable = false)
    public int groupCount = 1;

    @Column(name = "group_closes_at")
    public Instant groupClosesAt;

    /** The filtered list in the public API that shows what the group tells, e.g. {@code /api/report/weekly-reports?…}. */
    public String link;

    /** The title and body in English, for mail in English; null when only Vietnamese exists. */
    @Column(name = "title_en")
    public String titleEn;

    @Column(name = "body_en")
    public String bodyEn;

    /**
     * How the entry reads once it tells several events ({@code %d} is how many), from the routing of the event that
     * made it; not stored: an event joining the group brings its own.
     */
    @Transient
    public GroupText groupText;

    /**
     * A copy of the entry as it is now, outside the persistence context: what one event's commit announces, which a
     * later event of the same transaction (a batch) joining the entry's group does not change.
     */
    public InboxEntry copy() {
        InboxEntry copy = new InboxEntry();
        copy.id = id;
        copy.eventId = eventId;
        copy.eventType = eventType;
        copy.recipient = recipient;
        copy.recipientEmail = recipientEmail;
        copy.audienceRole = audienceRole;
        copy.ministry = ministry;
        copy.province = province;
        copy.unit = unit;
        copy.title = title;
        copy.body = body;
        copy.subjectType = subjectType;
        copy.subjectId = subjectId;
        copy.createdAt = createdAt;
        copy.groupKey = groupKey;
        copy.groupCount = groupCount;
        copy.groupClosesAt = groupClosesAt;
        copy.link = link;
        copy.titleEn = titleEn;
        copy.bodyEn = bodyEn;
        copy.groupText = groupText;
        return copy;
    }

    /** The texts of a group, each with {@code %d} for its count; English null when there is none. */
    public record GroupText(String title, String body, String titleEn, String bodyEn) {
    }
}
