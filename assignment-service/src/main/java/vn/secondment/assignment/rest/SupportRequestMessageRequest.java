package vn.secondment.assignment.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question of the ministry or an answer of the province about a support request. */
public record SupportRequestMessageRequest(@NotBlank @Size(max = 4000) String body) {
}
