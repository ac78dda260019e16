package vn.secondment.events.assignment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of every deployment event, schema version 1: the deployment (đợt tăng cường) after the change.
 *
 * @param deploymentId     the deployment
 * @param ministryCode     the ministry that runs it, e.g. {@code BNV}
 * @param type             {@code RESIDENT_SECONDMENT}, {@code WORKING_DELEGATION}, {@code INSPECTION_DELEGATION},
 *                         {@code STANDING_WORKING_GROUP} or {@code PROVINCE_REQUEST}
 * @param name             its name, e.g. "Tăng cường cán bộ hỗ trợ chính quyền địa phương hai cấp"
 * @param decisionNumber   the decision that ordered it, e.g. {@code 878/QĐ-BNV}
 * @param startDate        first day of the current period
 * @param endDate          last day of the current period
 * @param provinceCodes    the target provinces (2-digit codes); for a delegation, those of its itinerary; empty for a
 *                         standing working group (at the ministry)
 * @param status           {@code DRAFT}, {@code ISSUED}, {@code IN_PROGRESS}, {@code COMPLETED} or {@code CANCELLED}
 * @param amendment        for a reschedule: the amending decision and why; otherwise null
 * @param issued           whether its decision was ever issued (in force): false for a draft, and for a draft
 *                         cancelled before issue, which concerns nobody outside the ministry; null in events
 *                         published before the field existed (read as issued)
 * @param decisionId       the record of the decision that issues it (assignment-service's {@code /decisions/{id}});
 *                         null in events published before the field existed
 * @param itinerary        for a delegation (working, inspection, or sent at a province's request): its stops in date
 *                         order; null for other types and in events published before the field existed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentSnapshot(UUID deploymentId, String ministryCode, String type, String name,
                                 String decisionNumber, LocalDate startDate, LocalDate endDate,
                                 List<String> provinceCodes, String status, Amendment amendment, Boolean issued,
                                 UUID decisionId, List<ItineraryStop> itinerary) {

    /** Consumers read with the canonical constructor (the shorter one keeps code written before decisionId). */
    @JsonCreator
    public DeploymentSnapshot {
    }

    /** As published before {@code itinerary} was added (within schema version 1). */
    public DeploymentSnapshot(UUID deploymentId, String ministryCode, String type, String name, String decisionNumber,
                              LocalDate startDate, LocalDate endDate, List<String> provinceCodes, String status,
                              Amendment amendment, Boolean issued, UUID decisionId) {
        this(deploymentId, ministryCode, type, name, decisionNumber, startDate, endDate, provinceCodes, status,
                amendment, issued, decisionId, null);
    }

    /** As published before {@code decisionId} was added (within schema version 1). */
    public DeploymentSnapshot(UUID deploymentId, String ministryCode, String type, String name, String decisionNumber,
                              LocalDate startDate, LocalDate endDate, List<String> provinceCodes, String status,
                              Amendment amendment, Boolean issued) {
        this(deploymentId, ministryCode, type, name, decisionNumber, startDate, endDate, provinceCodes, status,
                amendment, issued, null, null);
    }

    /** The decision that changed the period, and its reason. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Amendment(String decisionNumber, LocalDate decisionDate, String reason,
                            LocalDate previousStartDate, LocalDate previousEndDate) {
    }

    /** One stop of a delegation's itinerary: a province and the days spent there (inclusive). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItineraryStop(String provinceCode, LocalDate startDate, LocalDate endDate) {
    }
}
