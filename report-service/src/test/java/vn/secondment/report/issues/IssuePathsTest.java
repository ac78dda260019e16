package vn.secondment.report.issues;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.report.service.IssueDeadlines;
import vn.secondment.report.support.Fixtures;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The paths of a locality's issue: answered on the spot and closed; escalated to a unit with its default deadline,
 * answered by that unit, announced overdue once per escalation; referred to another ministry; reopened; and who may
 * take each step.
 */
@QuarkusTest
@WithRealInfrastructure
class IssuePathsTest {

    private static final String ISSUES = "/api/report/issues";
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    private static final String BNV_COORDINATOR = TestTokens.user("bnv.tccb").roles(Roles.COORDINATOR)
            .ministry("BNV").token();
    private static final String BTC_COORDINATOR = TestTokens.user("btc.tccb").roles(Roles.COORDINATOR)
            .ministry("BTC").token();
    private static final String BCT_ADMIN = TestTokens.user("bct.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BCT").token();
    private static final String UNIT_CQDP = TestTokens.user("bnv.cqdp").roles(Roles.MINISTRY_UNIT)
            .ministry("BNV").unit("VU-CQDP").token();
    private static final String UNIT_PC = TestTokens.user("bnv.pc").roles(Roles.MINISTRY_UNIT)
            .ministry("BNV").unit("VU-PC").token();
    private static final String LIAISON_HCM = TestTokens.user("sonv.hcm").roles(Roles.PROVINCE_LIAISON)
            .province("79").token();

    @InjectTestKafka
    TestKafka kafka;
    private ReportTopic reportTopic;

    @Inject
    AdjustableClock clock;

    @Inject
    IssueDeadlines deadlines;

    @BeforeEach
    void consumersHaveJoined() {
        kafka.awaitConsumersJoined();
        reportTopic = new ReportTopic(kafka);
    }

    @AfterEach
    void realTimeAgain() {
        reportTopic.close();
        clock.reset();
    }

    @Test
    void answeredOnTheSpotWithItsGuidanceThenClosedByTheOfficer() {
        String officer = Fixtures.activeOfficer(kafka, hcm(), "Nguyễn Thị Hoa");
        UUID assignment = lastAssignment;
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = officerIssue(assignment, "TO_CHUC_BO_MAY", false);
        ExtractableResponse<Response> raised = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(request)
                .when().post(ISSUES)
                .then().statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("ministryCode", equalTo("BNV"))
                .body("provinceCode", equalTo("79"))
                .body("communeName", equalTo("Phường Dĩ An"))
                .body("fieldLabel", equalTo("tổ chức bộ máy"))
                .extract();
        String id = raised.path("id");
        // a retry with the same key answers the same issue instead of raising a second one
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("Idempotency-Key", key).body(request)
                .when().post(ISSUES)
                .then().statusCode(201).body("id", equalTo(id));
        given().auth().oauth2(VIEWER).queryParam("assignment", assignment).when().get(ISSUES)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].raisedBy", nullValue());

        Map<String, Object> onSite = Map.of("answer", "Bố trí công chức theo hướng dẫn đã ban hành",
                "guidanceDocument", "Công văn 4567/BNV-CQĐP");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(onSite)
                .when().post(ISSUES + "/" + id + "/answer-on-site").then().statusCode(428);
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("answer", "Bố trí công chức theo hướng dẫn đã ban hành"))
                .when().post(ISSUES + "/" + id + "/answer-on-site")
                .then().statusCode(400).body("violations[0].field", equalTo("guidanceDocument"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(onSite)
                .when().post(ISSUES + "/" + id + "/answer-on-site")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("ANSWERED_ON_SITE"))
                .body("guidanceDocument", equalTo("Công văn 4567/BNV-CQĐP"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("reason", "Phường đã thực hiện"))
                .when().post(ISSUES + "/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        UUID issueId = UUID.fromString(id);
        reportTopic.await(ReportEvents.ISSUE_CLOSED, issueId, 1);
        assertThat(reportTopic.events(ReportEvents.ISSUE_RAISED, issueId)).hasSize(1);
        assertThat(reportTopic.events(ReportEvents.ISSUE_ANSWERED_ON_SITE, issueId)).singleElement()
                .satisfies(e -> assertThat(e.path("data").path("status").asText()).isEqualTo("ANSWERED_ON_SITE"));
        var history = given().auth().oauth2(BNV_COORDINATOR).when().get(ISSUES + "/" + id + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("RAISED", "ANSWERED_ON_SITE", "CLOSED");
        assertThat(history.getList("actorRole")).containsExactly("officer", "officer", "officer");
        assertThat(history.getList("toStatus")).containsExactly("OPEN", "ANSWERED_ON_SITE", "CLOSED");
        assertThat(history.getString("[1].guidanceDocument")).isEqualTo("Công văn 4567/BNV-CQĐP");
    }

    @Test
    void escalatedToAUnitWithDefaultDeadlinesAnsweredByItAndAnnouncedOverdueOncePerEscalation() {
        Fixtures.unit(kafka, "BNV", "VU-CQDP", "Vụ Chính quyền địa phương");
        Fixtures.unit(kafka, "BNV", "VU-PC", "Vụ Pháp chế");
        String officer = Fixtures.activeOfficer(kafka, hcm(), "Trần Thị Lan");
        UUID assignment = lastAssignment;
        // 09:00 on Thursday 11/9/2025 in Vietnam
        clock.set(Instant.parse("2025-09-11T02:00:00Z"));
        String normal = raise(officer, officerIssue(assignment, "THU_TUC_HANH_CHINH", false));
        String urgent = raise(officer, officerIssue(assignment, "PHAN_MEM_HA_TANG_SO", true));

        // another ministry's admin does not see the issue: 404, not a 403 that would confirm it exists
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("unitCode", "VU-CQDP"))
                .when().post(ISSUES + "/" + normal + "/escalate")
                .then().statusCode(404);
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("unitCode", "VU-KHONG-CO"))
                .when().post(ISSUES + "/" + normal + "/escalate")
                .then().statusCode(422).body("violations[0].field", equalTo("unitCode"));
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("unitCode", "VU-CQDP", "note", "Đề nghị Vụ Chính quyền địa phương hướng dẫn"))
                .when().post(ISSUES + "/" + normal + "/escalate")
                .then().statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("deadline", equalTo("2025-09-21"))
                .body("overdue", equalTo(false));
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("unitCode", "VU-CQDP"))
                .when().post(ISSUES + "/" + urgent + "/escalate")
                .then().statusCode(200).body("deadline", equalTo("2025-09-14"));

        given().auth().oauth2(BNV_COORDINATOR).queryParam("assignment", assignment).queryParam("sort", "deadline")
                .when().get(ISSUES)
                .then().statusCode(200).body("items.id", contains(urgent, normal));
        given().auth().oauth2(BNV_COORDINATOR).queryParam("sort", "title").when().get(ISSUES)
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));

        // the unit sees what is escalated to it; another unit of the ministry may not answer it
        given().auth().oauth2(UNIT_CQDP).queryParam("unit", "VU-CQDP").queryParam("assignment", assignment)
                .when().get(ISSUES)
                .then().statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(UNIT_PC).queryParam("assignment", assignment).when().get(ISSUES)
                .then().statusCode(200).body("totalItems", equalTo(0));
        Map<String, Object> answer = Map.of("answer", "Cấp lại tài khoản và đồng bộ hồ sơ trên hệ thống",
                "guidanceDocument", "Công văn 5120/BNV-CQĐP");
        // a unit the issue was not escalated to does not see it (its list above is empty): 404, not 403
        given().auth().oauth2(UNIT_PC).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(answer)
                .when().post(ISSUES + "/" + urgent + "/answer")
                .then().statusCode(404);
        given().auth().oauth2(UNIT_CQDP).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(answer)
                .when().post(ISSUES + "/" + urgent + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("answeredBy", equalTo("bnv.cqdp"));

        // the last second of the deadline day (23:59:59 on 21/9 in Vietnam): not overdue yet
        clock.set(Instant.parse("2025-09-21T16:59:59Z"));
        deadlines.sweep(clock.instant());
        given().auth().oauth2(BNV_COORDINATOR).when().get(ISSUES + "/" + normal)
                .then().statusCode(200).body("overdue", equalTo(false));
        // the day is over: overdue, announced once however often the sweep runs
        clock.set(Instant.parse("2025-09-21T17:00:00Z"));
        deadlines.sweep(clock.instant());
        deadlines.sweep(clock.instant().plusSeconds(60));
        given().auth().oauth2(BNV_COORDINATOR).when().get(ISSUES + "/" + normal)
                .then().statusCode(200).body("overdue", equalTo(true)).header("ETag", "\"2\"");
        given().auth().oauth2(BNV_COORDINATOR).queryParam("overdue", true).queryParam("assignment", assignment)
                .when().get(ISSUES)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(normal));
        given().auth().oauth2(BNV_COORDINATOR).queryParam("overdue", false).queryParam("assignment", assignment)
                .when().get(ISSUES)
                .then().statusCode(200).body("items.id", not(hasItem(normal)));

        // a new escalation has its own deadline and may be announced overdue again
        UUID normalId = UUID.fromString(normal);
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("unitCode", "VU-CQDP", "deadline", "2025-09-25"))
                .when().post(ISSUES + "/" + normal + "/escalate")
                .then().statusCode(200).body("deadline", equalTo("2025-09-25")).body("overdue", equalTo(false));
        // events of one issue keep their order: once the re-escalation is read, every earlier one has been
        await().atMost(Duration.ofSeconds(20)).until(() ->
                reportTopic.events(ReportEvents.ISSUE_ESCALATED, normalId).size() == 2);
        assertThat(reportTopic.events(ReportEvents.ISSUE_OVERDUE, normalId)).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("data").path("overdue").asBoolean()).isTrue();
                    assertThat(e.path("data").path("deadline").asText()).isEqualTo("2025-09-21");
                    assertThat(e.path("data").path("escalatedToUnit").asText()).isEqualTo("VU-CQDP");
                });
        clock.set(Instant.parse("2025-09-25T17:00:00Z"));
        deadlines.sweep(clock.instant());
        deadlines.sweep(clock.instant());
        given().auth().oauth2(UNIT_CQDP).contentType(ContentType.JSON).header("If-Match", "\"4\"").body(answer)
                .when().post(ISSUES + "/" + normal + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("overdue", equalTo(false));
        reportTopic.await(ReportEvents.ISSUE_ANSWERED, normalId, 1);
        assertThat(reportTopic.events(ReportEvents.ISSUE_OVERDUE, normalId)).hasSize(2);

        var history = given().auth().oauth2(BNV_COORDINATOR).when().get(ISSUES + "/" + normal + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("action"))
                .containsExactly("RAISED", "ESCALATED", "OVERDUE", "ESCALATED", "OVERDUE", "ANSWERED");
        assertThat(history.getList("actorRole"))
                .containsExactly("officer", "coordinator", "system", "coordinator", "system", "ministry-unit");
        assertThat(history.getList("deadline"))
                .containsExactly(null, "2025-09-21", "2025-09-21", "2025-09-25", "2025-09-25", null);
        assertThat(history.getString("[1].unit")).isEqualTo("VU-CQDP");
        assertThat(history.getString("[5].note")).isEqualTo("Cấp lại tài khoản và đồng bộ hồ sơ trên hệ thống");
    }

    @Test
    void aLiaisonRaisesInTheirProvinceTheIssueIsReferredAnsweredClosedAndReopened() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("ministryCode", "BNV");
        request.put("field", "KHO_BAC");
        request.put("kind", "RECOMMENDATION");
        request.put("title", "Đề nghị hướng dẫn mở tài khoản tại Kho bạc cho các phường mới");
        request.put("description", "Nhiều phường chưa mở được tài khoản dự toán nên chưa chi được lương");
        request.put("provinceCode", "01");
        given().auth().oauth2(LIAISON_HCM).contentType(ContentType.JSON).body(request)
                .when().post(ISSUES).then().statusCode(403);
        request.put("provinceCode", "79");
        request.put("communeCode", "00070");
        given().auth().oauth2(LIAISON_HCM).contentType(ContentType.JSON).body(request)
                .when().post(ISSUES)
                .then().statusCode(422).body("detail", containsString("not to Thành phố Hồ Chí Minh (79)"));
        request.put("communeCode", "25942");
        String id = raise(LIAISON_HCM, request);
        given().auth().oauth2(BTC_COORDINATOR).when().get(ISSUES + "/" + id).then().statusCode(404);
        // nor does a stale version tell an outsider that the issue exists: visibility is checked first
        given().auth().oauth2(BTC_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Map.of("ministryCode", "BTC", "note", "Thuộc thẩm quyền của Bộ Tài chính"))
                .when().post(ISSUES + "/" + id + "/refer")
                .then().statusCode(404);

        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("ministryCode", "BTC", "note", "Thuộc thẩm quyền của Bộ Tài chính"))
                .when().post(ISSUES + "/" + id + "/refer")
                .then().statusCode(200)
                .body("status", equalTo("REFERRED"))
                .body("ministryCode", equalTo("BNV"))
                .body("referredToMinistry", equalTo("BTC"));
        JsonNode referred = reportTopic.await(ReportEvents.ISSUE_REFERRED, UUID.fromString(id), 1).get(0)
                .path("data");
        assertThat(referred.path("status").asText()).isEqualTo("REFERRED");
        assertThat(referred.path("ministryCode").asText()).isEqualTo("BNV");
        assertThat(referred.path("referredToMinistry").asText()).isEqualTo("BTC");
        assertThat(referred.path("officialId").isNull()).isTrue();
        // the referred ministry now sees and answers it; the ministry first addressed still sees it, no longer routes it
        given().auth().oauth2(BTC_COORDINATOR).queryParam("ministry", "BTC").queryParam("province", "79")
                .when().get(ISSUES)
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("unitCode", "VU-CQDP"))
                .when().post(ISSUES + "/" + id + "/escalate")
                .then().statusCode(403);
        given().auth().oauth2(BTC_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("answer", "Kho bạc Nhà nước khu vực hướng dẫn các phường mở tài khoản",
                        "guidanceDocument", "Công văn 1234/BTC-KBNN"))
                .when().post(ISSUES + "/" + id + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED"));
        given().auth().oauth2(LIAISON_HCM).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of()).when().post(ISSUES + "/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        given().auth().oauth2(LIAISON_HCM).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(Map.of()).when().post(ISSUES + "/" + id + "/reopen")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(LIAISON_HCM).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(Map.of("reason", "Kho bạc khu vực chưa nhận hồ sơ của phường"))
                .when().post(ISSUES + "/" + id + "/reopen")
                .then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("answer", nullValue())
                .body("referredToMinistry", equalTo("BTC"));
        // a closed-then-reopened issue cannot be closed again before it is answered
        given().auth().oauth2(LIAISON_HCM).contentType(ContentType.JSON).header("If-Match", "\"4\"")
                .body(Map.of()).when().post(ISSUES + "/" + id + "/close")
                .then().statusCode(409);

        var history = given().auth().oauth2(LIAISON_HCM).when().get(ISSUES + "/" + id + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("RAISED", "REFERRED", "ANSWERED", "CLOSED", "REOPENED");
        assertThat(history.getList("actorRole"))
                .containsExactly("province-liaison", "coordinator", "coordinator", "province-liaison",
                        "province-liaison");
        assertThat(history.getList("actor")).containsExactly("sonv.hcm", "bnv.tccb", "btc.tccb", "sonv.hcm",
                "sonv.hcm");
        assertThat(history.getString("[1].ministry")).isEqualTo("BTC");
        assertThat(history.getString("[4].note")).isEqualTo("Kho bạc khu vực chưa nhận hồ sơ của phường");
        given().auth().oauth2(VIEWER).when().get(ISSUES + "/" + id + "/history")
                .then().statusCode(200).body("actor", everyNull(5));
    }

    // --- helpers

    private UUID lastAssignment;

    private Secondment hcm() {
        Secondment a = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        lastAssignment = a.id;
        return a;
    }

    private static Map<String, Object> officerIssue(UUID assignment, String field, boolean urgent) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("assignmentId", assignment);
        request.put("communeCode", "25942");
        request.put("field", field);
        request.put("kind", "DIFFICULTY");
        request.put("title", "Thủ tục hành chính chưa thống nhất giữa các phường");
        request.put("description", "Cùng một thủ tục, mỗi phường yêu cầu thành phần hồ sơ khác nhau");
        request.put("affectsCitizensOrBusinesses", urgent);
        return request;
    }

    private static String raise(String token, Map<String, Object> request) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(request)
                .when().post(ISSUES)
                .then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().path("id");
    }

    private static Matcher<List<Object>> everyNull(int size) {
        return allOf(hasSize(size), everyItem(nullValue()));
    }
}
