package vn.secondment.assignment.repository;

import java.util.UUID;

/** The leader of a delegation or working group on a day: the LEAD assignment and the official's name. */
public record GroupLeader(UUID deploymentId, UUID assignmentId, UUID officialId, String fullName, String leadTitle) {
}
