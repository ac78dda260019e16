package vn.secondment.events.assignment;

import vn.secondment.events.EventType;

/**
 * The contract of assignment-service's topic ({@link vn.secondment.events.Topics#ASSIGNMENT}). Each event is keyed
 * by its aggregate's id and carries the aggregate's state after the change, so a consumer can act on the state
 * without knowing every event type:
 * <ul>
 *   <li>assignment events: {@link AssignmentSnapshot};</li>
 *   <li>deployment events: {@link DeploymentSnapshot};</li>
 *   <li>work plan submitted: {@link WorkPlanSubmitted};</li>
 *   <li>support request events: {@link SupportRequestSnapshot}.</li>
 * </ul>
 */
public final class AssignmentEvents {

    public static final String ASSIGNMENT = "assignment";
    public static final String DEPLOYMENT = "deployment";
    public static final String WORK_PLAN = "work-plan";
    public static final String SUPPORT_REQUEST = "support-request";
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

    /** Every deployment event's type starts with this. */
    public static final String DEPLOYMENT_TYPE_PREFIX = "vn.secondment.assignment.deployment.";

    /**
     * A draft was created or changed before its decision is issued ({@code issued} false): nothing is in force; an
     * annex can be imported into it (personnel-service follows drafts for that).
     */
    public static final EventType DEPLOYMENT_DRAFTED = deployment("drafted");
    /** The decision was issued: the round is official and its assignments stand. */
    public static final EventType DEPLOYMENT_ISSUED = deployment("issued");
    /** A later decision moved the round's period; each moved assignment also gets its own rescheduled event. */
    public static final EventType DEPLOYMENT_RESCHEDULED = deployment("rescheduled");
    public static final EventType DEPLOYMENT_COMPLETED = deployment("completed");
    public static final EventType DEPLOYMENT_CANCELLED = deployment("cancelled");

    /** An official sent their weekly work plan (lịch công tác tuần) to the ministry. */
    public static final EventType WORK_PLAN_SUBMITTED =
            new EventType("vn.secondment.assignment.work-plan.submitted", 1, WORK_PLAN);

    /** Every support request event's type starts with this. */
    public static final String SUPPORT_REQUEST_TYPE_PREFIX = "vn.secondment.assignment.support-request.";

    /** A province asked a ministry for support (a working group, guidance on a field). */
    public static final EventType SUPPORT_REQUEST_FILED = supportRequest("filed");
    /** One side wrote to the other about the request: a question of the ministry, an answer of the province. */
    public static final EventType SUPPORT_REQUEST_MESSAGE_POSTED = supportRequest("message-posted");
    /** The ministry accepted: a {@code PROVINCE_REQUEST} deployment answers it. */
    public static final EventType SUPPORT_REQUEST_ACCEPTED = supportRequest("accepted");
    /** The ministry declined, with its reason. */
    public static final EventType SUPPORT_REQUEST_DECLINED = supportRequest("declined");
    /** The province withdrew it before the ministry decided. */
    public static final EventType SUPPORT_REQUEST_WITHDRAWN = supportRequest("withdrawn");

    private AssignmentEvents() {
    }

    private static EventType deployment(String change) {
        return new EventType(DEPLOYMENT_TYPE_PREFIX + change, 1, DEPLOYMENT);
    }

    private static EventType supportRequest(String change) {
        return new EventType(SUPPORT_REQUEST_TYPE_PREFIX + change, 1, SUPPORT_REQUEST);
    }

    private static EventType assignment(String change) {
        return new EventType(ASSIGNMENT_TYPE_PREFIX + change, 1, ASSIGNMENT);
    }
}
