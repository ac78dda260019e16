package vn.secondment.report.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The weekly report's life, against the real database and broker: an officer known from personnel-service's event
 * starts a draft (prefilled from last week's accepted report), writes and submits it on time or late; a coordinator
 * returns it with a comment and accepts it; what they do is published on report.events. The deadline sweep
 * announces due and overdue reports once each. Time is the service's adjustable clock, set per step.
 */
@QuarkusTest
@WithRealInfrastructure
class WeeklyReportWorkflowTest {

    private static final String REPORTS = "/api/report/weekly-reports";
    private static final String BNV_COORDINATOR = TestTokens.user("bnv.coordinator").roles(Roles.COORDINATOR)
            .ministry("BNV").token();
    private static final String BCT_ADMIN = TestTokens.user("bct.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BCT").token();
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();

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
    void anOfficerDraftsSubmitsAndTheCoordinatorReturnsThenAccepts() {
        // two weeks in Thành phố Hồ Chí Minh: 2027-W09 (due Friday 5/3 17:00 Vietnam) and 2027-W10 (due 12/3)
        Officer officer = officerOn(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 14), "Nguyễn Thị Hoa");
        List<String> ids = awaitOwnReports(officer, 2);
        UUID first = UUID.fromString(ids.get(1));
        UUID second = UUID.fromString(ids.get(0));
        try (ReportTopic topic = new ReportTopic(kafka)) {
            // the first week: no earlier report, so the draft starts empty
            clock.set(Instant.parse("2027-03-04T02:00:00Z"));
            JsonPath draft = post(officer.token, first, "draft", etag(officer.token, first))
                    .then().statusCode(200).body("status", equalTo("DRAFT")).body("summary", nullValue())
                    .extract().jsonPath();
            assertThat(draft.getString("draftedAt")).isEqualTo("2027-03-04T02:00:00Z");
            // decomposed Vietnamese (as macOS sends it) is stored composed (NFC)
            String decomposed = Normalizer.normalize("Tình hình chung ổn định", Normalizer.Form.NFD);
            put(officer.token, first, etag(officer.token, first), Map.of(
                    "summary", decomposed,
                    "activities", "Làm việc với Sở Nội vụ về sắp xếp đội ngũ cán bộ cấp xã",
                    "difficulties", "Phần mềm dịch vụ công còn lỗi",
                    "nextWeekPlan", "Khảo sát Phường Dĩ An và các xã vùng sâu"))
                    .then().statusCode(200).body("summary", equalTo("Tình hình chung ổn định"));

            // If-Match: required (428), and must be the current version (412)
            post(officer.token, first, "submission", null).then().statusCode(428);
            post(officer.token, first, "submission", "\"0\"").then().statusCode(412);

            // submitted the day before the deadline: on time
            clock.set(Instant.parse("2027-03-05T09:00:00Z"));
            post(officer.token, first, "submission", etag(officer.token, first))
                    .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("late", equalTo(false))
                    .body("submittedAt", equalTo("2027-03-05T09:00:00Z"));
            // once submitted it is with the ministry: the officer cannot write it
            put(officer.token, first, etag(officer.token, first), Map.of("summary", "Sửa lại"))
                    .then().statusCode(409);

            // a return needs a comment saying what to revise
            review(BNV_COORDINATOR, first, Map.of("decision", "RETURN"))
                    .then().statusCode(422).body("violations.field", contains("comment"));
            review(BNV_COORDINATOR, first, Map.of("decision", "RETURN",
                    "comment", "Đề nghị bổ sung số liệu hồ sơ tồn đọng"))
                    .then().statusCode(200).body("status", equalTo("RETURNED"))
                    .body("reviewComment", equalTo("Đề nghị bổ sung số liệu hồ sơ tồn đọng"))
                    .body("reviewedBy", equalTo("bnv.coordinator"));
            // a returned report after its deadline is overdue until submitted again
            clock.set(Instant.parse("2027-03-05T11:00:00Z"));
            given().auth().oauth2(officer.token).queryParam("assignment", officer.assignment.id)
                    .queryParam("overdue", true)
                    .when().get(REPORTS)
                    .then().statusCode(200).body("items.id", contains(first.toString()));
            put(officer.token, first, etag(officer.token, first), Map.of(
                    "summary", "Tình hình chung ổn định",
                    "activities", "Làm việc với Sở Nội vụ; 1.250 hồ sơ tồn đọng tại Phường Dĩ An",
                    "difficulties", "Phần mềm dịch vụ công còn lỗi",
                    "nextWeekPlan", "Khảo sát Phường Dĩ An và các xã vùng sâu"))
                    .then().statusCode(200).body("status", equalTo("DRAFT"));
            post(officer.token, first, "submission", etag(officer.token, first))
                    .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("late", equalTo(true));
            review(BNV_COORDINATOR, first, Map.of("decision", "ACCEPT"))
                    .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("overdue", equalTo(false));

            // the second week starts from the first: its plan becomes the activities to report on
            clock.set(Instant.parse("2027-03-09T01:00:00Z"));
            post(officer.token, second, "draft", etag(officer.token, second))
                    .then().statusCode(200).body("status", equalTo("DRAFT"))
                    .body("summary", equalTo("Tình hình chung ổn định"))
                    .body("activities", equalTo("Khảo sát Phường Dĩ An và các xã vùng sâu"))
                    .body("difficulties", equalTo("Phần mềm dịch vụ công còn lỗi"))
                    .body("recommendations", nullValue()).body("nextWeekPlan", nullValue());
            // started once only
            post(officer.token, second, "draft", etag(officer.token, second)).then().statusCode(409);
            // submitted an hour after its deadline (Friday 12/3 10:00 UTC): late
            clock.set(Instant.parse("2027-03-12T11:00:00Z"));
            post(officer.token, second, "submission", etag(officer.token, second))
                    .then().statusCode(200).body("late", equalTo(true));
            given().auth().oauth2(BNV_COORDINATOR).queryParam("assignment", officer.assignment.id)
                    .queryParam("late", true)
                    .when().get(REPORTS)
                    .then().statusCode(200).body("items.id", containsInAnyOrder(first.toString(), second.toString()));

            // what the broker carries
            List<JsonNode> submitted = topic.await(ReportEvents.WEEKLY_REPORT_SUBMITTED, first, 2);
            assertThat(submitted).extracting(e -> e.path("data").path("late").asBoolean()).containsExactly(false, true);
            assertThat(submitted.get(0).path("ministry").asText()).isEqualTo("BNV");
            JsonNode returned = topic.await(ReportEvents.WEEKLY_REPORT_RETURNED, first, 1).get(0);
            assertThat(returned.path("data").path("reviewComment").asText())
                    .isEqualTo("Đề nghị bổ sung số liệu hồ sơ tồn đọng");
            assertThat(returned.path("data").path("status").asText()).isEqualTo("RETURNED");
            JsonNode accepted = topic.await(ReportEvents.WEEKLY_REPORT_ACCEPTED, first, 1).get(0);
            assertThat(accepted.path("data").path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.path("data").path("week").asText()).isEqualTo("2027-W09");
            assertThat(topic.await(ReportEvents.WEEKLY_REPORT_SUBMITTED, second, 1).get(0)
                    .path("data").path("late").asBoolean()).isTrue();
        }
    }

    @Test
    void othersReadWithinTheirScopeAndOnlyTheOfficialWritesAndTheMinistryReviews() {
        Officer officer = officerOn(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 11), "Trần Văn Bình");
        UUID report = UUID.fromString(awaitOwnReports(officer, 1).get(0));
        Officer colleague = officerOn(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 11), "Lê Thị Cúc");
        awaitOwnReports(colleague, 1);

        // the coordinator sees the name; a viewer sees the report without it; another officer does not see it
        given().auth().oauth2(BNV_COORDINATOR).when().get(REPORTS + "/" + report)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("officialName", equalTo("Trần Văn Bình"));
        given().auth().oauth2(VIEWER).when().get(REPORTS + "/" + report)
                .then().statusCode(200).body("officialName", nullValue()).body("officialId",
                        equalTo(officer.assignment.officialId.toString()));
        given().auth().oauth2(colleague.token).when().get(REPORTS + "/" + report).then().statusCode(404);
        given().auth().oauth2(BCT_ADMIN).when().get(REPORTS + "/" + report).then().statusCode(404);

        // only the official writes: a colleague does not even see it, the coordinator may not write it
        String etag = etag(officer.token, report);
        put(colleague.token, report, etag, Map.of("summary", "Không phải của tôi")).then().statusCode(404);
        put(BNV_COORDINATOR, report, etag, Map.of("summary", "Thay mặt")).then().statusCode(403);
        // an empty report cannot be submitted: each missing field is named
        post(officer.token, report, "draft", etag).then().statusCode(200);
        post(officer.token, report, "submission", etag(officer.token, report))
                .then().statusCode(422).body("violations.field", containsInAnyOrder("summary", "activities"));
        put(officer.token, report, etag(officer.token, report), Map.of("summary", "Tình hình ổn định",
                "activities", "Khảo sát Xã Cần Giờ")).then().statusCode(200);
        clock.set(Instant.parse("2027-04-09T03:00:00Z"));
        post(officer.token, report, "submission", etag(officer.token, report)).then().statusCode(200);

        // only the assignment's ministry reviews: BCT's admin does not see it, the officer may not review it
        review(BCT_ADMIN, report, Map.of("decision", "ACCEPT")).then().statusCode(404);
        review(officer.token, report, Map.of("decision", "ACCEPT")).then().statusCode(403);
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post(REPORTS + "/" + report + "/review")
                .then().statusCode(428);
        review(BNV_COORDINATOR, report, Map.of("decision", "ACCEPT")).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        review(BNV_COORDINATOR, report, Map.of("decision", "ACCEPT")).then().statusCode(409);
    }

    @Test
    void theSweepAnnouncesEachReportDueAndOverdueOnce() {
        // 2027-W23 (7 to 13 June, due Friday 11/6 10:00 UTC) and 2027-W24 (due 18/6)
        Officer officer = officerOn(LocalDate.of(2027, 6, 7), LocalDate.of(2027, 6, 20), "Phạm Văn Dũng");
        List<String> ids = awaitOwnReports(officer, 2);
        UUID first = UUID.fromString(ids.get(1));
        UUID second = UUID.fromString(ids.get(0));
        try (ReportTopic topic = new ReportTopic(kafka)) {
            // the officer starts the second week's draft early: a started report needs no "due" reminder
            clock.set(Instant.parse("2027-06-01T02:00:00Z"));
            post(officer.token, second, "draft", etag(officer.token, second)).then().statusCode(200);

            // Sunday before: nothing has begun
            deadlines.sweep(Instant.parse("2027-06-06T16:59:00Z"));
            // Monday 7/6 00:00 in Vietnam is Sunday 17:00 UTC: the first week has begun
            deadlines.sweep(Instant.parse("2027-06-06T17:00:00Z"));
            deadlines.sweep(Instant.parse("2027-06-06T18:00:00Z"));
            // after both deadlines, twice
            deadlines.sweep(Instant.parse("2027-06-18T10:00:01Z"));
            deadlines.sweep(Instant.parse("2027-06-19T00:00:00Z"));

            assertThat(topic.await(ReportEvents.WEEKLY_REPORT_OVERDUE, first, 1)).hasSize(1);
            JsonNode overdueDraft = topic.await(ReportEvents.WEEKLY_REPORT_OVERDUE, second, 1).get(0);
            assertThat(overdueDraft.path("data").path("status").asText()).isEqualTo("DRAFT");
            List<JsonNode> due = topic.await(ReportEvents.WEEKLY_REPORT_DUE, first, 1);
            assertThat(due).hasSize(1);
            assertThat(due.get(0).path("data").path("week").asText()).isEqualTo("2027-W23");
            // the sweep's bookkeeping does not change the version the officer holds
            given().auth().oauth2(officer.token).when().get(REPORTS + "/" + second)
                    .then().statusCode(200).header("ETag", equalTo("\"1\""));

            // one more sweep, then each report is submitted: its submission is published behind anything the
            // sweeps published about it (same key, same partition), so once it arrived the counts are final
            deadlines.sweep(Instant.parse("2027-06-20T00:00:00Z"));
            post(officer.token, first, "draft", etag(officer.token, first)).then().statusCode(200);
            for (UUID report : List.of(first, second)) {
                put(officer.token, report, etag(officer.token, report), Map.of("summary", "Tình hình ổn định",
                        "activities", "Khảo sát Xã Thạnh An")).then().statusCode(200);
                post(officer.token, report, "submission", etag(officer.token, report)).then().statusCode(200);
                topic.await(ReportEvents.WEEKLY_REPORT_SUBMITTED, report, 1);
            }
            assertThat(topic.events(ReportEvents.WEEKLY_REPORT_DUE, first)).hasSize(1);
            assertThat(topic.events(ReportEvents.WEEKLY_REPORT_OVERDUE, first)).hasSize(1);
            assertThat(topic.events(ReportEvents.WEEKLY_REPORT_DUE, second)).isEmpty();
            assertThat(topic.events(ReportEvents.WEEKLY_REPORT_OVERDUE, second)).hasSize(1);
        }
    }

    @Test
    void aDraftWhoseWeekLeavesThePeriodIsCancelledAndComesBackWithItsText() {
        // 2027-W31 and 2027-W32 (2 to 15 August)
        Officer officer = officerOn(LocalDate.of(2027, 8, 2), LocalDate.of(2027, 8, 15), "Đặng Thị Lan");
        List<String> ids = awaitOwnReports(officer, 2);
        UUID first = UUID.fromString(ids.get(1));
        UUID second = UUID.fromString(ids.get(0));
        clock.set(Instant.parse("2027-08-05T02:00:00Z"));
        post(officer.token, first, "draft", etag(officer.token, first)).then().statusCode(200);
        put(officer.token, first, etag(officer.token, first), Map.of("summary", "Tình hình ổn định",
                "activities", "Làm việc với Sở Nội vụ")).then().statusCode(200);
        post(officer.token, first, "submission", etag(officer.token, first)).then().statusCode(200);
        post(officer.token, second, "draft", etag(officer.token, second)).then().statusCode(200);
        put(officer.token, second, etag(officer.token, second), Map.of("summary", "Bản nháp tuần thứ hai"))
                .then().statusCode(200);

        // the assignment is moved a week earlier: the second week leaves the period, the first stays
        Secondment a = officer.assignment;
        a.start = LocalDate.of(2027, 7, 26);
        a.end = LocalDate.of(2027, 8, 8);
        a.publish(kafka, AssignmentEvents.ASSIGNMENT_RESCHEDULED, Status.ACTIVE, Secondment.now().plusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(officer, second)));
        assertThat(status(officer, first)).isEqualTo("SUBMITTED");
        put(officer.token, second, etag(officer.token, second), Map.of("summary", "Sửa"))
                .then().statusCode(409);

        // moved back: the draft is owed again, with what was written
        a.start = LocalDate.of(2027, 8, 2);
        a.end = LocalDate.of(2027, 8, 15);
        a.publish(kafka, AssignmentEvents.ASSIGNMENT_RESCHEDULED, Status.ACTIVE, Secondment.now().plusSeconds(120));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DRAFT".equals(status(officer, second)));
        given().auth().oauth2(officer.token).when().get(REPORTS + "/" + second)
                .then().statusCode(200).body("summary", equalTo("Bản nháp tuần thứ hai"));
    }

    private static String status(Officer officer, UUID report) {
        return given().auth().oauth2(officer.token).when().get(REPORTS + "/" + report)
                .then().statusCode(200).extract().path("status");
    }

    // --- helpers

    /** An officer of BNV, known from personnel-service's event, on an active assignment in Hồ Chí Minh City. */
    private record Officer(Secondment assignment, String token) {
    }

    private Officer officerOn(LocalDate start, LocalDate end, String name) {
        Secondment a = new Secondment("BNV", "79", start, end);
        String email = "cb." + a.officialId.toString().substring(0, 8) + "@moha.gov.vn";
        a.register(kafka, name, email);
        a.arrivedOn = start;
        a.publish(kafka, AssignmentEvents.ASSIGNMENT_CREATED, Status.ACTIVE);
        String token = TestTokens.user("officer." + a.officialId).roles(Roles.OFFICER).ministry("BNV").email(email)
                .token();
        return new Officer(a, token);
    }

    /** Waits until the officer sees their assignment's reports, and returns their ids, newest week first. */
    private static List<String> awaitOwnReports(Officer officer, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> own(officer).getInt("totalItems") == count);
        return own(officer).getList("items.id");
    }

    private static JsonPath own(Officer officer) {
        return given().auth().oauth2(officer.token).queryParam("assignment", officer.assignment.id)
                .when().get(REPORTS)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String etag(String token, UUID report) {
        return given().auth().oauth2(token).when().get(REPORTS + "/" + report)
                .then().statusCode(200).extract().header("ETag");
    }

    private static Response put(String token, UUID report, String etag, Map<String, String> content) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(content)
                .when().put(REPORTS + "/" + report);
    }

    private static Response post(String token, UUID report, String action, String etag) {
        var request = given().auth().oauth2(token);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().post(REPORTS + "/" + report + "/" + action);
    }

    private static Response review(String token, UUID report, Map<String, String> decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_COORDINATOR, report)).body(decision)
                .when().post(REPORTS + "/" + report + "/review");
    }
}
