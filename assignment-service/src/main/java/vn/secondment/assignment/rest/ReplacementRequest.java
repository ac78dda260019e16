package vn.secondment.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Another official takes over the assignment.
 *
 * @param officialId the new official
 * @param from       the new official's first day; the replaced one's period ends the day before
 */
public record ReplacementRequest(
        @NotNull UUID officialId,
        @NotNull LocalDate from,
        @NotNull @Valid DecisionRef decision,
        @NotBlank @Size(max = 1000) String reason) {
}
