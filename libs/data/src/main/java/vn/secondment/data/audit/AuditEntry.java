package vn.secondment.data.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One change to one record: append-only, never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public UUID id;

    /** What kind of record, e.g. {@code official}, {@code unit}. */
    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    /** The ministry whose admins may read this entry. */
    public String ministry;

    /** e.g. {@code created}, {@code updated}, {@code deactivated}, {@code imported}. */
    @Column(nullable = false)
    public String action;

    /** The username (or client id) from the token that made the change. */
    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    /** Why, when the caller said so: the authorising decision of an import, a deactivation reason. */
    public String reason;

    /** The {@link FieldChange}s as a JSON array, written and read by {@link AuditTrail}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String changes;
}
