package vn.secondment.personnel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.events.readmodel.ReadModels;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.SecondmentStatus;
import vn.secondment.personnel.readmodel.KnownAssignment;
import vn.secondment.personnel.repository.KnownAssignmentRepository;
import vn.secondment.personnel.repository.OfficialRepository;

import java.util.List;

/**
 * Keeps each official's secondment status in step with assignment-service. Every assignment event carries the
 * assignment's state; the latest state of each assignment is kept, and the official's status is derived from all
 * the assignments they hold, so events of different assignments may arrive in any order.
 */
@ApplicationScoped
public class AssignmentFollower {

    public static final String CONSUMER = "personnel-service.secondment-status";
    private static final Logger LOG = Logger.getLogger(AssignmentFollower.class);

    private final ReadModels readModels;
    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final KnownAssignmentRepository assignments;
    private final OfficialRepository officials;

    public AssignmentFollower(ReadModels readModels, ProcessedEvents processed, EventCodec codec,
                              KnownAssignmentRepository assignments, OfficialRepository officials) {
        this.readModels = readModels;
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
        boolean changed = readModels.newestWins(event, snapshot, KnownAssignment.class, id -> {
            KnownAssignment held = new KnownAssignment();
            held.assignmentId = id;
            return held;
        }, (s, held) -> {
            held.officialId = s.officialId();
            held.status = s.status();
            held.startDate = s.startDate();
            held.endDate = s.endDate();
        }).isPresent();
        if (!changed) {
            // an older state of this assignment arriving after a newer one changes nothing
            return;
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

    static SecondmentStatus statusOf(List<KnownAssignment> held) {
        if (held.stream().anyMatch(a -> a.status == AssignmentSnapshot.Status.ACTIVE)) {
            return SecondmentStatus.ON_SECONDMENT;
        }
        if (held.stream().anyMatch(a -> a.status == AssignmentSnapshot.Status.PLANNED)) {
            return SecondmentStatus.ASSIGNED;
        }
        return SecondmentStatus.AVAILABLE;
    }
}
