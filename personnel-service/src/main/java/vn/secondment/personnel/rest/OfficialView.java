package vn.secondment.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.personnel.Gender;
import vn.secondment.personnel.SecondmentStatus;
import vn.secondment.personnel.StaffCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An official as the API shows them; personal fields are masked when the caller may not see them. */
@Schema(name = "Official")
public record OfficialView(
        UUID id,
        @Schema(examples = "Nguyễn Thị Hoa") String fullName,
        @Schema(nullable = true) Gender gender,
        @Schema(nullable = true, description = "Null when masked") LocalDate dateOfBirth,
        @Schema(examples = "BNV") String ministryCode,
        @Schema(nullable = true) UnitRef unit,
        @Schema(nullable = true, examples = "Phó Vụ trưởng") String position,
        @Schema(nullable = true, examples = "chuyên viên chính") String grade,
        @Schema(nullable = true) StaffCategory category,
        @Schema(format = "email", examples = "hoa.nt@moha.gov.vn") String email,
        @Schema(nullable = true,
                description = "Masked to the last 3 digits when the caller may not see it", examples = "0912345678")
        String phone,
        List<String> expertise,
        boolean active,
        SecondmentStatus secondmentStatus,
        @Schema(description = "True when dateOfBirth and phone were masked for this caller")
        boolean personalDataMasked,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true, description = "The official's Keycloak login; null when they have none, or when "
                + "the caller does not manage the official's ministry (only its admins and platform admins see it)")
        LoginView login) {

    /** The unit an official belongs to, named so a list needs no second request. */
    @Schema(name = "UnitRef")
    public record UnitRef(UUID id, @Schema(examples = "VU-TCCB") String code,
                          @Schema(examples = "Vụ Tổ chức cán bộ") String name) {
    }
}
