package vn.secondment.personnel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A civil servant (công chức) or public employee (viên chức) of a ministry who can be seconded. */
@Entity
@Table(name = "official")
public class Official {

    @Id
    public UUID id;

    /** Full Vietnamese name, stored in Unicode NFC. */
    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    public String position;

    public String email;

    public boolean active = true;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
