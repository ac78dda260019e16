package vn.secondment.personnel.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An official as the API shows it. */
@Schema(name = "Official")
public record OfficialView(
        @Schema(examples = "0f8fad5b-d9cb-469f-a165-70867728950e") UUID id,
        @Schema(examples = "Nguyễn Thị Hoa") String fullName,
        @Schema(examples = "BNV") String ministryCode,
        @Schema(examples = "Phó Vụ trưởng") String position,
        @Schema(examples = "hoa.nt@moha.gov.vn") String email,
        boolean active,
        @Schema(description = "Optimistic-locking version, also sent as the ETag") long version,
        Instant createdAt,
        Instant updatedAt) {
}
