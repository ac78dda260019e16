package vn.secondment.personnel.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an official is deactivated or reactivated; kept in the audit log. */
// named apart from assignment-service's StatusChangeRequest: the four documents meet in one client
@Schema(name = "OfficialStatusChangeRequest")
public record StatusChangeRequest(
        @NotBlank @Size(max = 500) @Schema(examples = "Nghỉ hưu từ 01/12/2025") String reason) {
}
