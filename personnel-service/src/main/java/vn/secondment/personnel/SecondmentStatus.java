package vn.secondment.personnel;

/** Where an official stands, derived from assignment-service's events. */
public enum SecondmentStatus {
    /** Holds no current assignment. */
    AVAILABLE,
    /** Holds a planned assignment, not yet on site. */
    ASSIGNED,
    /** Arrived in the province: on secondment. */
    ON_SECONDMENT
}
