package vn.secondment.events.personnel;

import vn.secondment.events.EventType;

/** The contract of personnel-service's topic ({@link vn.secondment.events.Topics#PERSONNEL}). */
public final class PersonnelEvents {

    public static final String OFFICIAL = "official";
    public static final String UNIT = "unit";
    public static final String IMPORT = "official-import";
    /** Keyed by the official's id (not a record of its own): see {@link AnnexAssignmentRequested}. */
    public static final String ANNEX_ASSIGNMENT = "annex-assignment";

    /** An official was added to the directory. Payload: {@link OfficialSnapshot}. */
    public static final EventType OFFICIAL_REGISTERED =
            new EventType("vn.secondment.personnel.official.registered", 1, OFFICIAL);
    /** An official's details changed. Payload: {@link OfficialSnapshot}. */
    public static final EventType OFFICIAL_UPDATED =
            new EventType("vn.secondment.personnel.official.updated", 1, OFFICIAL);
    /** An official can no longer be seconded (left, retired). Payload: {@link OfficialSnapshot}. */
    public static final EventType OFFICIAL_DEACTIVATED =
            new EventType("vn.secondment.personnel.official.deactivated", 1, OFFICIAL);
    /** A decision annex was imported. Payload: {@link OfficialsImported}. */
    public static final EventType OFFICIALS_IMPORTED =
            new EventType("vn.secondment.personnel.officials.imported", 1, IMPORT);
    /**
     * A row of a decision annex imported into a deployment asks for the official's assignment there.
     * Payload: {@link AnnexAssignmentRequested}.
     */
    public static final EventType ANNEX_ASSIGNMENT_REQUESTED =
            new EventType("vn.secondment.personnel.annex-assignment.requested", 1, ANNEX_ASSIGNMENT);
    /** A unit (Vụ, Cục, Phòng...) was created. Payload: {@link UnitSnapshot}. */
    public static final EventType UNIT_CREATED =
            new EventType("vn.secondment.personnel.unit.created", 1, UNIT);
    /** A unit was renamed, moved or closed. Payload: {@link UnitSnapshot}. */
    public static final EventType UNIT_CHANGED =
            new EventType("vn.secondment.personnel.unit.changed", 1, UNIT);

    /** Whether {@code type} is one of the official events, whose payload is an {@link OfficialSnapshot}. */
    public static boolean isOfficialEvent(String type) {
        return OFFICIAL_REGISTERED.name().equals(type) || OFFICIAL_UPDATED.name().equals(type)
                || OFFICIAL_DEACTIVATED.name().equals(type);
    }

    /** Whether {@code type} is one of the unit events, whose payload is a {@link UnitSnapshot}. */
    public static boolean isUnitEvent(String type) {
        return UNIT_CREATED.name().equals(type) || UNIT_CHANGED.name().equals(type);
    }

    private PersonnelEvents() {
    }
}
