package vn.secondment.personnel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An organisational unit of a ministry: a Vụ, Cục, Văn phòng, Thanh tra or đơn vị sự nghiệp, or a Phòng inside one. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public OrgUnit parent;

    /** Short code, unique within the ministry, e.g. {@code VU-TCCB}. */
    @Column(nullable = false)
    public String code;

    /** Vietnamese name (NFC), unique within the ministry ignoring case and diacritics. */
    @Column(nullable = false)
    public String name;

    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitType type;

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
