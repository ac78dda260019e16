package vn.secondment.report.past;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventType;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot.Status;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.report.service.IssueDeadlines;
import vn.secondment.report.service.ReportDeadlines;
import vn.secondment.report.support.Fixtures;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A ministry entering a round it already ran (issue 19): Bộ Tư pháp's official in Thành phố Hồ Chí Minh from 3 to
 * 21 September 2025, entered on 6 December 2026. The coordinator records what the official did with its real dates:
 * reports on time and late as they really were, reviews, a visit of 10/9/2025 whose issues count in 2025-W37, an
 * escalation whose deadline is long past. The official cannot date their own actions; dates in the future or before
 * the assignment are refused. The deadline sweep announces none of that past, and announces once what falls due
 * after it was entered (once more after a downtime, overdue only when both passed). Real PostgreSQL and Kafka; the
 * service's clock is set to the day of entry.
 */
@QuarkusTest
@WithRealInfrastructure
class PastRoundTest {

    private static final String REPORTS = "/api/report/weekly-reports";
    /** The day the round is entered: 6/12/2026, 10:00 Vietnam time. */
    private static final Instant ENTERED = Instant.parse("2026-12-06T03:00:00Z");
    private static final String COORDINATOR = TestTokens.user("btp.coordinator").roles(Roles.COORDINATOR)
            .ministry("BTP").token();
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    AdjustableClock clock;

    @Inject
    ReportDeadlines deadlines;

    @Inject
    IssueDeadlines issueDeadlines;

    @Inject
    EntityManager em;

    @BeforeEach
    void enteredOnTheSixthOfDecember() {
        kafka.awaitConsumersJoined();
        clock.set(ENTERED);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aRoundOf2025EnteredIn2026KeepsItsRealDates() {
        Secondment a = new Secondment("BTP", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 21));
        String officer = Fixtures.activeOfficer(kafka, a, "Phạm Thu Trang");
        Fixtures.unit(kafka, "BTP", "CUC-HTTP", "Cục Hỗ trợ tư pháp");
        Map<String, UUID> weeks = awaitReports(a, 3);
        UUID w37 = weeks.get("2025-W37");
        UUID w38 = weeks.get("2025-W38");
        UUID w36 = weeks.get("2025-W36");

        // the official's own actions take the clock: a date of the past from them is refused, naming who may
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", etag(w37))
                .body(content("2025-09-11T09:00:00+07:00"))
                .when().put(REPORTS + "/" + w37)
                .then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("coordinator"));
        submit(officer, w36, "2025-09-05T16:00:00+07:00").then().statusCode(403);

        // the coordinator writes what the official wrote on 11/9 and sent on Friday 12/9 at 16:30: on time
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", etag(w37))
                .body(content("2025-09-11T09:00:00+07:00"))
                .when().put(REPORTS + "/" + w37)
                .then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("draftedAt", equalTo("2025-09-11T02:00:00Z"))
                .body("enteredAfterTheFact.enteredBy", equalTo("btp.coordinator"))
                .body("enteredAfterTheFact.enteredAt", equalTo("2026-12-06T03:00:00Z"));
        JsonPath onTime = submit(COORDINATOR, w37, "2025-09-12T16:30:00+07:00")
                .then().statusCode(200).extract().jsonPath();
        System.out.printf("2025-W37: due %s, submitted %s, late %s%n", onTime.getString("dueAt"),
                onTime.getString("submittedAt"), onTime.getBoolean("late"));
        assertThat(onTime.getString("submittedAt")).isEqualTo("2025-09-12T09:30:00Z");
        assertThat(onTime.getBoolean("late")).isFalse();
        assertThat(onTime.getString("officialId")).isEqualTo(a.officialId.toString());
        // the event says who entered it and when (notification-service notifies nobody of it); so does the audit
        assertThat(sql("select payload->'enteredAfterTheFact'->>'enteredBy' from outbox_event where event_type = '"
                + ReportEvents.WEEKLY_REPORT_SUBMITTED.name() + "' and aggregate_id = '" + w37 + "'"))
                .isEqualTo("btp.coordinator");
        assertThat(sql("select reason from audit_entry where entity_id = '" + w37 + "' and action = 'submitted'"))
                .startsWith("entered after the fact by btp.coordinator at 2026-12-06T03:00:00Z (it happened at "
                        + "2025-09-12T09:30:00Z)");
        // accepted on Monday 15/9
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", etag(w37))
                .body(Map.of("decision", "ACCEPT", "occurredAt", "2025-09-15T09:00:00+07:00"))
                .when().post(REPORTS + "/" + w37 + "/review")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("reviewedAt", equalTo("2025-09-15T02:00:00Z"));

        // week 38 was sent on Saturday 20/9, the day after its deadline: late, as it really was
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", etag(w38))
                .body(content("2025-09-19T10:00:00+07:00"))
                .when().put(REPORTS + "/" + w38)
                .then().statusCode(200);
        JsonPath late = submit(COORDINATOR, w38, "2025-09-20T08:00:00+07:00")
                .then().statusCode(200).extract().jsonPath();
        System.out.printf("2025-W38: due %s, submitted %s, late %s%n", late.getString("dueAt"),
                late.getString("submittedAt"), late.getBoolean("late"));
        assertThat(late.getBoolean("late")).isTrue();

        // not in the future, not before the assignment began (3/9/2025): 400 on the field
        submit(COORDINATOR, w36, "2026-12-07T08:00:00+07:00")
                .then().statusCode(400).body("violations[0].field", equalTo("occurredAt"));
        submit(COORDINATOR, w36, "2025-09-02T08:00:00+07:00")
                .then().statusCode(400).body("violations[0].field", equalTo("occurredAt"));

        // the lists and exports tell the records of the past apart
        given().auth().oauth2(COORDINATOR).queryParam("assignment", a.id).queryParam("enteredAfterTheFact", true)
                .when().get(REPORTS)
                .then().statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(COORDINATOR).queryParam("assignment", a.id).queryParam("enteredAfterTheFact", false)
                .when().get(REPORTS)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].week", equalTo("2025-W36"));
        String csv = given().auth().oauth2(COORDINATOR).queryParam("assignment", a.id)
                .when().get(REPORTS + "/export")
                .then().statusCode(200).extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith("Nhập sau bởi,Nhập sau lúc");
        assertThat(csv.lines().filter(line -> line.contains("btp.coordinator"))).hasSize(2);

        // the visit of 10/9/2025 with the two difficulties found there, recorded on the official's behalf
        Map<String, Object> visit = visit(a, "2025-09-10");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(with(visit, "occurredAt", "2025-09-10T09:00:00+07:00"))
                .when().post("/api/report/field-visits")
                .then().statusCode(403);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(with(visit, "visitDate", "2025-09-02"))
                .when().post("/api/report/field-visits")
                .then().statusCode(400).body("violations[0].field", equalTo("visitDate"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(with(visit, "visitDate", "2026-12-07"))
                .when().post("/api/report/field-visits")
                .then().statusCode(400).body("violations[0].field", equalTo("visitDate"));
        List<String> issueIds = given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(with(visit, "occurredAt", "2025-09-10T09:00:00+07:00"))
                .when().post("/api/report/field-visits")
                .then().statusCode(201).body("enteredAfterTheFact.enteredBy", equalTo("btp.coordinator"))
                .extract().path("issueIds");
        assertThat(issueIds).hasSize(2);
        given().auth().oauth2(COORDINATOR).when().get("/api/report/issues/" + issueIds.get(1))
                .then().statusCode(200).body("raisedAt", equalTo("2025-09-10T02:00:00Z"))
                .body("raisedWeek", equalTo("2025-W37")).body("enteredAfterTheFact", notNullValue());

        // its escalation of 11/9 with the deadline of 17/9: refused as a live action, recorded as one of the past
        String software = issueIds.get(1);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("unitCode", "CUC-HTTP", "deadline", "2025-09-17"))
                .when().post("/api/report/issues/" + software + "/escalate")
                .then().statusCode(400).body("violations[0].field", equalTo("deadline"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("unitCode", "CUC-HTTP", "deadline", "2025-09-17",
                        "occurredAt", "2025-09-11T10:00:00+07:00"))
                .when().post("/api/report/issues/" + software + "/escalate")
                .then().statusCode(200).body("status", equalTo("ESCALATED"))
                .body("escalatedAt", equalTo("2025-09-11T03:00:00Z")).body("deadline", equalTo("2025-09-17"));
        // its deadline had passed long before it was entered: the sweep does not announce it overdue
        issueDeadlines.sweep(ENTERED);
        given().auth().oauth2(COORDINATOR).when().get("/api/report/issues/" + software + "/history")
                .then().statusCode(200).body("action", org.hamcrest.Matchers.not(hasItem("OVERDUE")))
                .body("[1].enteredAfterTheFact.enteredBy", equalTo("btp.coordinator"))
                .body("[0].enteredAfterTheFact", notNullValue());
        assertThat(outbox(ReportEvents.ISSUE_OVERDUE, UUID.fromString(software))).isZero();

        // side by side, the visit's issues in its week, the reports on time and late as they were
        JsonPath figures = given().auth().oauth2(VIEWER).queryParam("ministry", "BTP").queryParam("province", "79")
                .queryParam("from", "2025-W37").queryParam("to", "2025-W38")
                .when().get("/api/report/figures")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> week37 = figures.getMap("rows.find { it.week == '2025-W37' }");
        Map<String, Object> week38 = figures.getMap("rows.find { it.week == '2025-W38' }");
        System.out.println("figures 2025-W37: " + week37.get("reports") + " " + week37.get("issues"));
        System.out.println("figures 2025-W38: " + week38.get("reports") + " " + week38.get("issues"));
        assertThat(week37.get("issues")).isEqualTo(Map.of("raised", 2, "open", 2, "escalated", 1, "overdue", 1,
                "answered", 0));
        assertThat(week37.get("reports")).isEqualTo(Map.of("due", 1, "submitted", 1, "late", 0, "overdue", 0,
                "accepted", 1));
        assertThat(week38.get("reports")).isEqualTo(Map.of("due", 1, "submitted", 1, "late", 1, "overdue", 0,
                "accepted", 0));
    }

    @Test
    void theSweepAnnouncesNoDeadlineOfThePastAndWhatFallsDueAfterEntryOnce() {
        // the past: three weeks of 2025 and the final report, entered today
        Secondment past = new Secondment("BTP", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 21));
        past.publish(kafka, AssignmentEvents.ASSIGNMENT_CREATED, Status.ACTIVE);
        // and a round starting tomorrow: 2026-W50 (due Friday 11/12 17:00) and 2026-W51 (due 18/12)
        Secondment live = new Secondment("BTP", "79", LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 20));
        live.publish(kafka, AssignmentEvents.ASSIGNMENT_CREATED, Status.ACTIVE);
        Map<String, UUID> pastWeeks = awaitReports(past, 3);
        Map<String, UUID> liveWeeks = awaitReports(live, 2);

        // the week of 2025-W38 is returned in the past after being sent: with the official again, long overdue
        UUID w38 = pastWeeks.get("2025-W38");
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", etag(w38))
                .body(content("2025-09-18T10:00:00+07:00")).when().put(REPORTS + "/" + w38)
                .then().statusCode(200);
        submit(COORDINATOR, w38, "2025-09-19T10:00:00+07:00").then().statusCode(200);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", etag(w38))
                .body(Map.of("decision", "RETURN", "comment", "Bổ sung số liệu",
                        "occurredAt", "2025-09-22T09:00:00+07:00"))
                .when().post(REPORTS + "/" + w38 + "/review")
                .then().statusCode(200).body("status", equalTo("RETURNED")).body("overdue", equalTo(true));

        // right after entry, and again the next morning: nothing of the past is announced
        ReportDeadlines.Announced first = deadlines.sweep(ENTERED.plusSeconds(1));
        ReportDeadlines.Announced morning = deadlines.sweep(Instant.parse("2026-12-07T01:00:00Z"));
        System.out.println("sweeps after entry: " + first + ", next morning: " + morning);
        for (UUID report : pastWeeks.values()) {
            assertThat(outbox(ReportEvents.WEEKLY_REPORT_DUE, report)).isZero();
            assertThat(outbox(ReportEvents.WEEKLY_REPORT_OVERDUE, report)).isZero();
        }
        UUID finalReport = finalReportOf(past);
        assertThat(outbox(ReportEvents.FINAL_REPORT_OVERDUE, finalReport)).isZero();
        // what falls due while the platform watches is announced: 2026-W50 began on Monday 7/12
        UUID w50 = liveWeeks.get("2026-W50");
        UUID w51 = liveWeeks.get("2026-W51");
        assertThat(outbox(ReportEvents.WEEKLY_REPORT_DUE, w50)).isEqualTo(1);

        // down from Tuesday 8/12 to Saturday 19/12: the catch-up announces what fell due meanwhile, once; week 51,
        // begun and past its deadline by then, is announced overdue only
        ReportDeadlines.Announced catchUp = deadlines.sweep(Instant.parse("2026-12-19T03:00:00Z"));
        deadlines.sweep(Instant.parse("2026-12-19T03:01:00Z"));
        System.out.println("catch-up after the downtime: " + catchUp);
        Map<String, Long> announced = Map.of(
                "W50 due", outbox(ReportEvents.WEEKLY_REPORT_DUE, w50),
                "W50 overdue", outbox(ReportEvents.WEEKLY_REPORT_OVERDUE, w50),
                "W51 due", outbox(ReportEvents.WEEKLY_REPORT_DUE, w51),
                "W51 overdue", outbox(ReportEvents.WEEKLY_REPORT_OVERDUE, w51),
                "past weeks", pastWeeks.values().stream().mapToLong(r -> outbox(ReportEvents.WEEKLY_REPORT_DUE, r)
                        + outbox(ReportEvents.WEEKLY_REPORT_OVERDUE, r)).sum(),
                "past final report", outbox(ReportEvents.FINAL_REPORT_OVERDUE, finalReport));
        System.out.println("announcements: " + announced);
        assertThat(announced).isEqualTo(Map.of("W50 due", 1L, "W50 overdue", 1L, "W51 due", 0L, "W51 overdue", 1L,
                "past weeks", 0L, "past final report", 0L));
    }

    @Test
    void aReportSubmittedAndReturnedInThePastIsNotAnnouncedOverdue() {
        // a week that began after it was entered, 2026-W50 (due Friday 11/12 17:00), in a round entered on 6/12
        Secondment a = new Secondment("BTP", "01", LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13));
        a.publish(kafka, AssignmentEvents.ASSIGNMENT_CREATED, Status.ACTIVE);
        UUID w50 = awaitReports(a, 1).get("2026-W50");
        // the service was not told until Saturday 12/12: the official had sent it on Thursday, the ministry
        // returned it on Friday morning; both are recorded then, after the deadline
        clock.set(Instant.parse("2026-12-12T03:00:00Z"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", etag(w50))
                .body(content("2026-12-10T09:00:00+07:00")).when().put(REPORTS + "/" + w50)
                .then().statusCode(200);
        submit(COORDINATOR, w50, "2026-12-10T16:00:00+07:00").then().statusCode(200).body("late", equalTo(false));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", etag(w50))
                .body(Map.of("decision", "RETURN", "comment", "Bổ sung kết quả làm việc",
                        "occurredAt", "2026-12-11T09:00:00+07:00"))
                .when().post(REPORTS + "/" + w50 + "/review")
                .then().statusCode(200).body("status", equalTo("RETURNED")).body("overdue", equalTo(true));
        ReportDeadlines.Announced swept = deadlines.sweep(Instant.parse("2026-12-12T03:00:01Z"));
        System.out.println("sweep after the past return: " + swept);
        assertThat(outbox(ReportEvents.WEEKLY_REPORT_DUE, w50) + outbox(ReportEvents.WEEKLY_REPORT_OVERDUE, w50))
                .isZero();
    }

    // --- helpers

    /** Waits until the assignment's reports are scheduled; their ids by ISO week. */
    private static Map<String, UUID> awaitReports(Secondment a, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> reportsOf(a).getInt("totalItems") == count);
        JsonPath page = reportsOf(a);
        Map<String, UUID> byWeek = new HashMap<>();
        for (int n = 0; n < count; n++) {
            byWeek.put(page.getString("items[" + n + "].week"), UUID.fromString(page.getString("items[" + n + "].id")));
        }
        return byWeek;
    }

    private static JsonPath reportsOf(Secondment a) {
        return given().auth().oauth2(COORDINATOR).queryParam("assignment", a.id)
                .when().get(REPORTS)
                .then().statusCode(200).extract().jsonPath();
    }

    private static UUID finalReportOf(Secondment a) {
        return UUID.fromString(given().auth().oauth2(COORDINATOR).queryParam("assignment", a.id)
                .when().get("/api/report/final-reports")
                .then().statusCode(200).body("items[0].id", notNullValue()).extract().path("items[0].id"));
    }

    private static String etag(UUID report) {
        return given().auth().oauth2(COORDINATOR).when().get(REPORTS + "/" + report)
                .then().statusCode(200).extract().header("ETag");
    }

    private static Map<String, Object> content(String occurredAt) {
        return Map.of("summary", "Các phường vận hành ổn định", "activities", "Làm việc với Sở Tư pháp",
                "occurredAt", occurredAt);
    }

    private static Response submit(String token, UUID report, String occurredAt) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(report))
                .body(Map.of("occurredAt", occurredAt))
                .when().post(REPORTS + "/" + report + "/submission");
    }

    private static Map<String, Object> visit(Secondment a, String day) {
        return Map.of("assignmentId", a.id.toString(), "visitDate", day, "communeCode", "25942",
                "communeGroup", "CENTRAL_WARD", "activities", "Làm việc với UBND phường Dĩ An",
                "issues", List.of(
                        Map.of("field", "THU_TUC_HANH_CHINH", "kind", "DIFFICULTY",
                                "title", "Khối lượng hồ sơ lớn, biên chế mỏng",
                                "description", "Hơn 300 hồ sơ mỗi ngày với 6 công chức",
                                "affectsCitizensOrBusinesses", false),
                        Map.of("field", "PHAN_MEM_HA_TANG_SO", "kind", "DIFFICULTY",
                                "title", "Lỗi phần mềm dịch vụ công",
                                "description", "Hồ sơ từ cấp huyện cũ không hiển thị",
                                "affectsCitizensOrBusinesses", true)));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** The one value {@code query} selects. */
    private String sql(String query) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(query).getSingleResult());
    }

    /** How many events of {@code type} about {@code aggregate} the service wrote to its outbox. */
    private long outbox(EventType type, UUID aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where event_type = :type and aggregate_id = :id")
                .setParameter("type", type.name())
                .setParameter("id", aggregate.toString())
                .getSingleResult()).longValue());
    }
}
