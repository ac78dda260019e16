package vn.secondment.assignment.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TopicRecords;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.DEPLOYMENTS;
import static vn.secondment.assignment.support.Secondments.deployment;

/**
 * personnel-service's events, published to the real broker by a real producer as its outbox relay would, decide
 * who can be assigned here. To know that the consumer has gone past a record whose effect is "nothing changes", a
 * marker official is published behind it on the same partition: once the marker is known, the record was handled.
 */
@QuarkusTest
@WithRealInfrastructure
class PersonnelEventConsumerTest {

    private static final String DLQ = "assignment-service.dlq";

    @InjectTestKafka
    TestKafka kafka;

    @BeforeEach
    void consumerHasJoinedItsGroup() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void aRegisteredOfficialCanBeAssignedAndADeactivatedOneCannot() {
        UUID round = deployment(BNV_ADMIN, "BNV", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 5));
        UUID official = UUID.randomUUID();
        Instant t = now();
        publish(event(PersonnelEvents.OFFICIAL_REGISTERED, official, "Nguyễn Thị Hoa", true, t));
        awaitKnown(official);
        assign(round, official, "01").then().statusCode(201).body("official.fullName", equalTo("Nguyễn Thị Hoa"));

        UUID leaving = UUID.randomUUID();
        publish(event(PersonnelEvents.OFFICIAL_REGISTERED, leaving, "Trần Văn Nghỉ", true, t));
        publish(event(PersonnelEvents.OFFICIAL_DEACTIVATED, leaving, "Trần Văn Nghỉ", false, t.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).until(() -> known(leaving) != null && !known(leaving).active);
        assign(round, leaving, "04").then().statusCode(422)
                .body("violations[0].field", equalTo("officialId"))
                .body("violations[0].message", containsString("deactivated"));
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() {
        UUID official = UUID.randomUUID();
        Instant t = now();
        ObjectNode registered = event(PersonnelEvents.OFFICIAL_REGISTERED, official, "Lê Văn Cũ", true, t);
        publish(registered);
        publish(event(PersonnelEvents.OFFICIAL_UPDATED, official, "Lê Văn Mới", true, t.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).until(() -> known(official) != null
                && "Lê Văn Mới".equals(known(official).fullName));
        // the registration is delivered again, late: it is both a redelivery and older than what is known
        RecordMetadata again = publish(registered);
        // and an older update under a new id
        awaitConsumedPast(publish(event(PersonnelEvents.OFFICIAL_UPDATED, official, "Lê Văn Trước", true,
                t.plusSeconds(30))), again);
        assertThat(known(official).fullName).isEqualTo("Lê Văn Mới");
    }

    @Test
    void aRecordThatIsNotAnEnvelopeGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String key = UUID.randomUUID().toString();
        String poison = "{not an envelope " + key;
        try (TopicRecords dead = kafka.read(DLQ)) {
            RecordMetadata bad = kafka.publishRaw(Topics.PERSONNEL, key, poison);
            UUID next = UUID.randomUUID();
            publish(event(PersonnelEvents.OFFICIAL_REGISTERED, next, "Sau Lỗi", true, now()), bad.partition());
            awaitKnown(next);
            ConsumerRecord<String, String> record = dead.await(r -> poison.equals(r.value()), 1).get(0);
            assertThat(record.key()).isEqualTo(key);
        }
    }

    @Test
    void otherEventsOfTheTopicAreSkipped() {
        String unitId = UUID.randomUUID().toString();
        ObjectNode unit = TestEvents.envelope(PersonnelEvents.UNIT_CREATED.name(), 1, "/personnel-service", unitId,
                "BNV", now(), Map.of("unitId", unitId, "name", "Vụ Pháp chế"));
        awaitConsumedPast(publish(unit), null);
        assertThat(known(UUID.fromString(unit.path("subject").asText()))).isNull();
    }

    // --- helpers

    private static io.restassured.response.Response assign(UUID round, UUID official, String province) {
        return given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"%s\"}".formatted(official, province))
                .when().post(DEPLOYMENTS + "/" + round + "/assignments");
    }

    private static ObjectNode event(EventType type, UUID official, String name, boolean active, Instant time) {
        OfficialSnapshot snapshot = new OfficialSnapshot(official, name, "BNV", null, "Chuyên viên chính",
                "CIVIL_SERVANT", "cb." + official.toString().substring(0, 8) + "@moha.gov.vn",
                List.of("tổ chức bộ máy"), active, null);
        return TestEvents.envelope(type.name(), type.schemaVersion(), "/personnel-service", official.toString(), "BNV",
                time, snapshot);
    }

    private RecordMetadata publish(ObjectNode envelope) {
        return publish(envelope, null);
    }

    private RecordMetadata publish(ObjectNode envelope, Integer partition) {
        return kafka.publish(Topics.PERSONNEL, envelope, partition);
    }

    /** Waits until everything up to {@code record} (and {@code also}, when given) was handled. */
    private void awaitConsumedPast(RecordMetadata record, RecordMetadata also) {
        for (RecordMetadata r : also == null ? List.of(record) : List.of(record, also)) {
            UUID marker = UUID.randomUUID();
            kafka.awaitCaughtUp(r, event(PersonnelEvents.OFFICIAL_REGISTERED, marker, "Mốc Kiểm Tra", true, now()),
                    () -> awaitKnown(marker));
        }
    }

    private static void awaitKnown(UUID official) {
        await().atMost(Duration.ofSeconds(20)).until(() -> known(official) != null);
    }

    private static KnownOfficial known(UUID official) {
        return QuarkusTransaction.requiringNew().call(() ->
                Arc.container().instance(KnownOfficialRepository.class).get().findById(official));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
