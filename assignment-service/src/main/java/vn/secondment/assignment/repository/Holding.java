package vn.secondment.assignment.repository;

import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.AssignmentStatus;

import java.util.UUID;

/**
 * One assignment that holds its province on a day, as a single coverage query reads it (assignment, its deployment
 * and the official's name from the read model).
 *
 * @param fullName null when personnel-service never announced the official
 */
public record Holding(UUID assignmentId, String ministryCode, String provinceCode, UUID officialId, String fullName,
                      AssignmentRole role, AssignmentStatus status, UUID deploymentId, String decisionNumber) {
}
