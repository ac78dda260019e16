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
 * @param provinceCode           2-digit code of the province, e.g. {@code 79}
 * @param startDate              first day of the current period
 * @param endDate                last day of the current period
 * @param status                 state after the change
 * @param replacementAssignmentId for {@code REPLACED}: the assignment that took over; otherwise null
 * @param arrivedOn              the day the official's arrival was confirmed; null while planned, and for an
 *                               assignment withdrawn or replaced before the official went (added in version 1
 *                               without a new schema version: consumers ignore what they do not know)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssignmentSnapshot(UUID assignmentId, UUID deploymentId, UUID officialId, String ministryCode,
                                 String provinceCode, LocalDate startDate, LocalDate endDate, Status status,
                                 UUID replacementAssignmentId, LocalDate arrivedOn) implements Snapshot {

    @Override
    public UUID recordId() {
        return assignmentId;
    }

    @Override
    public List<String> missingFields() {
        return Snapshot.nullsAmong("assignmentId", assignmentId, "deploymentId", deploymentId, "officialId",
                officialId, "ministryCode", ministryCode, "provinceCode", provinceCode, "startDate", startDate,
                "endDate", endDate, "status", status);
    }

    /** A snapshot without an arrival date, as the first producers wrote it. */
    public AssignmentSnapshot(UUID assignmentId, UUID deploymentId, UUID officialId, String ministryCode,
                              String provinceCode, LocalDate startDate, LocalDate endDate, Status status,
                              UUID replacementAssignmentId) {
        this(assignmentId, deploymentId, officialId, ministryCode, provinceCode, startDate, endDate, status,
                replacementAssignmentId, null);
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
