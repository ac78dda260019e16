package vn.secondment.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.readmodel.ReadModels;
import vn.secondment.notification.readmodel.KnownOfficial;

/**
 * Keeps the officials personnel-service announced ({@link KnownOfficial}), so that events naming an officialId can
 * reach that official's inbox. The newest snapshot of each official wins.
 */
@ApplicationScoped
public class PersonnelFollower {

    private final ReadModels readModels;
    private final EventCodec codec;
    private final OfficialsDirectory directory;

    public PersonnelFollower(ReadModels readModels, EventCodec codec, OfficialsDirectory directory) {
        this.readModels = readModels;
        this.codec = codec;
        this.directory = directory;
    }

    /** Applies an official event in the caller's transaction (which logs it as processed); others are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        if (!PersonnelEvents.isOfficialEvent(event.type())) {
            return;
        }
        // the directory answers from what the batch read at its start, and then knows the official for the later events
        readModels.newestWins(event, codec.data(event, OfficialSnapshot.class), directory::find, id -> {
            KnownOfficial known = new KnownOfficial();
            known.id = id;
            return known;
        }, (snapshot, known) -> {
            known.ministryCode = snapshot.ministryCode();
            known.fullName = snapshot.fullName();
            // a deactivated official keeps their email: the events about their past secondment still reach them
            known.email = snapshot.email();
        }).ifPresent(directory::remember);
    }
}
