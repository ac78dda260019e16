package vn.secondment.events.personnel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * Payload of {@link PersonnelEvents#OFFICIALS_IMPORTED}, schema version 1: one bulk import of a decision annex,
 * published after (and in the same transaction as) the per-official events it caused.
 *
 * @param importId     id shared with the {@link OfficialSnapshot#importId()} of those events
 * @param ministryCode the ministry whose officials were imported
 * @param decision     the decision whose annex it was, e.g. {@code 878/QĐ-BNV}; may be null
 * @param fileName     the uploaded file's name
 * @param created      officials added
 * @param updated      officials changed
 * @param unchanged    rows that matched an official already up to date
 * @param importedBy   username of who imported
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfficialsImported(UUID importId, String ministryCode, String decision, String fileName, int created,
                                int updated, int unchanged, String importedBy) {
}
