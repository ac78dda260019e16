package vn.secondment.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A new period ordered by a later decision: a whole deployment rescheduled, or one assignment extended, shortened
 * (early return) or moved.
 *
 * @param decision  the amending decision; its date is when the change takes effect for "as of" questions
 * @param reason    why, as the decision says
 */
public record PeriodChangeRequest(
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Valid DecisionRef decision,
        @NotBlank @Size(max = 1000) String reason) {
}
