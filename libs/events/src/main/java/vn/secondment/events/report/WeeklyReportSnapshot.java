package vn.secondment.events.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import vn.secondment.events.AfterTheFact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of the weekly report events ({@code vn.secondment.report.weekly-report.*}), schema version 1.
 *
 * @param reportId      the report
 * @param assignmentId  the assignment it reports on
 * @param officialId    the official who owes it (personnel-service's id)
 * @param ministryCode  the assignment's ministry
 * @param provinceCode  the assignment's province
 * @param week          ISO week, e.g. {@code 2025-W37}
 * @param weekStart     its Monday
 * @param dueAt         its deadline
 * @param status        DUE, DRAFT, SUBMITTED, RETURNED, ACCEPTED or CANCELLED
 * @param submittedAt   when it was last submitted, null before
 * @param late          whether it was submitted after its deadline
 * @param reviewComment the reviewer's comment when returned or accepted, else null
 * @param enteredAfterTheFact who entered it and when, when it was entered after it happened (recorded on behalf of
 *                            the official with its real dates); null for what was done as it happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WeeklyReportSnapshot(UUID reportId, UUID assignmentId, UUID officialId, String ministryCode,
                                   String provinceCode, String week, LocalDate weekStart, Instant dueAt,
                                   String status, Instant submittedAt, boolean late, String reviewComment,
                                   AfterTheFact enteredAfterTheFact) {
}
