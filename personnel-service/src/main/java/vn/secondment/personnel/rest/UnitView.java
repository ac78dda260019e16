package vn.secondment.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.personnel.UnitType;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Unit")
public record UnitView(UUID id, @Schema(examples = "BNV") String ministryCode, @Schema(nullable = true) UUID parentId,
                       @Schema(examples = "VU-TCCB") String code, @Schema(examples = "Vụ Tổ chức cán bộ") String name,
                       UnitType type, @Schema(examples = "Vụ") String typeName, boolean active, long version,
                       Instant createdAt, Instant updatedAt) {
}
