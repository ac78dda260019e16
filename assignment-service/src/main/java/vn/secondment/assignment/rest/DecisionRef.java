package vn.secondment.assignment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.rest.Formats;

import java.time.LocalDate;

/**
 * The decision (quyết định) that orders or amends something.
 *
 * @param number  its number, e.g. 878/QĐ-BNV or 19/2025/QĐ-TTg
 * @param date    the day it was signed
 * @param signer  who signed it, e.g. "Thứ trưởng Bộ Nội vụ"
 * @param subject its subject (trích yếu)
 */
@Schema(name = "Decision")
public record DecisionRef(
        @NotBlank @Pattern(regexp = Formats.DECISION, message = Formats.DECISION_MESSAGE)
        @Schema(examples = "878/QĐ-BNV") String number,
        @NotNull @Schema(examples = "2025-08-11") LocalDate date,
        @Size(max = 200) String signer,
        @Size(max = 1000) String subject) {
}
