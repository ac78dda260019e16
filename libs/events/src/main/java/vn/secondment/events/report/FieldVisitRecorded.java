package vn.secondment.events.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import vn.secondment.events.AfterTheFact;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@link ReportEvents#FIELD_VISIT_RECORDED}, schema version 1.
 *
 * @param visitId      the visit
 * @param assignmentId the assignment it belongs to
 * @param officialId   the official who recorded the visit (and made it)
 * @param ministryCode the assignment's ministry
 * @param provinceCode the province
 * @param communeCode  the commune visited (5-digit code of the reference data)
 * @param visitDate    the day of the visit
 * @param communeGroup the planning group: CENTRAL_WARD, LARGE_AREA, REMOTE or OTHER
 * @param issueIds     the issues recorded during the visit
 * @param enteredAfterTheFact who entered it and when, when it was entered after it happened (recorded on behalf of
 *                            the official with its real dates); null for what was done as it happened
 * @param companionOfficialIds the other officials of the same deployment who made the visit with the recorder
 *                             ({@code officialId}); empty or null (producers before it) for a visit made alone
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldVisitRecorded(UUID visitId, UUID assignmentId, UUID officialId, String ministryCode,
                                 String provinceCode, String communeCode, LocalDate visitDate, String communeGroup,
                                 List<UUID> issueIds,
                                 AfterTheFact enteredAfterTheFact,
                                 List<UUID> companionOfficialIds) {
}
