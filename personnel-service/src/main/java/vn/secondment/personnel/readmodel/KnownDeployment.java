package vn.secondment.personnel.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.secondment.events.readmodel.KnownState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The latest state assignment-service published for one deployment: what an annex imported into it is checked
 * against. Kept by {@code DeploymentFollower}.
 */
@Entity
@Table(name = "known_deployment")
public class KnownDeployment extends KnownState {

    /** Statuses in which assignments can no longer be added. */
    public static final List<String> CLOSED = List.of("COMPLETED", "CANCELLED");

    @Id
    @Column(name = "deployment_id")
    public UUID deploymentId;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    public String type;

    public String name;

    @Column(name = "decision_number")
    public String decisionNumber;

    @Column(nullable = false)
    public String status;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "province_codes", nullable = false)
    public List<String> provinceCodes = new ArrayList<>();
}
