package vn.secondment.events.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import vn.secondment.events.AfterTheFact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of the issue events ({@code vn.secondment.report.issue.*}), schema version 1: a locality's difficulty or
 * recommendation (khó khăn, vướng mắc / kiến nghị) after the change.
 *
 * @param issueId          the issue
 * @param ministryCode     the ministry it was first addressed to (figures count it there)
 * @param provinceCode     where it arose
 * @param communeCode      the commune, null for a province-wide issue
 * @param field            its field, an {@link IssueField} name, e.g. THU_TUC_HANH_CHINH
 * @param title            a short title
 * @param urgent           whether it affects citizens or businesses (short deadline)
 * @param status           OPEN, ANSWERED_ON_SITE, ESCALATED, ANSWERED, REFERRED or CLOSED
 * @param assignmentId     the assignment of the officer who raised it, null when a province liaison did
 * @param officialId       that officer, else null
 * @param escalatedToUnit  the unit (personnel-service's unit code) it is escalated to, else null
 * @param deadline         the day the answer is due, else null
 * @param referredToMinistry the ministry it was referred to and that answers it now, else null (also after it
 *                         was referred back to {@code ministryCode})
 * @param overdue          whether its deadline passed without an answer
 * @param changedAt        when this change happened
 * @param enteredAfterTheFact who entered it and when, when it was entered after it happened (recorded on behalf of
 *                            the official with its real dates); null for what was done as it happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueSnapshot(UUID issueId, String ministryCode, String provinceCode, String communeCode, String field,
                            String title, boolean urgent, String status, UUID assignmentId, UUID officialId,
                            String escalatedToUnit, LocalDate deadline, String referredToMinistry, boolean overdue,
                            Instant changedAt,
                            AfterTheFact enteredAfterTheFact) {

    /** The ministry that answers it now: the one it was referred to, else the one first addressed. */
    @JsonIgnore
    public String answeringMinistry() {
        return referredToMinistry != null ? referredToMinistry : ministryCode;
    }

    /** The field as the ministries name it ("thủ tục hành chính"), or its code when this version does not know it. */
    @JsonIgnore
    public String fieldLabel() {
        return IssueField.labelOf(field);
    }

    /** The field in English ("administrative procedures"), or its code when this version does not know it. */
    @JsonIgnore
    public String fieldLabelEn() {
        return IssueField.labelEnOf(field);
    }
}
