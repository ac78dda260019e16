package vn.secondment.assignment.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.secondment.assignment.AssignmentRole;
import vn.secondment.rest.Formats;

import java.util.List;

/**
 * What can be edited on an assignment without a decision: the role, the focus communes and the leader's title.
 *
 * @param leadTitle the title a group's LEAD leads with, e.g. "Thứ trưởng"; cleared when the role becomes MEMBER
 */
public record AssignmentDetailsRequest(
        @NotNull AssignmentRole role,
        @Size(max = 50) List<@NotNull @Pattern(regexp = Formats.COMMUNE_CODE,
                message = Formats.COMMUNE_CODE_MESSAGE) String> focusCommunes,
        @Size(max = 100) String leadTitle) {
}
