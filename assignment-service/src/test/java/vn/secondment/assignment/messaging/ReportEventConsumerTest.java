package vn.secondment.assignment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.support.AssignmentTopic;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.report.FinalReportSnapshot;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TopicRecords;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.secondment.assignment.support.Secondments.ASSIGNMENTS;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.arrive;
import static vn.secondment.assignment.support.Secondments.assign;
import static vn.secondment.assignment.support.Secondments.deployment;
import static vn.secondment.assignment.support.Secondments.etag;
import static vn.secondment.assignment.support.Secondments.issue;
import static vn.secondment.assignment.support.Secondments.official;

/**
 * report-service's final-report.accepted, published to the real broker as its outbox relay would, completes the
 * assignment here and is announced as assignment.ended. To know that the consumer has gone past a record whose
 * effect is "nothing changes", another acceptance is published behind it on the same partition: once that one took
 * effect, the record before it was handled.
 */
@QuarkusTest
@WithRealInfrastructure
class ReportEventConsumerTest {

    private static final String DLQ = "assignment-service.dlq";

    @InjectTestKafka
    TestKafka kafka;

    @BeforeEach
    void consumerHasJoinedItsGroup() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void anAcceptedFinalReportCompletesTheAssignmentOnceAndARedeliveryChangesNothing() {
        // 1/9 to 31/10/2027 in Hồ Chí Minh City, on site since 1/9
        UUID round = deployment(BNV_ADMIN, "BNV", LocalDate.of(2027, 9, 1), LocalDate.of(2027, 10, 31));
        issue(BNV_ADMIN, round);
        UUID onTime = assign(BNV_ADMIN, round, official("BNV", "Nguyễn Thị Hoa"), "79");
        UUID early = assign(BNV_ADMIN, round, official("BNV", "Trần Văn Bình"), "79");
        arrive(BNV_ADMIN, onTime, LocalDate.of(2027, 9, 1));
        arrive(BNV_ADMIN, early, LocalDate.of(2027, 9, 1));

        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            // accepted on 3/11 (10:00 Vietnam), after the end: completed on its end date
            ObjectNode accepted = accepted(onTime, Instant.parse("2027-11-03T03:00:00Z"));
            RecordMetadata first = publish(accepted, null);
            JsonPath completed = awaitStatus(onTime, "COMPLETED");
            assertThat(completed.getString("endDate")).isEqualTo("2027-10-31");
            Map<String, Object> revision = completed.getMap("revisions[-1]");
            assertThat(revision.get("change")).isEqualTo("COMPLETED");
            assertThat(revision.get("recordedBy")).isEqualTo("bnv.coordinator");
            assertThat((String) revision.get("reason")).startsWith("Báo cáo tổng hợp cuối đợt")
                    .endsWith("đã được chấp nhận ngày 03/11/2027");
            String version = completed.getString("version");

            // delivered again, then the other assignment's acceptance on the same partition, before its end (on
            // 20/10 in Vietnam): that one is completed on the day of acceptance
            publish(accepted, first.partition());
            publish(accepted(early, Instant.parse("2027-10-20T02:00:00Z")), first.partition());
            assertThat(awaitStatus(early, "COMPLETED").getString("endDate")).isEqualTo("2027-10-20");

            assertThat(read(onTime).getString("version")).isEqualTo(version);
            List<JsonNode> ended = topic.await(ended(onTime), 1);
            topic.await(ended(early), 1);
            assertThat(topic.matching(ended(onTime))).hasSize(1);
            assertThat(ended.get(0).path("data").path("status").asText()).isEqualTo("COMPLETED");
            assertThat(ended.get(0).path("data").path("endDate").asText()).isEqualTo("2027-10-31");
        }
    }

    @Test
    void aWithdrawnAssignmentIsLeftAsItIs() {
        UUID round = deployment(BNV_ADMIN, "BNV", LocalDate.of(2027, 12, 1), LocalDate.of(2027, 12, 31));
        UUID withdrawn = assign(BNV_ADMIN, round, official("BNV", "Lê Thị Cúc"), "01");
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + withdrawn))
                .body("{\"reason\": \"Điều chỉnh kế hoạch\"}")
                .when().post(ASSIGNMENTS + "/" + withdrawn + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        String version = read(withdrawn).getString("version");

        RecordMetadata record = publish(accepted(withdrawn, Instant.parse("2028-01-02T03:00:00Z")), null);
        // a marker behind it: a planned assignment accepted is completed (its arrival stays unknown)
        UUID marker = assign(BNV_ADMIN, round, official("BNV", "Đỗ Văn Mốc"), "04");
        kafka.awaitCaughtUp(record, accepted(marker, Instant.parse("2028-01-02T03:00:00Z")),
                () -> awaitStatus(marker, "COMPLETED"));
        JsonPath completed = read(marker);
        assertThat(completed.getString("arrivedOn")).isNull();
        assertThat(completed.getString("endDate")).isEqualTo("2027-12-31");

        JsonPath still = read(withdrawn);
        assertThat(still.getString("status")).isEqualTo("WITHDRAWN");
        assertThat(still.getString("version")).isEqualTo(version);
    }

    @Test
    void aRecordThatIsNotAnEnvelopeGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String key = UUID.randomUUID().toString();
        String poison = "{not an envelope " + key;
        try (TopicRecords dead = kafka.read(DLQ)) {
            RecordMetadata bad = kafka.publishRaw(Topics.REPORT, key, poison);
            UUID round = deployment(BNV_ADMIN, "BNV", LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29));
            UUID next = assign(BNV_ADMIN, round, official("BNV", "Sau Lỗi"), "01");
            publish(accepted(next, Instant.parse("2028-03-01T03:00:00Z")), bad.partition());
            awaitStatus(next, "COMPLETED");
            dead.await(r -> poison.equals(r.value()) && key.equals(r.key()), 1);
        }
    }

    // --- helpers

    /** report-service's announcement that the ministry accepted the assignment's final report at {@code at}. */
    private static ObjectNode accepted(UUID assignment, Instant at) {
        JsonPath a = read(assignment);
        UUID report = UUID.randomUUID();
        FinalReportSnapshot snapshot = new FinalReportSnapshot(report, assignment,
                UUID.fromString(a.getString("official.id")), "BNV", a.getString("provinceCode"),
                Instant.parse(a.getString("endDate") + "T10:00:00Z"), "ACCEPTED", at.minusSeconds(86_400), false, at,
                "bnv.coordinator", "Đạt yêu cầu", null);
        var type = ReportEvents.FINAL_REPORT_ACCEPTED;
        return TestEvents.envelope(type.name(), type.schemaVersion(), "/report-service", report.toString(), "BNV", at,
                snapshot);
    }

    private RecordMetadata publish(ObjectNode envelope, Integer partition) {
        return kafka.publish(Topics.REPORT, envelope, partition);
    }

    private static JsonPath awaitStatus(UUID assignment, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(read(assignment).getString("status")));
        return read(assignment);
    }

    private static JsonPath read(UUID assignment) {
        return given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "/" + assignment)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Predicate<JsonNode> ended(UUID assignment) {
        return e -> AssignmentEvents.ASSIGNMENT_ENDED.name().equals(e.path("type").asText())
                && assignment.toString().equals(e.path("subject").asText());
    }
}
