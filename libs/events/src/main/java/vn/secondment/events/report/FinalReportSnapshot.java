package vn.secondment.events.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import vn.secondment.events.AfterTheFact;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of the final report events ({@code vn.secondment.report.final-report.*}), schema version 1.
 *
 * @param reportId      the final report (báo cáo tổng hợp cuối đợt)
 * @param assignmentId  the assignment it closes
 * @param officialId    the official who wrote it
 * @param ministryCode  the assignment's ministry
 * @param provinceCode  the assignment's province
 * @param dueAt         its deadline: the end of the assignment
 * @param status        DUE, DRAFT, SUBMITTED, RETURNED or ACCEPTED
 * @param submittedAt   when it was last submitted, null before
 * @param late          whether it was submitted after its deadline
 * @param acceptedAt    when it was accepted, else null
 * @param acceptedBy    who accepted it (username), else null
 * @param reviewComment the reviewer's comment when returned or accepted, else null
 * @param enteredAfterTheFact who entered it and when, when it was entered after it happened (recorded on behalf of
 *                            the official with its real dates); null for what was done as it happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FinalReportSnapshot(UUID reportId, UUID assignmentId, UUID officialId, String ministryCode,
                                  String provinceCode, Instant dueAt, String status, Instant submittedAt,
                                  boolean late, Instant acceptedAt, String acceptedBy,
                                  String reviewComment,
                                  AfterTheFact enteredAfterTheFact) {
}
