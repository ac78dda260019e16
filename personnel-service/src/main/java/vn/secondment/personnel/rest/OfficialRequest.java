package vn.secondment.personnel.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.personnel.Gender;
import vn.secondment.personnel.StaffCategory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An official's details as written by an admin: the body of POST and PUT, and the document a PATCH is merged into.
 * Text is stored in Unicode NFC, trimmed.
 */
@Schema(name = "OfficialRequest")
public record OfficialRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Nguyễn Thị Hoa") String fullName,
        @Schema(examples = "FEMALE") Gender gender,
        @Past @Schema(examples = "1980-05-17") LocalDate dateOfBirth,
        @Pattern(regexp = Patterns.MINISTRY_CODE, message = Patterns.MINISTRY_CODE_MESSAGE)
        @Schema(description = "Defaults to the caller's ministry; cannot change once registered", examples = "BNV")
        String ministryCode,
        @Schema(description = "A unit of the same ministry") UUID unitId,
        @Size(max = 100) @Schema(examples = "Phó Vụ trưởng") String position,
        @Size(max = 100) @Schema(examples = "chuyên viên chính") String grade,
        @Schema(examples = "CIVIL_SERVANT") StaffCategory category,
        @NotBlank @Email @Size(max = 254) @Schema(format = "email", examples = "hoa.nt@moha.gov.vn") String email,
        @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE) @Schema(examples = "0912345678")
        String phone,
        @Size(max = 20) @Schema(examples = "[\"tổ chức bộ máy\", \"tiền lương\"]")
        List<@NotBlank @Size(max = 100) String> expertise) {
}
