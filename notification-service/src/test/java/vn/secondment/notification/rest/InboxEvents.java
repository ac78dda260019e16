package vn.secondment.notification.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** personnel-service's events as its relay publishes them, for the inbox tests. */
final class InboxEvents {

    private static final Random RANDOM = new Random();

    private InboxEvents() {
    }

    /**
     * Publishes {@code official.registered}, which puts one entry in the inbox of the ministry's admins; on
     * partition 0, so the entries of one test are made in the order it published them. Returns the official's id,
     * the entry's {@code subjectId}.
     */
    static String officialRegistered(TestKafka kafka, String fullName, String ministry) {
        UUID officialId = UUID.randomUUID();
        ObjectNode envelope = TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1, "/personnel-service",
                officialId.toString(), ministry, Instant.now(),
                new OfficialSnapshot(officialId, fullName, ministry, null, "Chuyên viên chính", "CIVIL_SERVANT",
                        null, List.of(), true, null));
        kafka.publish(Topics.PERSONNEL, envelope, 0);
        return officialId.toString();
    }

    /** A ministry code no other test uses, so that counts of its admins' inboxes are this test's alone. */
    static String freshMinistry() {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            code.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return code.toString();
    }
}
