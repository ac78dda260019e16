package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The whole content of a weekly work plan: a PUT replaces the note and every activity. Each field is checked by the
 * service, so that every problem of a plan is reported at once ({@code activities[2].communeCode}).
 *
 * @param note       for the ministry, e.g. what the week concentrates on (at most 2,000 characters)
 * @param activities in the order the official lists them; at most 50; may be empty while a draft
 */
public record WorkPlanRequest(
        @Schema(maxLength = 2000) String note,
        @Schema(maxItems = 50) List<WorkPlanActivityRequest> activities) {
}
