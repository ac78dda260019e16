package vn.secondment.assignment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.secondment.assignment.AssignmentRole;
import vn.secondment.rest.Formats;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An official sent to a province within a deployment.
 *
 * @param officialId     personnel-service's id of the official (active, of the deployment's or a partner ministry)
 * @param provinceCode   one of the deployment's target provinces; required for a resident secondment; left out for
 *                       the leader and members of a delegation or working group (they go where the itinerary goes,
 *                       or sit at the ministry), or given for a delegation's member sent to one of its provinces
 * @param role           LEAD or MEMBER (default); a delegation or working group has one LEAD at a time
 * @param leadTitle      the title the LEAD of a delegation or working group leads with, e.g. "Thứ trưởng" (required
 *                       for that leader, optional for the LEAD of a resident secondment, refused for a MEMBER)
 * @param startDate      defaults to the deployment's start
 * @param endDate        defaults to the deployment's end
 * @param focusCommunes  5-digit codes of communes of that province to concentrate on
 * @param decision       the decision that names the official, when it is not the deployment's own (default)
 * @param allowExcess    true to accept more officials in the province than the coverage rule asks for; without it
 *                       such an assignment is refused, so excess is always a deliberate choice
 */
public record AssignmentRequest(
        @NotNull UUID officialId,
        @Pattern(regexp = Formats.PROVINCE_CODE, message = Formats.PROVINCE_CODE_MESSAGE) String provinceCode,
        AssignmentRole role,
        LocalDate startDate,
        LocalDate endDate,
        @Size(max = 50) List<@NotNull @Pattern(regexp = Formats.COMMUNE_CODE,
                message = Formats.COMMUNE_CODE_MESSAGE) String> focusCommunes,
        @Valid DecisionRef decision,
        boolean allowExcess,
        @Size(max = 100) String leadTitle) {
}
