package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/**
 * The event filters a subscriber (a webhook, a user's e-mail) chooses, the same columns in both tables; each
 * subscription says what an empty list means for it.
 */
@MappedSuperclass
public abstract class EventSubscription {

    /** Event type prefixes, e.g. {@code vn.secondment.report.}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes;

    /** Envelope ministries. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> ministries;

    /** {@code provinceCode}s of the payload; empty: any (then also events without a province). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> provinces;
}
