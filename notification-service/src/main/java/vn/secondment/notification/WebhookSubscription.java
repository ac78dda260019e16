package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ministry's system that wants events POSTed to {@link #url}, signed with {@link #secret}. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String secret;

    /** Event type prefixes, e.g. {@code vn.secondment.report.}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes;

    /** Envelope ministries; empty: the owner's own ministry only. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> ministries;

    /** {@code provinceCode}s of the payload; empty: any (and events without a province). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> provinces;

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
