package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.personnel.UnitSnapshot;
import vn.secondment.report.KnownOfficial;
import vn.secondment.report.KnownUnit;
import vn.secondment.report.repository.KnownOfficialRepository;
import vn.secondment.report.repository.KnownUnitRepository;

import java.util.Set;

/**
 * Keeps the officials and units personnel-service announced: who a signed-in officer is, and where issues can be
 * escalated. Each keeps the state of the newest event seen, so a redelivered or late older event changes nothing.
 */
@ApplicationScoped
public class PersonnelFollower {

    public static final String CONSUMER = "report-service.personnel";
    private static final Set<String> OFFICIAL_EVENTS = Set.of(PersonnelEvents.OFFICIAL_REGISTERED.name(),
            PersonnelEvents.OFFICIAL_UPDATED.name(), PersonnelEvents.OFFICIAL_DEACTIVATED.name());
    private static final Set<String> UNIT_EVENTS = Set.of(PersonnelEvents.UNIT_CREATED.name(),
            PersonnelEvents.UNIT_CHANGED.name());

    private final KnownOfficialRepository officials;
    private final KnownUnitRepository units;
    private final ProcessedEvents processed;
    private final EventCodec codec;

    public PersonnelFollower(KnownOfficialRepository officials, KnownUnitRepository units, ProcessedEvents processed,
                             EventCodec codec) {
        this.officials = officials;
        this.units = units;
        this.processed = processed;
        this.codec = codec;
    }

    /** Applies one official or unit event, once; other events of the topic (imports) are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        boolean official = OFFICIAL_EVENTS.contains(event.type());
        if (!(official || UNIT_EVENTS.contains(event.type())) || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        if (official) {
            applyOfficial(event, codec.data(event, OfficialSnapshot.class));
        } else {
            applyUnit(event, codec.data(event, UnitSnapshot.class));
        }
    }

    private void applyOfficial(EventEnvelope event, OfficialSnapshot snapshot) {
        KnownOfficial known = officials.findByIdOptional(snapshot.officialId()).orElse(null);
        if (known != null && known.eventTime.isAfter(event.time())) {
            return;
        }
        boolean first = known == null;
        if (first) {
            known = new KnownOfficial();
            known.id = snapshot.officialId();
        }
        known.ministryCode = snapshot.ministryCode();
        known.fullName = snapshot.fullName();
        known.email = snapshot.email();
        known.active = snapshot.active() && !PersonnelEvents.OFFICIAL_DEACTIVATED.name().equals(event.type());
        known.eventTime = event.time();
        if (first) {
            officials.persist(known);
        }
    }

    private void applyUnit(EventEnvelope event, UnitSnapshot snapshot) {
        KnownUnit known = units.findByIdOptional(snapshot.unitId()).orElse(null);
        if (known != null && known.eventTime.isAfter(event.time())) {
            return;
        }
        boolean first = known == null;
        if (first) {
            known = new KnownUnit();
            known.id = snapshot.unitId();
        }
        known.ministryCode = snapshot.ministryCode();
        known.code = snapshot.code();
        known.name = snapshot.name();
        known.active = snapshot.active();
        known.eventTime = event.time();
        if (first) {
            units.persist(known);
        }
    }
}
