package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One inbox entry for one address: when it was (or will be) mailed, how often it was tried, with what result. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery {

    public enum Status { PENDING, SENT, FAILED, GAVE_UP }

    @Id
    public UUID id;

    @Column(name = "entry_id", nullable = false)
    public UUID entryId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The event's ministry: whose admins see this record. */
    public String ministry;

    @Column(name = "recipient_email", nullable = false)
    public String recipientEmail;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public boolean digest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    public String error;

    /** The W3C traceparent of the span that queued it (the event's processing), continued by its sends; or null. */
    public String traceparent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
