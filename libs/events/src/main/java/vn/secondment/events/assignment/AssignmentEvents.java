package vn.secondment.events.assignment;

import vn.secondment.events.EventType;

/**
 * The contract of assignment-service's topic ({@link vn.secondment.events.Topics#ASSIGNMENT}), as far as it is
 * agreed: the assignment events, keyed by assignment id, each carrying the assignment's state after the change
 * ({@link AssignmentSnapshot}), so a consumer can act on the state without knowing every event type.
 */
public final class AssignmentEvents {

    public static final String ASSIGNMENT = "assignment";
    /** Every assignment event's type starts with this. */
    public static final String ASSIGNMENT_TYPE_PREFIX = "vn.secondment.assignment.assignment.";

    public static final EventType ASSIGNMENT_CREATED = assignment("created");
    public static final EventType ASSIGNMENT_RESCHEDULED = assignment("rescheduled");
    /** Arrival confirmed: the official is on secondment in the province. */
    public static final EventType ASSIGNMENT_STARTED = assignment("started");
    public static final EventType ASSIGNMENT_ENDED = assignment("ended");
    public static final EventType ASSIGNMENT_WITHDRAWN = assignment("withdrawn");
    /** The assignment was handed to another official; the snapshot names the replacement. */
    public static final EventType ASSIGNMENT_REPLACED = assignment("replaced");

    private AssignmentEvents() {
    }

    private static EventType assignment(String change) {
        return new EventType(ASSIGNMENT_TYPE_PREFIX + change, 1, ASSIGNMENT);
    }
}
