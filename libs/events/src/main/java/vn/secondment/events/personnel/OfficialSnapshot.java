package vn.secondment.events.personnel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.secondment.events.readmodel.Snapshot;

import java.util.List;
import java.util.UUID;

/**
 * Payload of the official events ({@link PersonnelEvents#OFFICIAL_REGISTERED}, {@code _UPDATED},
 * {@code _DEACTIVATED}), schema version 1: the official's state after the change, without personal data (no phone,
 * no date of birth). Consumers keep the latest snapshot they have seen per official.
 *
 * @param officialId   the official's id in personnel-service
 * @param fullName     full Vietnamese name, Unicode NFC
 * @param ministryCode code of the official's ministry, e.g. {@code BNV}
 * @param unitId       the organisational unit (Vụ, Cục...) in personnel-service, or null
 * @param position     position title, e.g. {@code Phó Vụ trưởng}; may be null
 * @param category     {@code CIVIL_SERVANT} (công chức) or {@code PUBLIC_EMPLOYEE} (viên chức); may be null
 * @param email        work email, also how the official signs in
 * @param expertise    fields of expertise, e.g. {@code tổ chức bộ máy}
 * @param active       whether the official can be seconded
 * @param importId     the bulk import that made this change, or null for a single change (consumers that notify
 *                     people use {@link PersonnelEvents#OFFICIALS_IMPORTED} instead of one message per row)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfficialSnapshot(UUID officialId, String fullName, String ministryCode, UUID unitId, String position,
                               String category, String email, List<String> expertise, boolean active,
                               UUID importId) implements Snapshot {

    @Override
    public UUID recordId() {
        return officialId;
    }

    @Override
    public List<String> missingFields() {
        return Snapshot.nullsAmong("officialId", officialId, "fullName", fullName, "ministryCode", ministryCode);
    }
}
