package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.events.personnel.AnnexAssignmentRequested;
import vn.secondment.events.personnel.PersonnelEvents;

/**
 * Creates the assignments of a decision annex imported into a deployment in personnel-service: one
 * {@link AnnexAssignmentRequested} per row, each applied once ({@link ProcessedEvents}); a request whose assignment
 * already exists changes nothing ({@link AssignmentService#createFromAnnex}).
 */
@ApplicationScoped
public class AnnexFollower {

    public static final String CONSUMER = "assignment-service.annex-assignments";

    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final AssignmentService assignments;

    public AnnexFollower(ProcessedEvents processed, EventCodec codec, AssignmentService assignments) {
        this.processed = processed;
        this.codec = codec;
        this.assignments = assignments;
    }

    /** Applies one annex row's request, once; other events of the topic are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        if (!PersonnelEvents.ANNEX_ASSIGNMENT_REQUESTED.name().equals(event.type())
                || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        assignments.createFromAnnex(codec.data(event, AnnexAssignmentRequested.class));
    }
}
