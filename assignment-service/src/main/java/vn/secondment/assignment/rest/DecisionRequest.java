package vn.secondment.assignment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision as it is signed.
 *
 * @param ministryCode  the issuing ministry; defaults to the caller's; cannot change once recorded
 * @param number        e.g. 878/QĐ-BNV; unique within the issuing ministry
 * @param signedOn      the day it was signed (not in the future)
 * @param signer        who signed it, e.g. "Nguyễn Văn A"
 * @param signerTitle   the signer's title, e.g. "Thứ trưởng"
 * @param effectiveFrom the first day it is in force; defaults to the day it was signed
 * @param effectiveTo   the last day it is in force, when it says
 * @param subject       its subject (trích yếu)
 * @param amendsId      the earlier decision of the same ministry that this one amends
 */
@Schema(name = "DecisionRecordRequest")
public record DecisionRequest(
        @Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String ministryCode,
        @NotBlank @Size(max = 60) @Pattern(regexp = Formats.DECISION, message = Formats.DECISION_MESSAGE)
        @Schema(examples = "878/QĐ-BNV") String number,
        @NotNull @Schema(examples = "2025-08-11") LocalDate signedOn,
        @Size(max = 200) String signer,
        @Size(max = 200) @Schema(examples = "Thứ trưởng") String signerTitle,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @Size(max = 1000) String subject,
        UUID amendsId) {
}
