package vn.secondment.assignment.workplan;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.support.AssignmentTopic;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.data.audit.FieldChange;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.rest.Paging;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.AdjustableClock;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.assignment.support.Secondments.ASSIGNMENTS;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_COORDINATOR;
import static vn.secondment.assignment.support.Secondments.PLATFORM_ADMIN;
import static vn.secondment.assignment.support.Secondments.PROBLEM_JSON;
import static vn.secondment.assignment.support.Secondments.arrive;
import static vn.secondment.assignment.support.Secondments.assign;
import static vn.secondment.assignment.support.Secondments.deployment;
import static vn.secondment.assignment.support.Secondments.etag;
import static vn.secondment.assignment.support.Secondments.issue;
import static vn.secondment.assignment.support.Secondments.officer;
import static vn.secondment.assignment.support.Secondments.official;
import static vn.secondment.assignment.support.Secondments.uniqueEmail;

/**
 * A ministry recording a round it already ran: Bộ Nội vụ enters, on 6 December 2026, its officials' weekly work
 * plans of September 2025 as they were written and submitted. Late is judged against the real dates, the record says
 * who entered it and when (view, list, audit, event), the official's own actions keep using the clock, and dates that
 * cannot be true are refused. The service's clock is fixed at 6 December 2026, 09:00 in Hà Nội.
 */
@QuarkusTest
@WithRealInfrastructure
class WorkPlanAfterTheFactTest {

    static final String WORK_PLANS = WorkPlanTest.WORK_PLANS;
    /** When the clerk enters the round: 2026-12-06T09:00+07:00. */
    static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    /** 8 to 14 September 2025. */
    static final String W37 = "2025-W37";
    /** 15 to 21 September 2025. */
    static final String W38 = "2025-W38";
    /** 1 to 7 September 2025: the assignment starts on Wednesday 3 September. */
    static final String W36 = "2025-W36";

    @Inject
    AdjustableClock clock;
    @InjectTestKafka
    TestKafka kafka;

    @BeforeEach
    void enteredInDecember2026() {
        clock.set(NOW);
    }

    @AfterEach
    void backToTheRealTime() {
        clock.reset();
    }

    /** A BNV official assigned to Hà Nội (01) from 3 September to 3 November 2025, as in 878/QĐ-BNV. */
    record Posting(UUID assignment, UUID official, String token) {

        String plans() {
            return ASSIGNMENTS + "/" + assignment + "/work-plans";
        }

        String plan(String week) {
            return plans() + "/" + week;
        }
    }

    private static Posting posting(String name) {
        String email = uniqueEmail("bnv");
        UUID official = official("BNV", name, email);
        UUID deployment = deployment(BNV_ADMIN, "BNV", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        return new Posting(assign(BNV_ADMIN, deployment, official, "01"), official, officer("BNV", email));
    }

    /** A plan of two activities; {@code occurredAt} null for the official's own writing. */
    private static String planJson(String day, String secondDay, String occurredAt) {
        return """
                {"note": "Tập trung rà soát bộ máy cấp xã",
                 "activities": [
                  {"day": "%s", "kind": "WORK_WITH_PROVINCE_DEPARTMENT", "location": "Trụ sở Sở Nội vụ",
                   "title": "Làm việc với Sở Nội vụ về đội ngũ cán bộ cấp xã"},
                  {"day": "%s", "kind": "COMMUNE_SURVEY", "communeCode": "00070",
                   "title": "Khảo sát chính quyền địa phương hai cấp"}]%s}"""
                .formatted(day, secondDay, occurredAt == null ? "" : ", \"occurredAt\": \"" + occurredAt + "\"");
    }

    private static Response put(String token, String path, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(path);
    }

    /** Submits: without a body for the official, with {@code occurredAt} to record a past submission. */
    private static Response submit(String token, String path, String ifMatch, String occurredAt) {
        var request = given().auth().oauth2(token).header("If-Match", ifMatch);
        if (occurredAt != null) {
            request.contentType(ContentType.JSON).body("{\"occurredAt\": \"" + occurredAt + "\"}");
        }
        return request.when().post(path + "/submission");
    }

    private static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    void aCoordinatorRecordsA2025PlanOnTimeAndAnotherLateByTheirRealDates() {
        Posting p = posting("Nguyễn Thị Hồ Sơ");

        // W37, written on Friday 5 and submitted on Saturday 6 September 2025: before its Monday, on time
        Response written = put(BNV_COORDINATOR, p.plan(W37), null,
                planJson("2025-09-08", "2025-09-10", "2025-09-05T16:00:00+07:00"));
        written.then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("officialId", equalTo(p.official().toString()))
                .body("enteredAfterTheFact.enteredBy", equalTo("bnv.coordinator"));
        assertThat(Instant.parse(written.path("createdAt"))).isEqualTo(instant("2025-09-05T16:00:00+07:00"));
        assertThat(Instant.parse(written.path("enteredAfterTheFact.enteredAt"))).isEqualTo(NOW);
        String w37 = written.path("id");

        Response onTime = submit(BNV_COORDINATOR, p.plan(W37), "\"0\"", "2025-09-06T10:30:00+07:00");
        onTime.then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("late", equalTo(false))
                .body("enteredAfterTheFact.enteredBy", equalTo("bnv.coordinator"));
        System.out.printf("W37 recorded: submittedAt=%s late=%s enteredAfterTheFact=%s%n", onTime.path("submittedAt"),
                onTime.path("late"), onTime.jsonPath().getMap("enteredAfterTheFact"));
        assertThat(Instant.parse(onTime.path("submittedAt"))).isEqualTo(instant("2025-09-06T10:30:00+07:00"));

        // W38, written on Friday 12 but submitted on Monday 15 September 2025 at 08:30: late, by the ministry admin
        String w38 = put(BNV_ADMIN, p.plan(W38), null, planJson("2025-09-15", "2025-09-17", "2025-09-12T08:00:00+07:00"))
                .then().statusCode(201).extract().path("id");
        Response late = submit(BNV_ADMIN, p.plan(W38), "\"0\"", "2025-09-15T08:30:00+07:00");
        late.then().statusCode(200).body("late", equalTo(true)).body("enteredAfterTheFact.enteredBy",
                equalTo("bnv.admin"));
        System.out.printf("W38 recorded: submittedAt=%s late=%s%n", late.path("submittedAt"), late.path("late"));

        // a platform admin may record too
        put(PLATFORM_ADMIN, p.plan("2025-W39"), null, planJson("2025-09-22", "2025-09-23", "2025-09-19T17:00:00+07:00"))
                .then().statusCode(201).body("enteredAfterTheFact.enteredBy", equalTo("platform.admin"));

        // the weeks of the assignment, as they really were
        Response weeks = given().auth().oauth2(BNV_COORDINATOR).when().get(p.plans());
        weeks.then().statusCode(200);
        Map<String, Object> first = weeks.jsonPath().getMap("find { it.week == '" + W37 + "' }");
        assertThat(first).containsEntry("state", "SUBMITTED").containsEntry("late", false)
                .containsEntry("overdue", false);
        assertThat(weeks.jsonPath().getString("find { it.week == '" + W37 + "' }.enteredAfterTheFact.enteredBy"))
                .isEqualTo("bnv.coordinator");
        assertThat(weeks.jsonPath().getMap("find { it.week == '" + W38 + "' }")).containsEntry("late", true);
        assertThat(weeks.jsonPath().getMap("find { it.week == '" + W36 + "' }"))
                .containsEntry("state", "MISSING").containsEntry("enteredAfterTheFact", null);

        // the audit trail says who entered it after the fact, and when it really happened
        Paging paging = new Paging();
        paging.size = 20;
        List<AuditRecordView> history = Arc.container().instance(AuditTrail.class).get()
                .history("work-plan", UUID.fromString(w37), paging).items();
        // (both entered at the same instant of the fixed clock: their order is not asserted)
        assertThat(history).extracting(AuditRecordView::action).containsExactlyInAnyOrder("submitted", "created");
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("bnv.coordinator");
            assertThat(entry.reason()).contains("entered after the fact");
        });
        assertThat(entry(history, "submitted").reason()).contains("submitted at 2025-09-06T03:30:00Z");
        assertThat(entry(history, "created").reason()).contains("written at 2025-09-05T09:00:00Z");
        assertThat(entry(history, "created").changes()).extracting(FieldChange::field)
                .contains("enteredBy", "enteredAt");

        // the events carry who entered them, so nobody is notified of the past; submittedAt and late are the real ones
        JsonNode recorded = event(w37).path("data");
        System.out.println("W37 event data: " + recorded);
        assertThat(recorded.path("enteredAfterTheFact").path("enteredBy").asText()).isEqualTo("bnv.coordinator");
        assertThat(Instant.parse(recorded.path("enteredAfterTheFact").path("enteredAt").asText())).isEqualTo(NOW);
        assertThat(Instant.parse(recorded.path("submittedAt").asText()))
                .isEqualTo(instant("2025-09-06T10:30:00+07:00"));
        assertThat(recorded.path("late").asBoolean()).isFalse();
        assertThat(recorded.path("officialId").asText()).isEqualTo(p.official().toString());
        JsonNode lateEvent = event(w38).path("data");
        assertThat(lateEvent.path("late").asBoolean()).isTrue();
        assertThat(lateEvent.path("enteredAfterTheFact").path("enteredBy").asText()).isEqualTo("bnv.admin");
    }

    @Test
    void theOfficialsOwnActionsKeepTheClockAndOnlyTheMinistrysCoordinatorsAndAdminsMayRecordThePast() {
        Posting p = posting("Trần Văn Chính Chủ");

        // an officer sending a past date: 403 naming the roles that may
        put(p.token(), p.plan(W37), null, planJson("2025-09-08", "2025-09-10", "2025-09-05T16:00:00+07:00"))
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", allOf(containsString(Roles.COORDINATOR), containsString(Roles.MINISTRY_ADMIN),
                        containsString(Roles.PLATFORM_ADMIN)));
        // their own writing and submission take the clock: late, submitted on 6 December 2026, nothing entered
        put(p.token(), p.plan(W37), null, planJson("2025-09-08", "2025-09-10", null)).then().statusCode(201)
                .body("enteredAfterTheFact", nullValue());
        submit(p.token(), p.plan(W37), "\"0\"", "2025-09-06T10:30:00+07:00").then().statusCode(403)
                .contentType(PROBLEM_JSON).body("detail", containsString(Roles.COORDINATOR));
        Response own = submit(p.token(), p.plan(W37), "\"0\"", null);
        own.then().statusCode(200).body("late", equalTo(true)).body("enteredAfterTheFact", nullValue());
        assertThat(Instant.parse(own.path("submittedAt"))).isEqualTo(NOW);
        String id = own.path("id");
        JsonNode live = event(id).path("data");
        assertThat(live.path("enteredAfterTheFact").isNull() || live.path("enteredAfterTheFact").isMissingNode())
                .as(live.toString()).isTrue();

        // what the official submitted is not replaced by a record of the past, even one dated after it
        put(BNV_COORDINATOR, p.plan(W37), "\"1\"", planJson("2025-09-08", "2025-09-11", "2026-12-06T09:00:00+07:00"))
                .then().statusCode(409).contentType(PROBLEM_JSON);
        // without occurredAt the coordinator still does not write the official's plans
        put(BNV_COORDINATOR, p.plan(W38), null, planJson("2025-09-15", "2025-09-17", null)).then().statusCode(403);
        // another ministry's coordinator does not see the assignment at all
        String bctCoordinator = TestTokens.user("bct.coordinator").roles(Roles.COORDINATOR).ministry("BCT").token();
        put(bctCoordinator, p.plan(W38), null, planJson("2025-09-15", "2025-09-17", "2025-09-12T08:00:00+07:00"))
                .then().statusCode(404);
    }

    @Test
    void refusesAPastThatCannotBeTrue() {
        Posting p = posting("Lê Thị Ngày Thật");

        // in the future of the clock
        put(BNV_COORDINATOR, p.plan(W37), null, planJson("2025-09-08", "2025-09-10", "2026-12-07T00:00:00+07:00"))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("occurredAt"))
                .body("violations[0].message", containsString("future"));
        // before the assignment: its first week's plan may be written from the Monday before (25 August), not earlier
        put(BNV_COORDINATOR, p.plan(W36), null, planJson("2025-09-03", "2025-09-04", "2025-08-20T10:00:00+07:00"))
                .then().statusCode(400)
                .body("violations[0].field", equalTo("occurredAt"))
                .body("violations[0].message", containsString("assignment's start (2025-09-03)"));
        Response w36 = put(BNV_COORDINATOR, p.plan(W36), null,
                planJson("2025-09-03", "2025-09-04", "2025-08-29T15:00:00+07:00"));
        w36.then().statusCode(201);
        // a submission before the plan was written
        submit(BNV_COORDINATOR, p.plan(W36), "\"0\"", "2025-08-28T09:00:00+07:00").then().statusCode(400)
                .body("violations[0].field", equalTo("occurredAt"))
                .body("violations[0].message", containsString("last change"));
        // a body without occurredAt
        given().auth().oauth2(BNV_COORDINATOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{}")
                .when().post(p.plan(W36) + "/submission")
                .then().statusCode(400).body("violations[0].field", equalTo("occurredAt"));
        submit(BNV_COORDINATOR, p.plan(W36), "\"0\"", "2025-08-30T09:00:00+07:00").then().statusCode(200)
                .body("late", equalTo(false));

        // more than two years back (secondment.after-the-fact.max-age) once the clock reaches October 2027
        clock.set(Instant.parse("2027-10-01T02:00:00Z"));
        Response tooOld = put(BNV_COORDINATOR, p.plan(W37), null,
                planJson("2025-09-08", "2025-09-10", "2025-09-05T16:00:00+07:00"));
        tooOld.then().statusCode(400)
                .body("violations[0].field", equalTo("occurredAt"))
                .body("violations[0].message", containsString("P2Y"));
        System.out.println("too old: " + tooOld.path("violations[0].message"));

        // nothing was stored for W37
        given().auth().oauth2(BNV_COORDINATOR).when().get(p.plan(W37)).then().statusCode(404);
    }

    @Test
    void theListTellsTheRecordOfThePastFromWhatOfficialsSubmitted() {
        Posting recorded = posting("Phạm Văn Ghi Lại");
        Posting live = posting("Vũ Thị Tự Gửi");
        String recordedId = put(BNV_COORDINATOR, recorded.plan(W37), null,
                planJson("2025-09-08", "2025-09-10", "2025-09-05T16:00:00+07:00"))
                .then().statusCode(201).extract().path("id");
        submit(BNV_COORDINATOR, recorded.plan(W37), "\"0\"", "2025-09-06T10:30:00+07:00").then().statusCode(200);
        String liveId = put(live.token(), live.plan(W37), null, planJson("2025-09-08", "2025-09-10", null))
                .then().statusCode(201).extract().path("id");
        submit(live.token(), live.plan(W37), "\"0\"", null).then().statusCode(200);

        Response entered = given().auth().oauth2(BNV_COORDINATOR).queryParam("ministry", "BNV")
                .queryParam("week", W37).queryParam("enteredAfterTheFact", true).queryParam("size", 100)
                .when().get(WORK_PLANS);
        entered.then().statusCode(200).body("items.id", hasItem(recordedId)).body("items.id", not(hasItem(liveId)));
        assertThat(entered.jsonPath().getString("items.find { it.id == '" + recordedId + "' }"
                + ".enteredAfterTheFact.enteredBy")).isEqualTo("bnv.coordinator");
        Map<String, Object> item = entered.jsonPath().getMap("items.find { it.id == '" + recordedId + "' }");
        assertThat(item).containsEntry("late", false).containsEntry("status", "SUBMITTED");
        System.out.println("enteredAfterTheFact=true: " + entered.path("totalItems") + " plan(s) of " + W37
                + "; the recorded one: " + item);

        given().auth().oauth2(BNV_COORDINATOR).queryParam("ministry", "BNV").queryParam("week", W37)
                .queryParam("enteredAfterTheFact", false).queryParam("size", 100)
                .when().get(WORK_PLANS)
                .then().statusCode(200).body("items.id", hasItem(liveId)).body("items.id", not(hasItem(recordedId)))
                .body("items.find { it.id == '" + liveId + "' }.enteredAfterTheFact", nullValue());
        // and late=false with enteredAfterTheFact=true: the on-time record of the past
        given().auth().oauth2(BNV_COORDINATOR).queryParam("week", W37).queryParam("late", false)
                .queryParam("enteredAfterTheFact", true).queryParam("size", 100)
                .when().get(WORK_PLANS)
                .then().statusCode(200).body("items.id", hasItem(recordedId));
    }

    @Test
    void theWeeksOfACompletedAssignmentMayBeRecordedButAWithdrawnOneWasNeverWorked() {
        UUID round = deployment(BNV_ADMIN, "BNV", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        UUID worked = assign(BNV_ADMIN, round, official("BNV", "Đặng Văn Đã Về"), "01");
        UUID withdrawn = assign(BNV_ADMIN, round, official("BNV", "Ngô Thị Không Đi"), "79");
        issue(BNV_ADMIN, round);
        arrive(BNV_ADMIN, worked, LocalDate.of(2025, 9, 3));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + worked))
                .body("{\"effectiveOn\": \"2025-11-03\", \"reason\": \"Kết thúc đợt tăng cường\"}")
                .when().post(ASSIGNMENTS + "/" + worked + "/completion")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + withdrawn))
                .body("{\"reason\": \"Cán bộ ốm\"}")
                .when().post(ASSIGNMENTS + "/" + withdrawn + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        // the round's last full week, 27 October to 2 November 2025, entered once the assignment was completed
        String w44 = ASSIGNMENTS + "/" + worked + "/work-plans/2025-W44";
        put(BNV_COORDINATOR, w44, null, planJson("2025-10-27", "2025-10-29", "2025-10-24T16:00:00+07:00"))
                .then().statusCode(201);
        submit(BNV_COORDINATOR, w44, "\"0\"", "2025-10-24T16:30:00+07:00").then().statusCode(200)
                .body("late", equalTo(false)).body("enteredAfterTheFact.enteredBy", equalTo("bnv.coordinator"));
        // a withdrawn assignment has no weeks to record
        put(BNV_COORDINATOR, ASSIGNMENTS + "/" + withdrawn + "/work-plans/2025-W37", null,
                planJson("2025-09-08", "2025-09-10", "2025-09-05T16:00:00+07:00"))
                .then().statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString("WITHDRAWN"));
    }

    private static AuditRecordView entry(List<AuditRecordView> history, String action) {
        return history.stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
    }

    // --- events

    private JsonNode event(String workPlanId) {
        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            return topic.await(e -> workPlanId.equals(e.path("subject").asText())
                    && AssignmentEvents.WORK_PLAN_SUBMITTED.name().equals(e.path("type").asText()), 1).get(0);
        }
    }
}
