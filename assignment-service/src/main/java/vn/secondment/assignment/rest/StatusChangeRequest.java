package vn.secondment.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A change of state (issue, complete, cancel, withdraw, end): when it takes effect, why, and the decision if one
 * ordered it.
 *
 * @param effectiveOn the day it takes effect (arrival, completion...); defaults to today in Vietnam
 * @param decision    the decision that ordered it, by number and date (found among the ministry's decisions, or
 *                    recorded the first time it is named)
 * @param decisionId  that decision, already recorded, instead of decision
 */
public record StatusChangeRequest(
        LocalDate effectiveOn,
        @NotBlank @Size(max = 1000) String reason,
        @Valid DecisionRef decision,
        UUID decisionId) {
}
