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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ministry's round (đợt tăng cường) ordered by a decision such as 878/QĐ-BNV: its current period and target
 * provinces, and how many officials each province should have. Every change is also kept as a dated
 * {@link DeploymentRevision}.
 */
@Entity
@Table(name = "deployment")
public class Deployment {

    @Id
    public UUID id;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeploymentType type;

    @Column(nullable = false)
    public String name;

    /** The decision that issues it; the decision_* columns below are copies of it, kept in step. */
    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;

    @Column(name = "decision_number", nullable = false)
    public String decisionNumber;

    @Column(name = "decision_date", nullable = false)
    public LocalDate decisionDate;

    @Column(name = "decision_signer")
    public String decisionSigner;

    @Column(name = "decision_subject")
    public String decisionSubject;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "province_codes", nullable = false)
    public List<String> provinceCodes = new ArrayList<>();

    @Column(name = "officials_per_province", nullable = false)
    public int officialsPerProvince = 1;

    /** Province code → officials required there, where it differs from {@link #officialsPerProvince}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "province_quotas", nullable = false)
    public Map<String, Integer> provinceQuotas = new LinkedHashMap<>();

    /** A delegation's stops in date order; null when it has none (see {@link DeploymentType#delegation()}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "itinerary")
    public List<ItineraryStop> itinerary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "partner_ministries", nullable = false)
    public List<String> partnerMinistries = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeploymentStatus status;

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

    /** Officials the rule asks for in a province (0 when the province is not a target). */
    public int required(String provinceCode) {
        // a delegation visits and a working group sits at the ministry: neither holds a resident's place
        if (type.group() || !provinceCodes.contains(provinceCode)) {
            return 0;
        }
        return provinceQuotas.getOrDefault(provinceCode, officialsPerProvince);
    }

    public Period period() {
        return new Period(startDate, endDate);
    }

    /** The itinerary, empty when there is none. */
    public List<ItineraryStop> stops() {
        return itinerary == null ? List.of() : itinerary;
    }

    /** Whether officials of {@code ministry} may be assigned: the deployment's own, or a partner named by the decision. */
    public boolean accepts(String ministry) {
        return ministryCode.equals(ministry) || partnerMinistries.contains(ministry);
    }
}
