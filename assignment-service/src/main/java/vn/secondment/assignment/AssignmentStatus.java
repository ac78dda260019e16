package vn.secondment.assignment;

/**
 * The life of an assignment: planned until the official's arrival is confirmed, then active, then completed;
 * or withdrawn before it ran, or replaced by another official's assignment.
 */
public enum AssignmentStatus {
    PLANNED, ACTIVE, COMPLETED, WITHDRAWN, REPLACED;

    /** Whether the official still holds the assignment. */
    public boolean holds() {
        return this == PLANNED || this == ACTIVE;
    }
}
