package vn.secondment.personnel.readmodel;

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

/** The latest state assignment-service published for one assignment: the input of an official's status.
 * Kept by {@code AssignmentFollower}. */
@Entity
@Table(name = "held_assignment")
public class KnownAssignment extends KnownState {

    @Id
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "official_id", nullable = false)
    public UUID officialId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentSnapshot.Status status;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;
}
