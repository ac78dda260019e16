package vn.secondment.report.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.readmodel.KnownState;

import java.time.LocalDate;
import java.util.UUID;

/** An assignment as assignment-service last announced it; kept by {@code AssignmentFollower}. */
@Entity
@Table(name = "held_assignment")
public class KnownAssignment extends KnownState {

    @Id
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "deployment_id", nullable = false)
    public UUID deploymentId;

    @Column(name = "official_id", nullable = false)
    public UUID officialId;

    @Column(name = "ministry_code", nullable = false)
    public String ministryCode;

    /** Null for a member of a delegation or working group, who goes with the group rather than to one province. */
    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "arrived_on")
    public LocalDate arrivedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentSnapshot.Status status;
}
