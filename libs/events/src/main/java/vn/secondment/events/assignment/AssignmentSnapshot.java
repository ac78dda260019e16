package vn.secondment.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.secondment.events.readmodel.Snapshot;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of every {@link AssignmentEvents} type, schema version 1: the assignment after the change.
 *
 * @param assignmentId           the assignment
 * @param deploymentId           the deployment (đợt tăng cường) it belongs to
 * @param officialId             the seconded official (personnel-service's id)
 * @param ministryCode           the official's ministry
 * @param provinceCode           2-digit code of the province, e.g. {@code 79}; null for a member of a delegation or
 *                               working group, who goes where the deployment's itinerary goes (or sits at the
 *                               ministry)
 * @param startDate              first day of the current period
 * @param endDate                last day of the current period
 * @param status                 state after the change
 * @param replacementAssignmentId for {@code REPLACED}: the assignment that took over; otherwise null
 * @param arrivedOn              the day the official's arrival was confirmed; null while planned, and for an
 *                               assignment withdrawn or replaced before the official went (added in version 1
 *                               without a new schema version: consumers ignore what they do not know)
 * @param role                   {@code LEAD} or {@code MEMBER}; null in events published before the field existed
 * @param leadTitle              for the leader of a delegation or working group, the title they lead with, e.g.
 *                               "Thứ trưởng"; otherwise null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssignmentSnapshot(UUID assignmentId, UUID deploymentId, UUID officialId, String ministryCode,
                                 String provinceCode, LocalDate startDate, LocalDate endDate, Status status,
                                 UUID replacementAssignmentId, LocalDate arrivedOn, String role,
                                 String leadTitle) implements Snapshot {

    @Override
    public UUID recordId() {
        return assignmentId;
    }

    @Override
    public List<String> missingFields() {
        return Snapshot.nullsAmong("assignmentId", assignmentId, "deploymentId", deploymentId, "officialId",
                officialId, "ministryCode", ministryCode, "startDate", startDate,
                "endDate", endDate, "status", status);
    }

    /** A snapshot without role and lead title, as producers wrote it before those were added. */
    public AssignmentSnapshot(UUID assignmentId, UUID deploymentId, UUID officialId, String ministryCode,
                              String provinceCode, LocalDate startDate, LocalDate endDate, Status status,
                              UUID replacementAssignmentId, LocalDate arrivedOn) {
        this(assignmentId, deploymentId, officialId, ministryCode, provinceCode, startDate, endDate, status,
                replacementAssignmentId, arrivedOn, null, null);
    }

    /** Whether the official belongs to a delegation or working group rather than to one province. */
    public boolean withoutProvince() {
        return provinceCode == null;
    }

    /** A snapshot without an arrival date, as the first producers wrote it. */
    public AssignmentSnapshot(UUID assignmentId, UUID deploymentId, UUID officialId, String ministryCode,
                              String provinceCode, LocalDate startDate, LocalDate endDate, Status status,
                              UUID replacementAssignmentId) {
        this(assignmentId, deploymentId, officialId, ministryCode, provinceCode, startDate, endDate, status,
                replacementAssignmentId, null, null, null);
    }

    /** Whether the official's days in the province count: not withdrawn, not replaced before going. */
    public boolean occupies() {
        return status != Status.WITHDRAWN && !(status == Status.REPLACED && arrivedOn == null);
    }

    /** The life of an assignment. */
    public enum Status {
        PLANNED, ACTIVE, COMPLETED, WITHDRAWN, REPLACED;

        /** Whether the official still holds the assignment (planned or on site). */
        public boolean holds() {
            return this == PLANNED || this == ACTIVE;
        }
    }
}
