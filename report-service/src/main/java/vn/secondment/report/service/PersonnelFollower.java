package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.personnel.UnitSnapshot;
import vn.secondment.events.readmodel.ReadModels;
import vn.secondment.report.readmodel.KnownOfficial;
import vn.secondment.report.readmodel.KnownUnit;

/**
 * Keeps the officials and units personnel-service announced ({@link KnownOfficial}, {@link KnownUnit}): who a
 * signed-in officer is, and where issues can be escalated. The newest snapshot of each wins.
 */
@ApplicationScoped
public class PersonnelFollower {

    public static final String CONSUMER = "report-service.personnel";

    private final ReadModels readModels;
    private final ProcessedEvents processed;
    private final EventCodec codec;

    public PersonnelFollower(ReadModels readModels, ProcessedEvents processed, EventCodec codec) {
        this.readModels = readModels;
        this.processed = processed;
        this.codec = codec;
    }

    /** Applies one official or unit event, once; other events of the topic (imports) are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        boolean official = PersonnelEvents.isOfficialEvent(event.type());
        if (!(official || PersonnelEvents.isUnitEvent(event.type())) || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        if (official) {
            readModels.newestWins(event, codec.data(event, OfficialSnapshot.class), KnownOfficial.class, id -> {
                KnownOfficial known = new KnownOfficial();
                known.id = id;
                return known;
            }, (snapshot, known) -> {
                known.ministryCode = snapshot.ministryCode();
                known.fullName = snapshot.fullName();
                known.email = snapshot.email();
                known.active = snapshot.active()
                        && !PersonnelEvents.OFFICIAL_DEACTIVATED.name().equals(event.type());
            });
        } else {
            readModels.newestWins(event, codec.data(event, UnitSnapshot.class), KnownUnit.class, id -> {
                KnownUnit known = new KnownUnit();
                known.id = id;
                return known;
            }, (snapshot, known) -> {
                known.ministryCode = snapshot.ministryCode();
                known.code = snapshot.code();
                known.name = snapshot.name();
                known.active = snapshot.active();
            });
        }
    }
}
