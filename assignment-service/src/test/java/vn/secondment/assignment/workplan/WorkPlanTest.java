package vn.secondment.assignment.workplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.support.AssignmentTopic;
import vn.secondment.data.audit.AuditRecordView;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.data.audit.FieldChange;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.rest.Paging;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.assignment.support.Secondments.API;
import static vn.secondment.assignment.support.Secondments.ASSIGNMENTS;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_COORDINATOR;
import static vn.secondment.assignment.support.Secondments.LIAISON_HCM;
import static vn.secondment.assignment.support.Secondments.PROBLEM_JSON;
import static vn.secondment.assignment.support.Secondments.VIEWER;
import static vn.secondment.assignment.support.Secondments.assign;
import static vn.secondment.assignment.support.Secondments.deployment;
import static vn.secondment.assignment.support.Secondments.officer;
import static vn.secondment.assignment.support.Secondments.official;
import static vn.secondment.assignment.support.Secondments.uniqueEmail;

/**
 * Weekly work plans against PostgreSQL and Kafka: writing, validation against the assignment's week, period and
 * province, If-Match, submission (on time or late) and its event, who may read and write, the coordinators' list.
 * The system clock is the real one: past weeks (2025) are late, far-future weeks (2027) on time.
 */
@QuarkusTest
@WithRealInfrastructure
class WorkPlanTest {

    static final String WORK_PLANS = API + "/work-plans";
    /** 8 to 14 September 2025: long started. */
    static final String PAST_WEEK = "2025-W37";
    /** 8 to 14 March 2027: still to come. */
    static final String FUTURE_WEEK = "2027-W10";

    @InjectTestKafka
    TestKafka kafka;
    private final ObjectMapper json = new ObjectMapper();

    /** A BNV official assigned to Hà Nội (01) from 1 September 2025 to 30 June 2027, and their token. */
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
        UUID deployment = deployment(BNV_ADMIN, "BNV", LocalDate.of(2025, 9, 1), LocalDate.of(2027, 6, 30));
        return new Posting(assign(BNV_ADMIN, deployment, official, "01"), official, officer("BNV", email));
    }

    private static String planJson(String day, String secondDay) {
        return """
                {"note": "Tập trung rà soát bộ máy cấp xã",
                 "activities": [
                  {"day": "%s", "kind": "WORK_WITH_PROVINCE_DEPARTMENT", "location": "Trụ sở Sở Nội vụ",
                   "title": "Làm việc với Sở Nội vụ về đội ngũ cán bộ cấp xã"},
                  {"day": "%s", "kind": "COMMUNE_SURVEY", "communeCode": "00070",
                   "title": "Khảo sát chính quyền địa phương hai cấp", "details": "Cùng cán bộ phường"}]}"""
                .formatted(day, secondDay);
    }

    private static Response put(String token, String path, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(path);
    }

    private static Response submit(String token, String path, String ifMatch) {
        var request = given().auth().oauth2(token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post(path + "/submission");
    }

    @Test
    void anOfficerSubmitsAFutureWeekOnTimeAndAPastWeekLateAndEachSubmissionIsAnnounced() throws Exception {
        Posting p = posting("Nguyễn Văn Kế Hoạch");

        Response created = put(p.token(), p.plan(FUTURE_WEEK), null, planJson("2027-03-08", "2027-03-10"));
        created.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString(p.plan(FUTURE_WEEK)))
                .body("week", equalTo(FUTURE_WEEK))
                .body("weekStart", equalTo("2027-03-08"))
                .body("weekEnd", equalTo("2027-03-14"))
                .body("status", equalTo("DRAFT"))
                .body("assignmentId", equalTo(p.assignment().toString()))
                .body("provinceCode", equalTo("01"))
                .body("ministryCode", equalTo("BNV"))
                .body("activities", hasSize(2))
                .body("activities[1].communeCode", equalTo("00070"))
                .body("activities[1].communeName", equalTo("Phường Hoàn Kiếm"))
                .body("submittedAt", nullValue());
        String futureId = created.path("id");

        given().auth().oauth2(p.token()).when().get(p.plan(FUTURE_WEEK))
                .then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("activities[0].kind", equalTo("WORK_WITH_PROVINCE_DEPARTMENT"))
                .body("activities[0].title", equalTo("Làm việc với Sở Nội vụ về đội ngũ cán bộ cấp xã"));

        // a state change needs the ETag too
        submit(p.token(), p.plan(FUTURE_WEEK), null).then().statusCode(428).contentType(PROBLEM_JSON);
        Instant before = Instant.now();
        submit(p.token(), p.plan(FUTURE_WEEK), "\"0\"").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("SUBMITTED"))
                .body("late", equalTo(false))
                .body("submittedAt", notNullValue());
        submit(p.token(), p.plan(FUTURE_WEEK), "\"1\"").then().statusCode(409).contentType(PROBLEM_JSON);

        Response past = put(p.token(), p.plan(PAST_WEEK), null, planJson("2025-09-08", "2025-09-12"));
        past.then().statusCode(201);
        String pastId = past.path("id");
        submit(p.token(), p.plan(PAST_WEEK), "\"0\"").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("late", equalTo(true));

        JsonNode onTime = event(futureId);
        assertThat(onTime.path("type").asText()).isEqualTo(AssignmentEvents.WORK_PLAN_SUBMITTED.name());
        assertThat(onTime.path("source").asText()).isEqualTo("/assignment-service");
        assertThat(onTime.path("ministry").asText()).isEqualTo("BNV");
        assertThat(onTime.path("subject").asText()).isEqualTo(futureId);
        JsonNode data = onTime.path("data");
        assertThat(data.path("workPlanId").asText()).isEqualTo(futureId);
        assertThat(data.path("assignmentId").asText()).isEqualTo(p.assignment().toString());
        assertThat(data.path("officialId").asText()).isEqualTo(p.official().toString());
        assertThat(data.path("ministryCode").asText()).isEqualTo("BNV");
        assertThat(data.path("provinceCode").asText()).isEqualTo("01");
        assertThat(data.path("week").asText()).isEqualTo(FUTURE_WEEK);
        assertThat(data.path("weekStart").asText()).isEqualTo("2027-03-08");
        assertThat(data.path("late").asBoolean()).isFalse();
        assertThat(data.path("activityCount").asInt()).isEqualTo(2);
        assertThat(Instant.parse(data.path("submittedAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));

        JsonNode late = event(pastId);
        assertThat(late.path("data").path("week").asText()).isEqualTo(PAST_WEEK);
        assertThat(late.path("data").path("late").asBoolean()).isTrue();
    }

    @Test
    void refusesEachActivityThatDoesNotFitTheWeekThePeriodOrTheProvinceFieldByField() {
        Posting p = posting("Trần Thị Kiểm Tra");
        String body = """
                {"activities": [
                  {"day": "2027-03-09", "kind": "COMMUNE_SURVEY", "communeCode": "25942", "title": "Khảo sát Dĩ An"},
                  {"day": "2027-03-15", "kind": "MEETING", "title": "Họp giao ban"},
                  {"day": "2027-03-10", "kind": "COMMUNE_SURVEY", "title": "Khảo sát xã"},
                  {"day": "2027-03-11", "kind": "TRAINING", "title": "   "},
                  {"day": "2027-03-12", "kind": "OTHER", "communeCode": "99999", "title": "Khác"},
                  {"day": "2027-03-12", "kind": "MEETING", "communeCode": "00070", "title": "Họp tại phường"}]}""";

        put(p.token(), p.plan(FUTURE_WEEK), null, body).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations", hasSize(5))
                .body("violations.find { it.field == 'activities[0].communeCode' }.message",
                        containsString("Phường Dĩ An (25942) belongs to Thành phố Hồ Chí Minh"))
                .body("violations.find { it.field == 'activities[0].communeCode' }.message",
                        containsString("not to Thành phố Hà Nội"))
                .body("violations.find { it.field == 'activities[1].day' }.message",
                        containsString("2027-03-08 to 2027-03-14"))
                .body("violations.find { it.field == 'activities[2].communeCode' }.message",
                        containsString("required for a commune survey"))
                .body("violations.find { it.field == 'activities[3].title' }.message", equalTo("must not be blank"))
                .body("violations.find { it.field == 'activities[4].communeCode' }.message",
                        containsString("no commune with code '99999'"));

        // weeks that do not meet the assignment's period (1 September 2025, a Monday, to 30 June 2027)
        put(p.token(), p.plan("2025-W35"), null, planJson("2025-08-25", "2025-08-27")).then().statusCode(400)
                .body("violations.field", hasItem("week"));
        put(p.token(), p.plan("2027-W27"), null, planJson("2027-07-05", "2027-07-06")).then().statusCode(400)
                .body("violations.field", hasItem("week"))
                .body("violations.find { it.field == 'week' }.message",
                        containsString("outside the assignment's period 2025-09-01 to 2027-06-30"));
        // the assignment ends on Wednesday 30 June 2027: its last week plans up to that day
        put(p.token(), p.plan("2027-W26"), null, planJson("2027-06-28", "2027-07-01")).then().statusCode(400)
                .body("violations.field", equalTo(List.of("activities[1].day")))
                .body("violations[0].message", containsString("assignment's period"));

        // the week itself: its format and whether it exists
        put(p.token(), p.plan("2027-10"), null, planJson("2027-03-08", "2027-03-10")).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("week"));
        put(p.token(), p.plan("2025-W53"), null, "{}").then().statusCode(400)
                .body("violations[0].field", equalTo("week"))
                .body("violations[0].message", containsString("W01 to W52"));

        // at most 50 activities
        String many = "{\"activities\": [" + String.join(",", java.util.Collections.nCopies(51,
                "{\"day\": \"2027-03-08\", \"kind\": \"OTHER\", \"title\": \"Việc\"}")) + "]}";
        put(p.token(), p.plan(FUTURE_WEEK), null, many).then().statusCode(400)
                .body("violations[0].field", equalTo("activities"));

        // nothing was stored
        given().auth().oauth2(p.token()).when().get(p.plan(FUTURE_WEEK)).then().statusCode(404);
    }

    @Test
    void aReplacementNeedsTheCurrentETagAndAnEditAfterSubmissionMakesTheDraftAgain() {
        Posting p = posting("Lê Văn Sửa Đổi");
        put(p.token(), p.plan(FUTURE_WEEK), null, planJson("2027-03-08", "2027-03-10")).then().statusCode(201);

        String changed = planJson("2027-03-09", "2027-03-11");
        put(p.token(), p.plan(FUTURE_WEEK), null, changed).then().statusCode(428).contentType(PROBLEM_JSON);
        put(p.token(), p.plan(FUTURE_WEEK), "\"7\"", changed).then().statusCode(412).contentType(PROBLEM_JSON);
        put(p.token(), p.plan(FUTURE_WEEK), "\"0\"", changed).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("activities[0].day", equalTo("2027-03-09"));
        // an If-Match for a plan that does not exist yet cannot match
        put(p.token(), p.plan("2027-W11"), "\"0\"", planJson("2027-03-15", "2027-03-16")).then().statusCode(412);

        submit(p.token(), p.plan(FUTURE_WEEK), "\"1\"").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        // the same content again changes nothing: still submitted, same version
        put(p.token(), p.plan(FUTURE_WEEK), "\"2\"", changed).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("status", equalTo("SUBMITTED"));

        // one activity fewer: a draft again, to be submitted again
        String shorter = """
                {"note": "Điều chỉnh lịch",
                 "activities": [{"day": "2027-03-12", "kind": "MEETING", "title": "Họp giao ban với Sở Nội vụ"}]}""";
        put(p.token(), p.plan(FUTURE_WEEK), "\"2\"", shorter).then().statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("status", equalTo("DRAFT"))
                .body("submittedAt", nullValue())
                .body("note", equalTo("Điều chỉnh lịch"))
                .body("activities", hasSize(1))
                .body("activities[0].title", equalTo("Họp giao ban với Sở Nội vụ"));
        given().auth().oauth2(p.token()).when().get(p.plan(FUTURE_WEEK))
                .then().statusCode(200).body("activities", hasSize(1)).body("status", equalTo("DRAFT"));
        submit(p.token(), p.plan(FUTURE_WEEK), "\"3\"").then().statusCode(200).body("status", equalTo("SUBMITTED"));

        // every change is in the audit trail, newest first; the unchanged replacement left no entry
        String id = given().auth().oauth2(p.token()).when().get(p.plan(FUTURE_WEEK)).then().extract().path("id");
        Paging paging = new Paging();
        paging.size = 20;
        List<AuditRecordView> history = Arc.container().instance(AuditTrail.class).get()
                .history("work-plan", UUID.fromString(id), paging).items();
        assertThat(history).extracting(AuditRecordView::action)
                .containsExactly("submitted", "updated", "submitted", "updated", "created");
        assertThat(history).allSatisfy(entry -> assertThat(entry.actor()).isNotBlank());
        assertThat(history.get(1).reason()).contains("submitted again");
        assertThat(history.get(1).changes()).extracting(FieldChange::field)
                .contains("status", "note", "activities", "submittedAt");

        // an empty plan cannot be submitted
        put(p.token(), p.plan("2027-W12"), null, "{\"note\": \"Chưa có lịch\", \"activities\": []}")
                .then().statusCode(201);
        submit(p.token(), p.plan("2027-W12"), "\"0\"").then().statusCode(422).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("activities"));
        // nor a plan that does not exist
        submit(p.token(), p.plan("2027-W13"), "\"0\"").then().statusCode(404);
    }

    @Test
    void onlyTheAssignedOfficialWritesAndThoseWhoSeeTheAssignmentRead() {
        Posting p = posting("Phạm Thị Riêng Tư");
        put(p.token(), p.plan(FUTURE_WEEK), null, planJson("2027-03-08", "2027-03-10")).then().statusCode(201);

        // another officer, with an official of their own: the assignment does not exist for them
        String otherEmail = uniqueEmail("bnv");
        official("BNV", "Hoàng Văn Khác", otherEmail);
        String other = officer("BNV", otherEmail);
        given().auth().oauth2(other).when().get(p.plan(FUTURE_WEEK)).then().statusCode(404);
        given().auth().oauth2(other).when().get(p.plans()).then().statusCode(404);
        put(other, p.plan(FUTURE_WEEK), "\"0\"", planJson("2027-03-08", "2027-03-10")).then().statusCode(404);
        submit(other, p.plan(FUTURE_WEEK), "\"0\"").then().statusCode(404);

        // the ministry's coordinator reads it but does not write it
        given().auth().oauth2(BNV_COORDINATOR).when().get(p.plan(FUTURE_WEEK)).then().statusCode(200);
        put(BNV_COORDINATOR, p.plan(FUTURE_WEEK), "\"0\"", planJson("2027-03-08", "2027-03-10"))
                .then().statusCode(403).contentType(PROBLEM_JSON);
        submit(BNV_COORDINATOR, p.plan(FUTURE_WEEK), "\"0\"").then().statusCode(403);

        // a liaison of another province does not see it; Hà Nội's does
        given().auth().oauth2(LIAISON_HCM).when().get(p.plan(FUTURE_WEEK)).then().statusCode(404);
        String liaisonHanoi = TestTokens.user("liaison.hn").roles(Roles.PROVINCE_LIAISON).province("01").token();
        given().auth().oauth2(liaisonHanoi).when().get(p.plan(FUTURE_WEEK)).then().statusCode(200);
        put(liaisonHanoi, p.plan(FUTURE_WEEK), "\"0\"", "{}").then().statusCode(403);
    }

    @Test
    void theCoordinatorListsWhoSubmittedLateAndOthersSeeOnlyTheirScope() {
        Posting p = posting("Vũ Thị Trễ Hạn");
        String pastId = put(p.token(), p.plan(PAST_WEEK), null, planJson("2025-09-09", "2025-09-10"))
                .then().statusCode(201).extract().path("id");
        submit(p.token(), p.plan(PAST_WEEK), "\"0\"").then().statusCode(200).body("late", equalTo(true));
        String futureId = put(p.token(), p.plan(FUTURE_WEEK), null, planJson("2027-03-08", "2027-03-10"))
                .then().statusCode(201).extract().path("id");
        submit(p.token(), p.plan(FUTURE_WEEK), "\"0\"").then().statusCode(200).body("late", equalTo(false));

        Response late = given().auth().oauth2(BNV_COORDINATOR)
                .queryParam("ministry", "BNV").queryParam("week", PAST_WEEK).queryParam("late", true)
                .queryParam("size", 100)
                .when().get(WORK_PLANS);
        late.then().statusCode(200).body("items.id", hasItem(pastId)).body("items.id", not(hasItem(futureId)));
        Map<String, Object> mine = late.jsonPath().getMap("items.find { it.id == '" + pastId + "' }");
        assertThat(mine).containsEntry("late", true).containsEntry("status", "SUBMITTED")
                .containsEntry("week", PAST_WEEK).containsEntry("provinceCode", "01")
                .containsEntry("activityCount", 2);
        assertThat(late.jsonPath().getString("items.find { it.id == '" + pastId + "' }.official.fullName"))
                .isEqualTo("Vũ Thị Trễ Hạn");
        assertThat(late.jsonPath().getList("items.late", Boolean.class)).containsOnly(true);

        given().auth().oauth2(BNV_COORDINATOR).queryParam("province", "01").queryParam("late", false)
                .queryParam("status", "SUBMITTED").queryParam("week", FUTURE_WEEK).queryParam("size", 100)
                .when().get(WORK_PLANS)
                .then().statusCode(200).body("items.id", hasItem(futureId)).body("items.id", not(hasItem(pastId)));

        // another ministry's coordinator and a liaison of another province see none of it
        String bctCoordinator = TestTokens.user("bct.coordinator").roles(Roles.COORDINATOR).ministry("BCT").token();
        given().auth().oauth2(bctCoordinator).queryParam("week", PAST_WEEK).queryParam("size", 100)
                .when().get(WORK_PLANS).then().statusCode(200).body("items.id", not(hasItem(pastId)));
        Response hcm = given().auth().oauth2(LIAISON_HCM).queryParam("week", PAST_WEEK).queryParam("size", 100)
                .when().get(WORK_PLANS);
        hcm.then().statusCode(200).body("items.id", not(hasItem(pastId)));
        assertThat(hcm.jsonPath().getList("items.provinceCode", String.class)).allMatch("79"::equals);

        // the officer sees their own; a viewer sees everything
        given().auth().oauth2(p.token()).when().get(WORK_PLANS).then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.id", equalTo(List.of(futureId, pastId)));
        given().auth().oauth2(VIEWER).queryParam("week", PAST_WEEK).queryParam("size", 100).when().get(WORK_PLANS)
                .then().statusCode(200).body("items.id", hasItem(pastId));

        // filters are checked
        given().auth().oauth2(BNV_COORDINATOR).queryParam("week", "2025-37").when().get(WORK_PLANS)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("week"));
    }

    @Test
    void everyWeekOfTheAssignmentShowsItsPlanOrWhetherOneIsMissingOrNotDueYet() {
        Posting p = posting("Đỗ Văn Từng Tuần");
        put(p.token(), p.plan(PAST_WEEK), null, planJson("2025-09-08", "2025-09-10")).then().statusCode(201);
        submit(p.token(), p.plan(PAST_WEEK), "\"0\"").then().statusCode(200);
        put(p.token(), p.plan("2025-W38"), null, planJson("2025-09-15", "2025-09-16")).then().statusCode(201);
        put(p.token(), p.plan(FUTURE_WEEK), null, planJson("2027-03-08", "2027-03-10")).then().statusCode(201);
        submit(p.token(), p.plan(FUTURE_WEEK), "\"0\"").then().statusCode(200);

        Response weeks = given().auth().oauth2(BNV_COORDINATOR).when().get(p.plans());
        weeks.then().statusCode(200)
                // 1 September 2025 (W36) to 30 June 2027 (W26)
                .body("[0].week", equalTo("2025-W36"))
                .body("[0].weekStart", equalTo("2025-09-01"))
                .body("[0].state", equalTo("MISSING"))
                .body("[0].overdue", equalTo(true))
                .body("[-1].week", equalTo("2027-W26"))
                .body("[-1].weekEnd", equalTo("2027-07-04"))
                .body("[-1].state", equalTo("NOT_DUE"))
                .body("[-1].overdue", equalTo(false));
        List<Map<String, Object>> all = weeks.jsonPath().getList("$");
        assertThat(all).hasSize(96);
        Map<String, Map<String, Object>> byWeek = new java.util.HashMap<>();
        all.forEach(w -> byWeek.put((String) w.get("week"), w));
        assertThat(byWeek.get(PAST_WEEK)).containsEntry("state", "SUBMITTED").containsEntry("late", true)
                .containsEntry("activityCount", 2);
        assertThat(byWeek.get("2025-W38")).containsEntry("state", "DRAFT").containsEntry("overdue", true)
                .containsEntry("late", false);
        assertThat(byWeek.get(FUTURE_WEEK)).containsEntry("state", "SUBMITTED").containsEntry("late", false)
                .containsEntry("overdue", false);
        assertThat(byWeek.get("2027-W11")).containsEntry("state", "NOT_DUE");
        assertThat(byWeek.get("2025-W40")).containsEntry("state", "MISSING");

        // readable by the officer too, and by no one who cannot see the assignment
        given().auth().oauth2(p.token()).when().get(p.plans()).then().statusCode(200).body("size()", equalTo(96));
        given().auth().oauth2(LIAISON_HCM).when().get(p.plans()).then().statusCode(404);
    }

    @Test
    void theOperationsAreDocumented() throws Exception {
        JsonNode paths = json.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString()).path("paths");
        JsonNode plan = paths.path(API + "/assignments/{id}/work-plans/{week}");
        assertThat(plan.path("put").path("operationId").asText()).isEqualTo("putWorkPlan");
        assertThat(plan.path("get").path("operationId").asText()).isEqualTo("getWorkPlan");
        assertThat(paths.path(API + "/assignments/{id}/work-plans/{week}/submission").path("post")
                .path("operationId").asText()).isEqualTo("submitWorkPlan");
        assertThat(paths.path(API + "/assignments/{id}/work-plans").path("get").path("operationId").asText())
                .isEqualTo("listAssignmentWeeks");
        JsonNode week = null;
        for (JsonNode parameter : plan.path("put").path("parameters")) {
            if (parameter.path("name").asText().equals("week")) {
                week = parameter;
            }
        }
        assertThat(week).isNotNull();
        assertThat(week.path("schema").path("pattern").asText()).isEqualTo("[0-9]{4}-W[0-9]{2}");
        // optional query parameters carry no example (the console would send it)
        for (JsonNode parameter : paths.path(WORK_PLANS).path("get").path("parameters")) {
            if (!parameter.path("required").asBoolean() && !Set.of("page", "size").contains(parameter.path("name").asText())) {
                assertThat(parameter.has("example")).as(parameter.path("name").asText()).isFalse();
            }
        }
    }

    // --- events

    private JsonNode event(String workPlanId) {
        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            return topic.await(e -> workPlanId.equals(e.path("subject").asText())
                    && AssignmentEvents.WORK_PLAN_SUBMITTED.name().equals(e.path("type").asText()), 1).get(0);
        }
    }
}
