package vn.secondment.personnel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.personnel.HeldAssignment;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.SecondmentStatus;
import vn.secondment.personnel.repository.HeldAssignmentRepository;
import vn.secondment.personnel.repository.OfficialRepository;

import java.util.List;

/**
 * Keeps each official's secondment status in step with assignment-service. Every assignment event carries the
 * assignment's state; the latest state of each assignment is kept, and the official's status is derived from all
 * the assignments they hold, so events of different assignments may arrive in any order.
 */
@ApplicationScoped
public class SecondmentStatusService {

    public static final String CONSUMER = "personnel-service.secondment-status";
    private static final Logger LOG = Logger.getLogger(SecondmentStatusService.class);

    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final HeldAssignmentRepository assignments;
    private final OfficialRepository officials;

    public SecondmentStatusService(ProcessedEvents processed, EventCodec codec, HeldAssignmentRepository assignments,
                                   OfficialRepository officials) {
        this.processed = processed;
        this.codec = codec;
        this.assignments = assignments;
        this.officials = officials;
    }

    /** Applies one assignment event, once; events of other types on the topic are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        if (!event.type().startsWith(AssignmentEvents.ASSIGNMENT_TYPE_PREFIX)
                || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        AssignmentSnapshot snapshot = codec.data(event, AssignmentSnapshot.class);
        HeldAssignment held = assignments.findByIdOptional(snapshot.assignmentId()).orElse(null);
        if (held != null && held.eventTime.isAfter(event.time())) {
            // an older state of this assignment arriving after a newer one changes nothing
            return;
        }
        boolean first = held == null;
        if (first) {
            held = new HeldAssignment();
            held.assignmentId = snapshot.assignmentId();
        }
        held.officialId = snapshot.officialId();
        held.status = snapshot.status();
        held.startDate = snapshot.startDate();
        held.endDate = snapshot.endDate();
        held.eventTime = event.time();
        if (first) {
            // persisted once complete: the insert is built from the state at persist time
            assignments.persist(held);
        }
        assignments.flush();
        refresh(snapshot);
    }

    private void refresh(AssignmentSnapshot snapshot) {
        Official official = officials.findById(snapshot.officialId());
        if (official == null) {
            LOG.warnf("Assignment %s names official %s, unknown here; status kept for when they appear",
                    snapshot.assignmentId(), snapshot.officialId());
            return;
        }
        official.secondmentStatus = statusOf(assignments.ofOfficial(official.id));
    }

    static SecondmentStatus statusOf(List<HeldAssignment> held) {
        if (held.stream().anyMatch(a -> a.status == AssignmentSnapshot.Status.ACTIVE)) {
            return SecondmentStatus.ON_SECONDMENT;
        }
        if (held.stream().anyMatch(a -> a.status == AssignmentSnapshot.Status.PLANNED)) {
            return SecondmentStatus.ASSIGNED;
        }
        return SecondmentStatus.AVAILABLE;
    }
}
