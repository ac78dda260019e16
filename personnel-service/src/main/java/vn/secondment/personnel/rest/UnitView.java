package vn.secondment.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.UnitType;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Unit")
public record UnitView(UUID id, @Schema(examples = "BNV") String ministryCode, UUID parentId,
                       @Schema(examples = "VU-TCCB") String code, @Schema(examples = "Vụ Tổ chức cán bộ") String name,
                       UnitType type, @Schema(examples = "Vụ") String typeName, boolean active, long version,
                       Instant createdAt, Instant updatedAt) {

    public static UnitView of(OrgUnit unit) {
        return new UnitView(unit.id, unit.ministryCode, unit.parent == null ? null : unit.parent.id, unit.code,
                unit.name, unit.type, unit.type.vietnamese(), unit.active, unit.version, unit.createdAt,
                unit.updatedAt);
    }
}
