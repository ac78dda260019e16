package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.readmodel.ReadModels;

/**
 * Keeps the officials personnel-service announced ({@link KnownOfficial}): who exists, in which ministry, and whether
 * they may be assigned. The newest snapshot of each official wins.
 */
@ApplicationScoped
public class PersonnelFollower {

    public static final String CONSUMER = "assignment-service.officials";

    private final ReadModels readModels;
    private final ProcessedEvents processed;
    private final EventCodec codec;

    public PersonnelFollower(ReadModels readModels, ProcessedEvents processed, EventCodec codec) {
        this.readModels = readModels;
        this.processed = processed;
        this.codec = codec;
    }

    /** Applies one official event, once; other events of the topic (units, imports) are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        if (!PersonnelEvents.isOfficialEvent(event.type()) || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        readModels.newestWins(event, codec.data(event, OfficialSnapshot.class), KnownOfficial.class, id -> {
            KnownOfficial official = new KnownOfficial();
            official.id = id;
            return official;
        }, (snapshot, official) -> {
            official.ministryCode = snapshot.ministryCode();
            official.fullName = snapshot.fullName();
            official.position = snapshot.position();
            official.email = snapshot.email();
            official.active = snapshot.active() && !PersonnelEvents.OFFICIAL_DEACTIVATED.name().equals(event.type());
        });
    }
}
