package vn.secondment.assignment.rest;

import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.AssignmentStatus;

import java.util.UUID;

/**
 * An official holding a province on the day asked.
 *
 * @param fullName as personnel-service last announced it (null if it never did)
 */
public record CoverageHolder(UUID assignmentId, UUID officialId, String fullName, AssignmentRole role,
                             AssignmentStatus status, UUID deploymentId, String decisionNumber) {
}
