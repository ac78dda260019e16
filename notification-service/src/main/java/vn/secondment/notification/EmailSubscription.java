package vn.secondment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/**
 * A user's e-mail choices, with the reader data of their token at the last PUT: the consumer decides who would see
 * an entry from it, with the inbox's own rule ({@code InboxEntryRepository.isVisibleTo}). Its filters' empty
 * {@code eventTypes} means everything the user sees in their inbox, empty {@code ministries} any ministry.
 */
@Entity
@Table(name = "email_subscription")
public class EmailSubscription extends EventSubscription {

    public enum Digest { NONE, DAILY }

    @Id
    public String subject;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Digest digest;

    @Column(nullable = false)
    public String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> roles;

    public String ministry;

    public String province;

    public String unit;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
