package vn.secondment.events.personnel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * Payload of {@link PersonnelEvents#OFFICIAL_REGISTERED}, schema version 1.
 *
 * @param officialId   the official's id in personnel-service
 * @param fullName     full Vietnamese name, Unicode NFC
 * @param ministryCode code of the official's ministry, e.g. {@code BNV}
 * @param position     position title, e.g. {@code Phó Vụ trưởng}; may be null
 * @param active       whether the official can be seconded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfficialRegistered(UUID officialId, String fullName, String ministryCode, String position,
                                 boolean active) {
}
