package vn.secondment.report.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.RecordMetadata;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentSnapshot.Status;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One assignment as assignment-service describes it in each event, and its official as personnel-service does:
 * what the tests publish to the real broker, as those services' outbox relays would.
 */
public final class Secondment {

    public final UUID id = UUID.randomUUID();
    public final UUID deploymentId;
    public final UUID officialId;
    public final String ministry;
    public final String province;
    public LocalDate start;
    public LocalDate end;
    public LocalDate arrivedOn;

    public Secondment(String ministry, String province, LocalDate start, LocalDate end) {
        this(UUID.randomUUID(), ministry, province, start, end);
    }

    /** An assignment of an official already registered (with {@link #register}). */
    public Secondment(UUID officialId, String ministry, String province, LocalDate start, LocalDate end) {
        this(UUID.randomUUID(), officialId, ministry, province, start, end);
    }

    /** Another official's assignment in the same deployment as {@code colleague} (a round, a delegation). */
    public static Secondment alongside(Secondment colleague, String province) {
        return new Secondment(colleague.deploymentId, UUID.randomUUID(), colleague.ministry, province,
                colleague.start, colleague.end);
    }

    private Secondment(UUID deploymentId, UUID officialId, String ministry, String province, LocalDate start,
                       LocalDate end) {
        this.deploymentId = deploymentId;
        this.officialId = officialId;
        this.ministry = ministry;
        this.province = province;
        this.start = start;
        this.end = end;
    }

    public ObjectNode event(EventType type, Status status, Instant time) {
        AssignmentSnapshot snapshot = new AssignmentSnapshot(id, deploymentId, officialId, ministry, province, start,
                end, status, null, arrivedOn);
        return TestEvents.envelope(type.name(), type.schemaVersion(), "/assignment-service", id.toString(),
                ministry, time, snapshot);
    }

    public RecordMetadata publish(TestKafka kafka, EventType type, Status status) {
        return publish(kafka, type, status, now());
    }

    public RecordMetadata publish(TestKafka kafka, EventType type, Status status, Instant time) {
        return kafka.publish(Topics.ASSIGNMENT, event(type, status, time), null);
    }

    /** Announces this assignment's official with a work email, as personnel-service does on registration. */
    public RecordMetadata register(TestKafka kafka, String fullName, String email) {
        return register(kafka, officialId, ministry, fullName, email);
    }

    public static RecordMetadata register(TestKafka kafka, UUID officialId, String ministry, String fullName,
                                          String email) {
        OfficialSnapshot official = new OfficialSnapshot(officialId, fullName, ministry, null, "Chuyên viên",
                "CIVIL_SERVANT", email, List.of(), true, null);
        EventType type = PersonnelEvents.OFFICIAL_REGISTERED;
        return kafka.publish(Topics.PERSONNEL, TestEvents.envelope(type.name(), type.schemaVersion(),
                "/personnel-service", officialId.toString(), ministry, now(), official), null);
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
