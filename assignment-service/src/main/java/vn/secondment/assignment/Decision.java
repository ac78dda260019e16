package vn.secondment.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A ministry's decision (quyết định), e.g. 878/QĐ-BNV signed on 11/8/2025 by a Thứ trưởng: it issues one deployment
 * and may amend others (a reschedule, a cancellation, one official's period). Unique by number within its issuing
 * ministry.
 */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(nullable = false)
    public String number;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    /** Who signed it (a name, or as entered before decisions were records, e.g. "Bộ trưởng Bộ Nội vụ"). */
    public String signer;

    /** The signer's title, e.g. "Thứ trưởng". */
    @Column(name = "signer_title")
    public String signerTitle;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    /** The last day it is in force; null when it does not say. */
    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    /** Its subject (trích yếu). */
    public String subject;

    /** The earlier decision of the same ministry that this one amends. */
    @Column(name = "amends_id")
    public UUID amendsId;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
