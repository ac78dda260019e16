package vn.secondment.assignment;

/** The life of a deployment: drafted, ordered by its decision, under way, then completed or cancelled. */
public enum DeploymentStatus {
    DRAFT, ISSUED, IN_PROGRESS, COMPLETED, CANCELLED;

    /** Whether assignments may still be added or moved. */
    public boolean open() {
        return this == DRAFT || this == ISSUED || this == IN_PROGRESS;
    }
}
