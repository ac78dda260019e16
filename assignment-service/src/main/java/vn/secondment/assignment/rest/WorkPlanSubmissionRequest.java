package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * The optional body of a submission: only to record one after the fact.
 *
 * @param occurredAt when the official really submitted the plan; {@code late} is judged against it
 */
public record WorkPlanSubmissionRequest(
        @Schema(description = "When the official really submitted the plan (coordinator, ministry admin, platform "
                + "admin recording it after the fact); late is judged against it", required = true,
                example = "2025-09-06T10:30:00+07:00") Instant occurredAt) {

    public static final String EXAMPLE = "{\"occurredAt\": \"2025-09-06T10:30:00+07:00\"}";
}
