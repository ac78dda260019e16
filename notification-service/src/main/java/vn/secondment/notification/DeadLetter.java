package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A record this service could not process, as its dead-letter topic carried it: where it was first read, its
 * key and value, why it failed, and what the last replay did.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    public UUID id;

    @Column(name = "source_topic", nullable = false)
    public String topic;

    @Column(name = "source_partition", nullable = false)
    public int partition;

    @Column(name = "source_offset", nullable = false)
    public long offset;

    @Column(name = "record_key")
    public String key;

    public String payload;

    public String error;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The W3C traceparent header the record carried (its event's trace), continued by a replay; or null. */
    public String traceparent;

    /** When a replay first processed it; null while it has not been. */
    @Column(name = "replayed_at")
    public Instant replayedAt;

    /** Why the last replay failed; null after a successful one. */
    @Column(name = "replay_error")
    public String replayError;
}
