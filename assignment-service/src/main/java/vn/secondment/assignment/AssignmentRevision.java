package vn.secondment.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.util.UUID;

/** A dated version of a assignment (see {@link Revision}). */
@Entity
@Table(name = "assignment_revision")
public class AssignmentRevision extends Revision {

    @Column(name = "assignment_id", nullable = false)
    public UUID assignmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    @Override
    public String statusName() {
        return status.name();
    }
}
