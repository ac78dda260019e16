package vn.secondment.personnel.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.personnel.UnitType;

import java.util.UUID;

/** An organisational unit as an admin creates or changes it (POST and PUT). */
@Schema(name = "UnitRequest")
public record UnitRequest(
        @Pattern(regexp = Patterns.MINISTRY_CODE, message = Patterns.MINISTRY_CODE_MESSAGE)
        @Schema(description = "Defaults to the caller's ministry; cannot change", examples = "BNV") String ministryCode,
        @Schema(description = "The enclosing unit (a Phòng's Cục), of the same ministry") UUID parentId,
        @NotBlank @Pattern(regexp = Patterns.UNIT_CODE, message = Patterns.UNIT_CODE_MESSAGE)
        @Schema(examples = "VU-TCCB") String code,
        @NotBlank @Size(max = 300) @Schema(examples = "Vụ Tổ chức cán bộ") String name,
        @NotNull @Schema(examples = "DEPARTMENT") UnitType type,
        @Schema(description = "False closes the unit; defaults to true") Boolean active) {
}
