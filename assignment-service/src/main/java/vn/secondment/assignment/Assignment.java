package vn.secondment.assignment;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One official sent to one province within a deployment, for a period (inclusive dates). The current state;
 * every change is also kept as a dated {@link AssignmentRevision}.
 */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    public UUID id;

    // eager: every view of an assignment names its deployment and decision, and views are built after the transaction
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "deployment_id")
    public Deployment deployment;

    /** The deployment's ministry (whose admins and coordinators manage the assignment). */
    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Column(name = "official_id", nullable = false)
    public UUID officialId;

    /** The official's own ministry: the deployment's, or a partner ministry of an inter-ministerial round. */
    @Column(name = "official_ministry_code", nullable = false)
    public String officialMinistryCode;

    /** Null for a member of a delegation or working group: they go where the itinerary goes, or sit at the ministry. */
    @Column(name = "province_code")
    public String provinceCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentRole role;

    /** The title the leader of a delegation or working group leads with, e.g. "Thứ trưởng"; null otherwise. */
    @Column(name = "lead_title")
    public String leadTitle;

    /** Communes (5-digit codes) of the province the official concentrates on. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "focus_communes", nullable = false)
    public List<String> focusCommunes = new ArrayList<>();

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    @Column(name = "arrived_on")
    public LocalDate arrivedOn;

    @Column(name = "replaces_id")
    public UUID replacesId;

    @Column(name = "replaced_by_id")
    public UUID replacedById;

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

    public Period period() {
        return new Period(startDate, endDate);
    }

    /**
     * Whether its days count for the overlap rule: all but a withdrawn assignment or one replaced before the
     * official arrived (the same condition as the database's exclusion constraint).
     */
    public boolean occupies() {
        return status != AssignmentStatus.WITHDRAWN && !(status == AssignmentStatus.REPLACED && arrivedOn == null);
    }
}
