package vn.secondment.events.personnel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * Payload of {@link PersonnelEvents#ANNEX_ASSIGNMENT_REQUESTED}, schema version 1: one row of a decision annex
 * imported into a deployment, asking assignment-service for the official's assignment. One event per row, keyed by
 * the official's id, so it reaches consumers after the official's own registration (same partition, commit order).
 *
 * @param importId     the import, shared with {@link OfficialsImported#importId()} and the official events
 * @param deploymentId the deployment (assignment-service's id) the annex was imported into
 * @param ministryCode the deployment's ministry, which is the official's
 * @param assignmentId the id the assignment takes: a name-based UUID of the deployment and the official, so the
 *                     same row imported again asks for the same assignment
 * @param officialId   the official (personnel-service's id), new or already in the directory
 * @param provinceCode 2-digit code of the province, one of the deployment's
 * @param role         {@code LEAD} or {@code MEMBER}
 * @param decision     the decision whose annex it was, e.g. {@code 878/QĐ-BNV}; may be null
 * @param requestedBy  username of who imported; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnnexAssignmentRequested(UUID importId, UUID deploymentId, String ministryCode, UUID assignmentId,
                                       UUID officialId, String provinceCode, String role, String decision,
                                       String requestedBy) {

    /** The assignment id of {@code officialId} in {@code deploymentId}: the same on every import. */
    public static UUID assignmentIdOf(UUID deploymentId, UUID officialId) {
        return UUID.nameUUIDFromBytes(("annex-assignment:" + deploymentId + ":" + officialId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
