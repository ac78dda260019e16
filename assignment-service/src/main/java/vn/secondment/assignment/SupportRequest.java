package vn.secondment.assignment;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A province's request to a ministry for support (đề nghị hỗ trợ), e.g. Sở Nội vụ Bắc Ninh asking Bộ Nội vụ for a
 * working group to help three communes run their one-stop shops. Filed by the province's liaison; the ministry's
 * coordinators ask questions, then accept it (a {@code PROVINCE_REQUEST} deployment answers it) or decline it.
 */
@Entity
@Table(name = "support_request")
public class SupportRequest {

    @Id
    public UUID id;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    /** The ministry asked. */
    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(nullable = false)
    public String topic;

    public String details;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "commune_codes", nullable = false)
    public List<String> communeCodes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    /** The province's contact person for the request (personal data: shown to the two sides only). */
    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_title")
    public String contactTitle;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "wished_start")
    public LocalDate wishedStart;

    @Column(name = "wished_end")
    public LocalDate wishedEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Why it was declined or withdrawn. */
    @Column(name = "outcome_reason")
    public String outcomeReason;

    /** Once accepted: the deployment that answers it. */
    @Column(name = "deployment_id")
    public UUID deploymentId;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

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

    public enum Urgency {
        NORMAL, URGENT
    }

    /** OPEN until the ministry accepts or declines it, or the province withdraws it. */
    public enum Status {
        OPEN, ACCEPTED, DECLINED, WITHDRAWN
    }

    /** Who wrote a message, or acted: the requesting province or the ministry asked. */
    public enum Side {
        PROVINCE, MINISTRY
    }
}
