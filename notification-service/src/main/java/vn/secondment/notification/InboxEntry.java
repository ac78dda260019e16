package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
