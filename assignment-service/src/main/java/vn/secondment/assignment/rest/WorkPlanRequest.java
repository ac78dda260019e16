package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The whole content of a weekly work plan: a PUT replaces the note and every activity. Each field is checked by the
 * service, so that every problem of a plan is reported at once ({@code activities[2].communeCode}).
 *
 * @param note       for the ministry, e.g. what the week concentrates on (at most 2,000 characters)
 * @param activities in the order the official lists them; at most 50; may be empty while a draft
 * @param occurredAt only to record a plan after the fact: when the official really wrote it (a coordinator or
 *                   ministry admin of the assignment's ministry, or a platform admin; an officer's own writing takes
 *                   the time it happens)
 */
public record WorkPlanRequest(
        @Schema(maxLength = 2000) String note,
        @Schema(maxItems = 50) List<WorkPlanActivityRequest> activities,
        @Schema(description = "Only to record the plan after the fact (coordinator, ministry admin, platform admin): "
                + "when the official really wrote it; not in the future, not older than the configured maximum age, "
                + "not before the assignment's start or the week before the plan's week (whichever is earlier)",
                example = "2025-09-05T16:00:00+07:00") Instant occurredAt) {
}
