package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A ministry's system that wants events POSTed to {@link #url}, signed with {@link #secret}. Its filters' empty
 * {@code ministries} means the owner's own ministry only.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends EventSubscription {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public boolean active;

    /** Consecutive failed attempts; a success puts it back to 0. */
    @Column(nullable = false)
    public int failures;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Version
    public long version;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
