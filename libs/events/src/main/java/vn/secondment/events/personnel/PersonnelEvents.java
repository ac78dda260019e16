package vn.secondment.events.personnel;

import vn.secondment.events.EventType;

/** The contract of personnel-service's topic ({@link vn.secondment.events.Topics#PERSONNEL}). */
public final class PersonnelEvents {

    public static final String OFFICIAL = "official";

    /** An official was added to the directory. Payload: {@link OfficialRegistered}. */
    public static final EventType OFFICIAL_REGISTERED =
            new EventType("vn.secondment.personnel.official.registered", 1, OFFICIAL);

    private PersonnelEvents() {
    }
}
