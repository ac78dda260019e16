package vn.secondment.personnel.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /officials}. */
@Schema(name = "NewOfficial", description = "An official to add to a ministry's directory")
public record NewOfficial(
        @Schema(description = "Full Vietnamese name (stored in Unicode NFC)", examples = "Nguyễn Thị Hoa")
        @NotBlank @Size(max = 200)
        String fullName,

        @Schema(description = "Ministry code; defaults to the caller's ministry", examples = "BNV")
        @Pattern(regexp = "[A-ZĐ]{2,10}", message = "must be a ministry code such as BNV or BNNMT")
        String ministryCode,

        @Schema(description = "Position title", examples = "Phó Vụ trưởng")
        @Size(max = 100)
        String position,

        @Schema(description = "Work e-mail", examples = "hoa.nt@moha.gov.vn")
        @Email @Size(max = 254)
        String email) {
}
