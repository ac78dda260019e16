package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.KnownOfficial;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The officials personnel-service announced, kept from its events: who exists, in which ministry, and whether
 * they may be assigned. Each official keeps the state of the newest event seen, so a redelivered or late older
 * event changes nothing.
 */
@ApplicationScoped
public class OfficialDirectory {

    public static final String CONSUMER = "assignment-service.officials";
    private static final Set<String> OFFICIAL_EVENTS = Set.of(PersonnelEvents.OFFICIAL_REGISTERED.name(),
            PersonnelEvents.OFFICIAL_UPDATED.name(), PersonnelEvents.OFFICIAL_DEACTIVATED.name());

    private final KnownOfficialRepository officials;
    private final ProcessedEvents processed;
    private final EventCodec codec;

    public OfficialDirectory(KnownOfficialRepository officials, ProcessedEvents processed, EventCodec codec) {
        this.officials = officials;
        this.processed = processed;
        this.codec = codec;
    }

    /** Applies one official event, once; other events of the topic (units, imports) are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        if (!OFFICIAL_EVENTS.contains(event.type()) || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        OfficialSnapshot snapshot = codec.data(event, OfficialSnapshot.class);
        KnownOfficial official = officials.findByIdOptional(snapshot.officialId()).orElse(null);
        if (official != null && official.eventTime.isAfter(event.time())) {
            return;
        }
        boolean first = official == null;
        if (first) {
            official = new KnownOfficial();
            official.id = snapshot.officialId();
        }
        official.ministryCode = snapshot.ministryCode();
        official.fullName = snapshot.fullName();
        official.position = snapshot.position();
        official.email = snapshot.email();
        official.active = snapshot.active()
                && !PersonnelEvents.OFFICIAL_DEACTIVATED.name().equals(event.type());
        official.eventTime = event.time();
        if (first) {
            officials.persist(official);
        }
    }

    /**
     * The official named in {@code field}, who must be known and active: a 422 problem otherwise, since the
     * request is well-formed but names someone who cannot be assigned.
     */
    public KnownOfficial requireAssignable(String field, UUID officialId) {
        KnownOfficial official = officials.findById(officialId);
        if (official == null) {
            throw unassignable(field, "is not an official known from personnel-service: register them there first");
        }
        if (!official.active) {
            throw unassignable(field, official.fullName + " is deactivated in personnel-service and cannot be assigned");
        }
        return official;
    }

    public KnownOfficial find(UUID officialId) {
        return officials.findById(officialId);
    }

    private static ProblemException unassignable(String field, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The official cannot be assigned",
                List.of(new Problem.Violation(field, message)));
    }
}
