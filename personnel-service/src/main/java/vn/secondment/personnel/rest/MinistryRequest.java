package vn.secondment.personnel.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.personnel.Ministry;

import java.time.LocalDate;

/** A ministry as a platform admin adds or renames it. The code is fixed once created (it is in decision numbers). */
@Schema(name = "MinistryRequest")
public record MinistryRequest(
        @NotBlank @Pattern(regexp = Patterns.MINISTRY_CODE, message = Patterns.MINISTRY_CODE_MESSAGE)
        @Schema(examples = "BDTTG") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "Bộ Dân tộc và Tôn giáo") String nameVi,
        @NotBlank @Size(max = 200) @Schema(examples = "Ministry of Ethnic and Religious Affairs") String nameEn,
        @NotNull Ministry.Kind kind,
        @NotNull @Schema(examples = "2025-03-01") LocalDate validFrom,
        @Schema(nullable = true, description = "Last day; null while it exists") LocalDate validTo) {
}
