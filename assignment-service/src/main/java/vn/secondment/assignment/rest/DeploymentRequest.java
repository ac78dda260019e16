package vn.secondment.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.assignment.ItineraryStop;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment as its decision orders it.
 *
 * @param ministryCode         the ministry running it; defaults to the caller's
 * @param provinceCodes        target provinces; absent or empty means all 34 (for a delegation with an itinerary:
 *                             absent, or the itinerary's provinces; for a standing working group: absent or empty,
 *                             it sits at the ministry)
 * @param officialsPerProvince the coverage rule: officials each target province should have (default 1)
 * @param provinceQuotas       exceptions to the rule, e.g. {"79": 2} for two officials in Hồ Chí Minh City
 * @param partnerMinistries    other ministries whose officials may join (an inter-ministerial delegation)
 * @param decision             the issuing decision by number and date (found among the ministry's decisions by its
 *                             number, or recorded from what is given here the first time); or give decisionId
 * @param decisionId           the issuing decision, already recorded (GET /decisions), instead of decision
 * @param itinerary            a delegation's stops (WORKING_DELEGATION, INSPECTION_DELEGATION, PROVINCE_REQUEST): one
 *                             province each, in date order, not overlapping, within the period; its provinces become
 *                             the target provinces. Refused for other types
 */
public record DeploymentRequest(
        @Pattern(regexp = Formats.MINISTRY_CODE, message = Formats.MINISTRY_CODE_MESSAGE) String ministryCode,
        @NotNull DeploymentType type,
        @NotBlank @Size(max = 300) String name,
        @Valid DecisionRef decision,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Size(max = 34) List<@NotNull @Pattern(regexp = Formats.PROVINCE_CODE,
                message = Formats.PROVINCE_CODE_MESSAGE) String> provinceCodes,
        @Min(0) @Max(50) Integer officialsPerProvince,
        Map<@Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE) String,
                @NotNull @Min(0) @Max(50) Integer> provinceQuotas,
        @Size(max = 20) List<@NotNull @Pattern(regexp = Formats.MINISTRY_CODE,
                message = Formats.MINISTRY_CODE_MESSAGE) String> partnerMinistries,
        UUID decisionId,
        @Size(max = 100) List<@NotNull @Valid ItineraryStop> itinerary) {
}
