package vn.secondment.assignment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.secondment.assignment.ActivityKind;
import vn.secondment.rest.Formats;

import java.time.LocalDate;

/**
 * One dated activity of a weekly work plan.
 *
 * @param day         a day of the plan's week within the assignment's period
 * @param kind        what it is; a COMMUNE_SURVEY needs {@code communeCode}
 * @param communeCode 5-digit code of a commune of the assignment's province, when it happens in one
 * @param location    where, in words, e.g. "Trụ sở Sở Nội vụ" (at most 300 characters)
 * @param title       what, e.g. "Làm việc với Sở Nội vụ về sắp xếp bộ máy" (at most 300 characters)
 * @param details     at most 2,000 characters
 */
public record WorkPlanActivityRequest(
        @Schema(required = true) LocalDate day,
        @Schema(required = true) ActivityKind kind,
        @Schema(pattern = Formats.COMMUNE_CODE) String communeCode,
        @Schema(maxLength = 300) String location,
        @Schema(required = true, maxLength = 300) String title,
        @Schema(maxLength = 2000) String details) {
}
