package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.MalformedEventException;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.notification.KnownOfficial;
import vn.secondment.notification.repository.KnownOfficialRepository;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The officials personnel-service announced (official.* events), kept so that events naming an officialId can
 * reach that official's inbox. The newest event wins, so a redelivered or late older event changes nothing.
 */
@ApplicationScoped
public class OfficialDirectory {

    private static final Set<String> OFFICIAL_EVENTS = Set.of(PersonnelEvents.OFFICIAL_REGISTERED.name(),
            PersonnelEvents.OFFICIAL_UPDATED.name(), PersonnelEvents.OFFICIAL_DEACTIVATED.name());

    private final KnownOfficialRepository officials;
    private final EventCodec codec;

    public OfficialDirectory(KnownOfficialRepository officials, EventCodec codec) {
        this.officials = officials;
        this.codec = codec;
    }

    /** Applies an official event in the caller's transaction; other events are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        if (!OFFICIAL_EVENTS.contains(event.type())) {
            return;
        }
        OfficialSnapshot snapshot = codec.data(event, OfficialSnapshot.class);
        if (snapshot.officialId() == null || snapshot.ministryCode() == null || snapshot.fullName() == null) {
            throw new MalformedEventException("Event " + event.id() + " lacks officialId, ministryCode or fullName");
        }
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
        // a deactivated official keeps their email: the events about their past secondment still reach them
        known.email = snapshot.email();
        known.eventTime = event.time();
        if (first) {
            officials.persist(known);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownOfficial> find(UUID officialId) {
        return officialId == null ? Optional.empty() : officials.findByIdOptional(officialId);
    }
}
