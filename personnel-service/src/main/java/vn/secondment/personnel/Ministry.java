package vn.secondment.personnel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** A ministry (Bộ) or ministry-level agency, identified by the abbreviation of its document numbers. */
@Entity
@Table(name = "ministry")
public class Ministry {

    /** e.g. {@code BNV}, as in 878/QĐ-BNV. */
    @Id
    public String code;

    @Column(name = "name_vi", nullable = false)
    public String nameVi;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** First day the body exists under this name. */
    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    /** Last day, or null while it exists. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public enum Kind {
        /** Bộ. */
        MINISTRY,
        /** Cơ quan ngang bộ: Ngân hàng Nhà nước, Thanh tra Chính phủ, Văn phòng Chính phủ. */
        AGENCY
    }
}
