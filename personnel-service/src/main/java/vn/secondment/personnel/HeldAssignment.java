package vn.secondment.personnel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.secondment.events.assignment.AssignmentSnapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The latest state assignment-service published for one assignment: the input of an official's status. */
@Entity
@Table(name = "held_assignment")
public class HeldAssignment {

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

    @Column(name = "event_time", nullable = false)
    public Instant eventTime;
}
