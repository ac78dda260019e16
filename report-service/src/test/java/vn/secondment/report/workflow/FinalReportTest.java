package vn.secondment.report.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot.Status;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.report.service.ReportDeadlines;
import vn.secondment.report.support.ReportTopic;
import vn.secondment.report.support.Secondment;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.AdjustableClock;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * The final report (báo cáo tổng hợp cuối đợt): owed once per assignment, due at its end and following it; written
 * and submitted by the official, accepted by the ministry, which is announced on report.events for
 * assignment-service to complete the assignment.
 */
@QuarkusTest
@WithRealInfrastructure
class FinalReportTest {

    private static final String REPORTS = "/api/report/final-reports";
    private static final String BNV_COORDINATOR = TestTokens.user("bnv.coordinator").roles(Roles.COORDINATOR)
            .ministry("BNV").token();
    private static final String BCT_ADMIN = TestTokens.user("bct.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BCT").token();

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    AdjustableClock clock;

    @Inject
    ReportDeadlines deadlines;

    @BeforeEach
    void consumersHaveJoined() {
        kafka.awaitConsumersJoined();
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theFinalReportIsDueAtTheEndAndItsAcceptanceIsAnnounced() {
        // Hà Nội, 3/5 to 14/5/2027 (a Friday)
        Secondment a = new Secondment("BNV", "01", LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 14));
        String email = "cb." + a.officialId.toString().substring(0, 8) + "@moha.gov.vn";
        a.register(kafka, "Hoàng Thị Thu", email);
        a.arrivedOn = a.start;
        a.publish(kafka, AssignmentEvents.ASSIGNMENT_CREATED, Status.ACTIVE);
        String officer = TestTokens.user("officer." + a.officialId).roles(Roles.OFFICER).ministry("BNV").email(email)
                .token();
        // due on the end date at 17:00 in Vietnam (10:00 UTC)
        JsonPath report = awaitReport(officer, a, "dueAt", "2027-05-14T10:00:00Z");
        UUID id = UUID.fromString(report.getString("id"));
        assertThat(report.getString("status")).isEqualTo("DUE");
        assertThat(report.getString("officialName")).isEqualTo("Hoàng Thị Thu");

        // extended by a week: the deadline follows the end date
        a.end = LocalDate.of(2027, 5, 21);
        a.publish(kafka, AssignmentEvents.ASSIGNMENT_RESCHEDULED, Status.ACTIVE, Secondment.now().plusSeconds(60));
        awaitReport(officer, a, "dueAt", "2027-05-21T10:00:00Z");
        given().auth().oauth2(BCT_ADMIN).queryParam("assignment", a.id).when().get(REPORTS)
                .then().statusCode(200).body("totalItems", equalTo(0));

        try (ReportTopic topic = new ReportTopic(kafka)) {
            clock.set(Instant.parse("2027-05-20T03:00:00Z"));
            write(officer, id, Map.of("summary", "Hai tuần hỗ trợ các xã, phường của Hà Nội",
                    "lessons", "Cần làm việc với Sở Nội vụ ngay tuần đầu"))
                    .then().statusCode(200).body("status", equalTo("DRAFT"));
            // results are needed to submit
            submit(officer, id).then().statusCode(422).body("violations.field", containsInAnyOrder("results"));
            write(officer, id, Map.of("summary", "Hai tuần hỗ trợ các xã, phường của Hà Nội",
                    "results", "Hướng dẫn tại chỗ 12 vướng mắc về thủ tục hành chính",
                    "lessons", "Cần làm việc với Sở Nội vụ ngay tuần đầu"))
                    .then().statusCode(200);
            submit(officer, id).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                    .body("late", equalTo(false));

            // only the ministry accepts: BCT does not see it, the officer may not review
            review(BCT_ADMIN, id, Map.of("decision", "ACCEPT")).then().statusCode(404);
            review(officer, id, Map.of("decision", "ACCEPT")).then().statusCode(403);
            clock.set(Instant.parse("2027-05-24T02:00:00Z"));
            review(BNV_COORDINATOR, id, Map.of("decision", "ACCEPT", "comment", "Tiếp thu, tổng hợp báo cáo Bộ trưởng"))
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"))
                    .body("acceptedBy", equalTo("bnv.coordinator"))
                    .body("acceptedAt", equalTo("2027-05-24T02:00:00Z"));
            // accepted: it is with the ministry and is not written again
            write(officer, id, Map.of("summary", "Sửa lại")).then().statusCode(409);

            JsonNode submitted = topic.await(ReportEvents.FINAL_REPORT_SUBMITTED, id, 1).get(0);
            assertThat(submitted.path("data").path("late").asBoolean()).isFalse();
            JsonNode accepted = topic.await(ReportEvents.FINAL_REPORT_ACCEPTED, id, 1).get(0);
            assertThat(accepted.path("subject").asText()).isEqualTo(id.toString());
            assertThat(accepted.path("ministry").asText()).isEqualTo("BNV");
            assertThat(accepted.path("data").path("assignmentId").asText()).isEqualTo(a.id.toString());
            assertThat(accepted.path("data").path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.path("data").path("acceptedBy").asText()).isEqualTo("bnv.coordinator");
            assertThat(accepted.path("data").path("acceptedAt").asText()).isEqualTo("2027-05-24T02:00:00Z");
            assertThat(accepted.path("data").path("dueAt").asText()).isEqualTo("2027-05-21T10:00:00Z");
        }
    }

    @Test
    void aLateSubmissionIsLateAndAWithdrawnAssignmentOwesNoFinalReport() {
        Secondment a = new Secondment("BNV", "79", LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 16));
        String email = "cb." + a.officialId.toString().substring(0, 8) + "@moha.gov.vn";
        a.register(kafka, "Vũ Văn Nam", email);
        a.arrivedOn = a.start;
        a.publish(kafka, AssignmentEvents.ASSIGNMENT_CREATED, Status.ACTIVE);
        String officer = TestTokens.user("officer." + a.officialId).roles(Roles.OFFICER).ministry("BNV").email(email)
                .token();
        UUID id = UUID.fromString(awaitReport(officer, a, "status", "DUE").getString("id"));
        clock.set(Instant.parse("2027-07-16T10:30:00Z"));
        given().auth().oauth2(BNV_COORDINATOR).queryParam("assignment", a.id).queryParam("overdue", true)
                .when().get(REPORTS).then().statusCode(200).body("totalItems", equalTo(1));
        try (ReportTopic topic = new ReportTopic(kafka)) {
            // past the deadline (16/7 10:00 UTC): announced overdue once, however often the sweep runs
            deadlines.sweep(Instant.parse("2027-07-16T09:59:00Z"));
            deadlines.sweep(Instant.parse("2027-07-16T10:30:00Z"));
            deadlines.sweep(Instant.parse("2027-07-17T00:00:00Z"));
            write(officer, id, Map.of("summary", "Tổng quan", "results", "Kết quả")).then().statusCode(200);
            submit(officer, id).then().statusCode(200).body("late", equalTo(true));
            review(BNV_COORDINATOR, id, Map.of("decision", "RETURN", "comment", "Bổ sung số liệu từng xã"))
                    .then().statusCode(200).body("status", equalTo("RETURNED"));
            JsonNode returned = topic.await(ReportEvents.FINAL_REPORT_RETURNED, id, 1).get(0);
            assertThat(returned.path("data").path("reviewComment").asText()).isEqualTo("Bổ sung số liệu từng xã");
            // the return is published behind the overdue announcement (same key): the count is final
            assertThat(topic.events(ReportEvents.FINAL_REPORT_OVERDUE, id)).hasSize(1);
        }

        Secondment withdrawn = new Secondment("BNV", "79", LocalDate.of(2027, 9, 6), LocalDate.of(2027, 9, 17));
        withdrawn.publish(kafka, AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED);
        awaitReport(BNV_COORDINATOR, withdrawn, "status", "DUE");
        withdrawn.publish(kafka, AssignmentEvents.ASSIGNMENT_WITHDRAWN, Status.WITHDRAWN,
                Secondment.now().plusSeconds(60));
        awaitReport(BNV_COORDINATOR, withdrawn, "status", "CANCELLED");
    }

    // --- helpers

    /** Waits until the assignment's final report shows {@code value} in {@code field}, and returns it. */
    private static JsonPath awaitReport(String token, Secondment a, String field, String value) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonPath page = list(token, a);
            return page.getInt("totalItems") == 1 && value.equals(page.getString("items[0]." + field));
        });
        return new JsonPath(list(token, a).prettify()).setRootPath("items[0]");
    }

    private static JsonPath list(String token, Secondment a) {
        return given().auth().oauth2(token).queryParam("assignment", a.id)
                .when().get(REPORTS)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String etag(String token, UUID id) {
        return given().auth().oauth2(token).when().get(REPORTS + "/" + id)
                .then().statusCode(200).extract().header("ETag");
    }

    private static io.restassured.response.Response write(String token, UUID id, Map<String, String> content) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(token, id))
                .body(content)
                .when().put(REPORTS + "/" + id);
    }

    private static io.restassured.response.Response submit(String token, UUID id) {
        return given().auth().oauth2(token).header("If-Match", etag(token, id))
                .when().post(REPORTS + "/" + id + "/submission");
    }

    private static io.restassured.response.Response review(String token, UUID id, Map<String, String> decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_COORDINATOR, id)).body(decision)
                .when().post(REPORTS + "/" + id + "/review");
    }
}
