package vn.secondment.events.personnel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.secondment.events.readmodel.Snapshot;

import java.util.List;
import java.util.UUID;

/**
 * Payload of {@link PersonnelEvents#UNIT_CREATED} and {@link PersonnelEvents#UNIT_CHANGED}, schema version 1.
 *
 * @param unitId       the unit's id
 * @param ministryCode its ministry
 * @param parentId     the enclosing unit (a Phòng's Cục), or null at the top
 * @param code         short code, unique within the ministry, e.g. {@code VU-TCCB}
 * @param name         Vietnamese name, e.g. {@code Vụ Tổ chức cán bộ}
 * @param type         DEPARTMENT (Vụ), AGENCY (Cục), OFFICE (Văn phòng), INSPECTORATE (Thanh tra),
 *                     PUBLIC_SERVICE_UNIT (đơn vị sự nghiệp), DIVISION (Phòng)
 * @param active       whether the unit still exists
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitSnapshot(UUID unitId, String ministryCode, UUID parentId, String code, String name, String type,
                           boolean active) implements Snapshot {

    @Override
    public UUID recordId() {
        return unitId;
    }

    @Override
    public List<String> missingFields() {
        return Snapshot.nullsAmong("unitId", unitId, "ministryCode", ministryCode, "code", code, "name", name);
    }
}
