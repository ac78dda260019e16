package vn.secondment.assignment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the ministry declines a request, or the province withdraws it. */
public record SupportRequestOutcome(@NotBlank @Size(max = 1000) String reason) {
}
