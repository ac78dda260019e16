package vn.secondment.assignment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.repository.AssignmentRepository;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.personnel.AnnexAssignmentRequested;
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
import static vn.secondment.assignment.support.Secondments.ASSIGNMENTS;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.DEPLOYMENTS;
import static vn.secondment.assignment.support.Secondments.assign;
import static vn.secondment.assignment.support.Secondments.deployment;
import static vn.secondment.assignment.support.Secondments.official;

/**
 * A decision annex imported into a deployment in personnel-service arrives as one request per row on the real
 * broker (issue 20): each creates the planned assignment with the id personnel-service chose, once; a row that
 * breaks a rule by now is recorded in the deployment's audit log instead.
 */
@QuarkusTest
@WithRealInfrastructure
class AnnexAssignmentsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final LocalDate END = LocalDate.of(2026, 3, 5);

    @InjectTestKafka
    TestKafka kafka;

    @BeforeEach
    void consumerHasJoinedItsGroup() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void createsTheAnnexsAssignmentsWithTheirIdsOnce() {
        UUID round = deployment(BNV_ADMIN, "BNV", START, END);
        // the draft is announced, so that personnel-service can take an annex into it before it is issued
        JsonNode drafted = TopicRecords.envelope(kafka.awaitPublished(Topics.ASSIGNMENT, r -> round.toString()
                .equals(r.key()) && AssignmentEvents.DEPLOYMENT_DRAFTED.name().equals(TopicRecords.type(r)), 1).get(0));
        assertThat(drafted.path("data").path("status").asText()).isEqualTo("DRAFT");
        assertThat(drafted.path("data").path("issued").asBoolean()).isFalse();
        UUID importId = UUID.randomUUID();
        // a new official: registered and asked for in one import, the request right behind the registration
        UUID newcomer = UUID.randomUUID();
        publish(TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1, "/personnel-service",
                newcomer.toString(), "BNV", now(), new OfficialSnapshot(newcomer, "Lò Văn Thành", "BNV", null,
                        "Chuyên viên", "CIVIL_SERVANT", "thanh." + newcomer.toString().substring(0, 8)
                        + "@moha.gov.vn", List.of(), true, importId)));
        UUID lead = AnnexAssignmentRequested.assignmentIdOf(round, newcomer);
        ObjectNode leadRow = request(importId, round, lead, newcomer, "79", "LEAD");
        publish(leadRow);
        UUID existing = official("BNV", "Nguyễn Thị Hoa");
        UUID member = AnnexAssignmentRequested.assignmentIdOf(round, existing);
        ObjectNode memberRow = request(importId, round, member, existing, "01", "MEMBER");
        publish(memberRow);

        await().atMost(WAIT).until(() -> given().auth().oauth2(BNV_ADMIN).get(ASSIGNMENTS + "/" + member)
                .statusCode() == 200);
        await().atMost(WAIT).until(() -> given().auth().oauth2(BNV_ADMIN).get(ASSIGNMENTS + "/" + lead)
                .statusCode() == 200);
        JsonPath a = given().auth().oauth2(BNV_ADMIN).get(ASSIGNMENTS + "/" + lead).then().statusCode(200)
                .extract().jsonPath();
        assertThat(a.getString("deploymentId")).isEqualTo(round.toString());
        assertThat(a.getString("official.fullName")).isEqualTo("Lò Văn Thành");
        assertThat(a.getString("provinceCode")).isEqualTo("79");
        assertThat(a.getString("role")).isEqualTo("LEAD");
        assertThat(a.getString("status")).isEqualTo("PLANNED");
        assertThat(a.getString("startDate")).isEqualTo(START.toString());
        assertThat(a.getString("endDate")).isEqualTo(END.toString());
        assertThat(given().auth().oauth2(BNV_ADMIN).get(ASSIGNMENTS + "/" + lead + "/audit").then().statusCode(200)
                .extract().jsonPath().getString("items[0].reason")).contains("imported from annex " + importId);

        // the same record delivered again, and the annex imported again (new event, new import, same ids)
        RecordMetadata redelivered = publish(memberRow);
        RecordMetadata again = publish(request(UUID.randomUUID(), round, member, existing, "01", "MEMBER"));
        awaitConsumedPast(redelivered);
        awaitConsumedPast(again);
        assertThat(assignmentsOf(round, existing)).isEqualTo(1);
        assertThat(assignmentsOf(round, newcomer)).isEqualTo(1);
        // skipped as already there, not refused as an overlap with itself
        assertThat(given().auth().oauth2(BNV_ADMIN).get(DEPLOYMENTS + "/" + round + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("items.action", String.class)).doesNotContain("annex-row-refused");
    }

    @Test
    void aRowThatBreaksARuleByNowIsRecordedOnTheDeployment() {
        UUID busy = official("BNV", "Đặng Văn Bận");
        UUID other = deployment(BNV_ADMIN, "BNV", START, END);
        assign(BNV_ADMIN, other, busy, "04");
        UUID round = deployment(BNV_ADMIN, "BNV", START, END);
        UUID refused = AnnexAssignmentRequested.assignmentIdOf(round, busy);

        awaitConsumedPast(publish(request(UUID.randomUUID(), round, refused, busy, "79", "MEMBER")));

        given().auth().oauth2(BNV_ADMIN).get(ASSIGNMENTS + "/" + refused).then().statusCode(404);
        List<Map<String, Object>> log = given().auth().oauth2(BNV_ADMIN).get(DEPLOYMENTS + "/" + round + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.get("action")).isEqualTo("annex-row-refused");
            assertThat(entry.get("reason").toString()).startsWith("imported from annex ");
            assertThat(entry.get("changes").toString()).contains(refused.toString()).contains("already holds");
        });
    }

    // --- helpers

    private static ObjectNode request(UUID importId, UUID round, UUID assignment, UUID official, String province,
                                      String role) {
        return TestEvents.envelope(PersonnelEvents.ANNEX_ASSIGNMENT_REQUESTED.name(), 1, "/personnel-service",
                official.toString(), "BNV", now(), new AnnexAssignmentRequested(importId, round, "BNV", assignment,
                        official, province, role, "878/QĐ-BNV", "bnv.admin"));
    }

    private RecordMetadata publish(ObjectNode envelope) {
        return kafka.publish(Topics.PERSONNEL, envelope);
    }

    /** Waits until everything up to {@code record} was handled: an official published behind it is known. */
    private void awaitConsumedPast(RecordMetadata record) {
        UUID marker = UUID.randomUUID();
        kafka.awaitCaughtUp(record, TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1,
                "/personnel-service", marker.toString(), "BNV", now(), new OfficialSnapshot(marker, "Mốc Kiểm Tra",
                        "BNV", null, null, null, null, List.of(), true, null)),
                () -> await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                        Arc.container().instance(KnownOfficialRepository.class).get().findById(marker) != null)));
    }

    private static long assignmentsOf(UUID round, UUID official) {
        return QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(AssignmentRepository.class).get()
                .count("deployment.id = ?1 and officialId = ?2", round, official));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
