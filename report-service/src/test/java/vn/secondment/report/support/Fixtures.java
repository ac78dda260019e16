package vn.secondment.report.support;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot.Status;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.personnel.UnitSnapshot;
import vn.secondment.report.repository.KnownAssignmentRepository;
import vn.secondment.report.repository.KnownOfficialRepository;
import vn.secondment.report.repository.KnownUnitRepository;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What visit and issue tests need from the other services, published to the real broker as their relays would:
 * an active assignment with its official (and that official's token), a unit of a ministry. What this service
 * publishes is read back with {@link ReportTopic}.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Announces {@code a} as ACTIVE and its official with a fresh work email, waits until both are known, and
     * answers the official's token.
     */
    public static String activeOfficer(TestKafka kafka, Secondment a, String fullName) {
        String username = "officer-" + a.officialId.toString().substring(0, 8);
        String email = username + "@" + a.ministry.toLowerCase() + ".gov.vn";
        a.register(kafka, fullName, email);
        a.arrivedOn = a.start;
        a.publish(kafka, AssignmentEvents.ASSIGNMENT_CREATED, Status.ACTIVE);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Arc.container().instance(KnownAssignmentRepository.class).get().findByIdOptional(a.id).isPresent()
                        && Arc.container().instance(KnownOfficialRepository.class).get().idsOfEmail(email)
                        .contains(a.officialId)));
        return TestTokens.user(username).roles(Roles.OFFICER).ministry(a.ministry).email(email).token();
    }

    /** Announces a unit of {@code ministry}, as personnel-service does, and waits until it is known. */
    public static void unit(TestKafka kafka, String ministry, String code, String name) {
        UUID id = UUID.randomUUID();
        EventType type = PersonnelEvents.UNIT_CREATED;
        kafka.publish(Topics.PERSONNEL, TestEvents.envelope(type.name(), type.schemaVersion(),
                "/personnel-service", id.toString(), ministry, Secondment.now(),
                new UnitSnapshot(id, ministry, null, code, name, "DEPARTMENT", true)), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Arc.container().instance(KnownUnitRepository.class).get().active(ministry, code).isPresent()));
    }
}
