package vn.secondment.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.secondment.assignment.ItineraryStop;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new period ordered by a later decision: a whole deployment rescheduled, or one assignment extended, shortened
 * (early return) or moved.
 *
 * @param decision    the amending decision by number and date (found among the ministry's decisions, or recorded
 *                    the first time it is named); its date is when the change takes effect for "as of" questions
 * @param reason      why, as the decision says
 * @param decisionId  the amending decision, already recorded, instead of decision
 * @param assignments for a deployment's reschedule only: what happens to assignments the move would leave outside
 *                    the new period. REFUSE (default): the reschedule is refused naming them; FIT: each is clipped
 *                    into the new period, and only those that cannot fit are refused
 * @param itinerary   for a delegation's reschedule only: its new stops (same rules as on creation); absent, every
 *                    stop moves by the shift of the start, and must still lie within the new period
 */
public record PeriodChangeRequest(
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Valid DecisionRef decision,
        @NotBlank @Size(max = 1000) String reason,
        UUID decisionId,
        ReschedulePolicy assignments,
        @Size(max = 100) List<@NotNull @Valid ItineraryStop> itinerary) {

    /** What a deployment's reschedule does with assignments that would lie outside its new period. */
    public enum ReschedulePolicy {
        /** Refuse the reschedule, naming them; nothing moves. */
        REFUSE,
        /** Clip each into the new period; refuse only if one cannot fit (an overlap, no day left, an arrival). */
        FIT
    }
}
