package vn.secondment.report.visits;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.report.support.Fixtures;
import vn.secondment.report.support.ReportTopic;
import vn.secondment.report.support.Secondment;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.AdjustableClock;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Visits together (issue 20): Mai Đức Thiện and Nguyễn Thị Hoa, two BNV officials of one round in Hồ Chí Minh City,
 * visit Phường Dĩ An (25942) together on 10/9/2025. One record, recorded by Thiện with Hoa as companion: the issues
 * raised on it belong to it (Hoa's later one too), both weekly drafts show it, the figures count it once; an
 * official of another round is refused as a companion.
 */
@QuarkusTest
@WithRealInfrastructure
class JointVisitTest {

    private static final String VISITS = "/api/report/field-visits";
    private static final String DI_AN = "25942";
    private static final String FINDINGS = "Khối lượng thủ tục hành chính rất lớn, biên chế mỏng";
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    private static final String BNV_COORDINATOR = TestTokens.user("bnv.coordinator").roles(Roles.COORDINATOR)
            .ministry("BNV").token();

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    AdjustableClock clock;

    private ReportTopic reportTopic;

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
    void thienAndHoaVisitDiAnTogetherOnceWithItsIssuesInBothDraftsAndCountedOnce() {
        // other test classes share the database: what this visit adds to BNV's HCMC cell of 2025-W37 is compared
        Map<String, Object> before = bnvHcmWeek37();
        Secondment thien = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        String thienToken = Fixtures.activeOfficer(kafka, thien, "Mai Đức Thiện");
        Secondment hoa = Secondment.alongside(thien, "79");
        String hoaToken = Fixtures.activeOfficer(kafka, hoa, "Nguyễn Thị Hoa");
        // a BNV official of another round in the same city
        Secondment otherRound = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        String otherToken = Fixtures.activeOfficer(kafka, otherRound, "Trần Văn Nam");

        clock.set(Instant.parse("2025-09-10T02:00:00Z"));
        // the companions are officials of Thiện's round, each named once, Thiện not among them
        given().auth().oauth2(thienToken).contentType(ContentType.JSON)
                .body(visit(thien.id, List.of(hoa.officialId, otherRound.officialId), true))
                .when().post(VISITS)
                .then().statusCode(400)
                .body("violations.size()", equalTo(1))
                .body("violations[0].field", equalTo("companionOfficialIds[1]"))
                .body("violations[0].message", containsString("official " + otherRound.officialId
                        + " has no assignment in deployment " + thien.deploymentId + " covering 2025-09-10"));
        given().auth().oauth2(thienToken).contentType(ContentType.JSON)
                .body(visit(thien.id, List.of(hoa.officialId, hoa.officialId), true))
                .when().post(VISITS)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("companionOfficialIds[1]"))
                .body("violations[0].message", containsString("named twice"));
        given().auth().oauth2(thienToken).contentType(ContentType.JSON)
                .body(visit(thien.id, List.of(thien.officialId), true))
                .when().post(VISITS)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("companionOfficialIds[0]"));
        given().auth().oauth2(VIEWER).queryParam("official", otherRound.officialId).when().get(VISITS)
                .then().statusCode(200).body("totalItems", equalTo(0));

        // one visit, recorded by Thiện with Hoa, and the two difficulties found there
        JsonPath visit = given().auth().oauth2(thienToken).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(visit(thien.id, List.of(hoa.officialId), true))
                .when().post(VISITS)
                .then().statusCode(201)
                .body("officialId", equalTo(thien.officialId.toString()))
                .body("companions.size()", equalTo(1))
                .body("companions[0].officialId", equalTo(hoa.officialId.toString()))
                .body("companions[0].assignmentId", equalTo(hoa.id.toString()))
                .body("issueIds.size()", equalTo(2))
                .extract().jsonPath();
        String visitId = visit.getString("id");
        JsonNode recorded = reportTopic.await(ReportEvents.FIELD_VISIT_RECORDED, UUID.fromString(visitId), 1).get(0)
                .path("data");
        assertThat(recorded.path("officialId").asText()).isEqualTo(thien.officialId.toString());
        assertThat(recorded.path("companionOfficialIds")).hasSize(1);
        assertThat(recorded.path("companionOfficialIds").get(0).asText()).isEqualTo(hoa.officialId.toString());

        // Hoa raises what she found later on the same visit, through her own assignment: it belongs to the visit
        String hoasIssue = given().auth().oauth2(hoaToken).contentType(ContentType.JSON)
                .body(Map.of("assignmentId", hoa.id, "visitId", visitId, "field", "BIEN_CHE_NHAN_SU",
                        "kind", "RECOMMENDATION", "title", "Bổ sung biên chế bộ phận một cửa",
                        "description", "Đề nghị bổ sung 2 biên chế cho bộ phận một cửa phường Dĩ An",
                        "affectsCitizensOrBusinesses", false))
                .when().post("/api/report/issues")
                .then().statusCode(201)
                .body("visitId", equalTo(visitId))
                .body("communeCode", equalTo(DI_AN))
                .extract().path("id");
        // not through another round's assignment
        given().auth().oauth2(otherToken).contentType(ContentType.JSON)
                .body(Map.of("assignmentId", otherRound.id, "visitId", visitId, "field", "OTHER",
                        "kind", "DIFFICULTY", "title", "Khác", "description", "Khác",
                        "affectsCitizensOrBusinesses", false))
                .when().post("/api/report/issues")
                .then().statusCode(422).body("violations[0].field", equalTo("visitId"));
        given().auth().oauth2(BNV_COORDINATOR).queryParam("visit", visitId).when().get("/api/report/issues")
                .then().statusCode(200).body("totalItems", equalTo(3));

        // each of them sees the one visit with its three issues; the other round's official does not
        for (String token : List.of(thienToken, hoaToken)) {
            given().auth().oauth2(token).queryParam("commune", DI_AN).when().get(VISITS)
                    .then().statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items[0].id", equalTo(visitId))
                    .body("items[0].issueIds.size()", equalTo(3));
            given().auth().oauth2(token).when().get(VISITS + "/" + visitId)
                    .then().statusCode(200).body("issueIds", org.hamcrest.Matchers.hasItem(hoasIssue));
        }
        given().auth().oauth2(BNV_COORDINATOR).queryParam("assignment", hoa.id).when().get(VISITS)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(visitId));
        given().auth().oauth2(BNV_COORDINATOR).queryParam("official", hoa.officialId).when().get(VISITS)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(visitId));
        given().auth().oauth2(otherToken).when().get(VISITS + "/" + visitId).then().statusCode(404);
        given().auth().oauth2(otherToken).queryParam("commune", DI_AN).when().get(VISITS)
                .then().statusCode(200).body("totalItems", equalTo(0));

        // Thursday 11/9: both weekly drafts start from the visit, exactly alike, and its waiting issues
        clock.set(Instant.parse("2025-09-11T02:00:00Z"));
        JsonPath thienDraft = startDraft(thienToken, thien);
        JsonPath hoaDraft = startDraft(hoaToken, hoa);
        assertThat(thienDraft.getString("communesVisited")).isEqualTo("- 10/09/2025, Phường Dĩ An (25942): "
                + FINDINGS);
        assertThat(hoaDraft.getString("communesVisited")).isEqualTo(thienDraft.getString("communesVisited"));
        assertThat(hoaDraft.getString("difficulties")).contains("Khối lượng hồ sơ lớn, biên chế mỏng",
                "Lỗi phần mềm dịch vụ công", "Bổ sung biên chế bộ phận một cửa");
        assertThat(thienDraft.getString("difficulties")).contains("Khối lượng hồ sơ lớn, biên chế mỏng",
                "Lỗi phần mềm dịch vụ công");

        // the side-by-side figures: one visit, made together by two officials; its three issues once each
        clock.set(Instant.parse("2025-09-20T02:00:00Z"));
        Map<String, Object> after = bnvHcmWeek37();
        assertThat(added(after, before, "visits")).isEqualTo(Map.of("visits", 1L, "joint", 1L,
                "participants", 2L));
        assertThat(added(after, before, "issues").get("raised")).isEqualTo(3L);

        // only Thiện corrects it, with its ETag: Hoa reads it but is refused; dropping her takes it off her lists
        Map<String, Object> alone = visit(thien.id, List.of(), false);
        given().auth().oauth2(hoaToken).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(alone)
                .when().put(VISITS + "/" + visitId).then().statusCode(403);
        given().auth().oauth2(thienToken).contentType(ContentType.JSON).body(alone)
                .when().put(VISITS + "/" + visitId).then().statusCode(428);
        Map<String, Object> unchanged = visit(thien.id, null, false);
        given().auth().oauth2(thienToken).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(unchanged)
                .when().put(VISITS + "/" + visitId)
                .then().statusCode(200).header("ETag", "\"0\"").body("companions.size()", equalTo(1));
        given().auth().oauth2(thienToken).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(visit(thien.id, List.of(otherRound.officialId), false))
                .when().put(VISITS + "/" + visitId)
                .then().statusCode(400).body("violations[0].field", equalTo("companionOfficialIds[0]"));
        given().auth().oauth2(thienToken).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(alone)
                .when().put(VISITS + "/" + visitId)
                .then().statusCode(200).header("ETag", "\"1\"").body("companions.size()", equalTo(0));
        given().auth().oauth2(thienToken).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(visit(thien.id, List.of(hoa.officialId), false))
                .when().put(VISITS + "/" + visitId).then().statusCode(412);
        given().auth().oauth2(hoaToken).when().get(VISITS + "/" + visitId).then().statusCode(404);
        given().auth().oauth2(BNV_COORDINATOR).queryParam("assignment", hoa.id).when().get(VISITS)
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aCoordinatorRecordsAJointVisitOfThePastWithItsCompanions() {
        Secondment thien = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        Fixtures.activeOfficer(kafka, thien, "Mai Đức Thiện");
        Secondment hoa = Secondment.alongside(thien, "79");
        String hoaToken = Fixtures.activeOfficer(kafka, hoa, "Nguyễn Thị Hoa");
        Secondment otherRound = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        Fixtures.activeOfficer(kafka, otherRound, "Trần Văn Nam");

        clock.set(Instant.parse("2025-10-01T02:00:00Z"));
        Map<String, Object> past = visit(thien.id, List.of(hoa.officialId, otherRound.officialId), true);
        past.put("occurredAt", "2025-09-10T09:00:00+07:00");
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).body(past)
                .when().post(VISITS)
                .then().statusCode(400).body("violations[0].field", equalTo("companionOfficialIds[1]"));
        past.put("companionOfficialIds", List.of(hoa.officialId));
        String visitId = given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).body(past)
                .when().post(VISITS)
                .then().statusCode(201)
                .body("enteredAfterTheFact.enteredBy", equalTo("bnv.coordinator"))
                .body("companions[0].officialId", equalTo(hoa.officialId.toString()))
                .extract().path("id");
        JsonNode recorded = reportTopic.await(ReportEvents.FIELD_VISIT_RECORDED, UUID.fromString(visitId), 1).get(0)
                .path("data");
        assertThat(recorded.path("enteredAfterTheFact")).isNotNull();
        assertThat(recorded.path("companionOfficialIds").get(0).asText()).isEqualTo(hoa.officialId.toString());
        given().auth().oauth2(hoaToken).when().get(VISITS + "/" + visitId)
                .then().statusCode(200).body("enteredAfterTheFact", notNullValue());
    }

    /** The Dĩ An visit as Thiện writes it; {@code companions} null leaves the field out. */
    private static Map<String, Object> visit(UUID assignmentId, List<UUID> companions, boolean withIssues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assignmentId", assignmentId);
        body.put("visitDate", "2025-09-10");
        body.put("communeCode", DI_AN);
        body.put("communeGroup", "CENTRAL_WARD");
        body.put("peopleMet", "Chủ tịch UBND phường, công chức bộ phận một cửa");
        body.put("activities", "Làm việc với UBND phường Dĩ An về vận hành chính quyền địa phương hai cấp");
        body.put("findings", FINDINGS);
        if (companions != null) {
            body.put("companionOfficialIds", companions);
        }
        if (withIssues) {
            body.put("issues", List.of(
                    Map.of("field", "THU_TUC_HANH_CHINH", "kind", "DIFFICULTY",
                            "title", "Khối lượng hồ sơ lớn, biên chế mỏng",
                            "description", "Hơn 300 hồ sơ mỗi ngày với 6 công chức",
                            "affectsCitizensOrBusinesses", false),
                    Map.of("field", "PHAN_MEM_HA_TANG_SO", "kind", "DIFFICULTY",
                            "title", "Lỗi phần mềm dịch vụ công",
                            "description", "Hồ sơ từ cấp huyện cũ không hiển thị",
                            "affectsCitizensOrBusinesses", true)));
        }
        return body;
    }

    private static JsonPath startDraft(String token, Secondment a) {
        String week37 = given().auth().oauth2(token).queryParam("assignment", a.id).queryParam("week", "2025-W37")
                .when().get("/api/report/weekly-reports")
                .then().statusCode(200).extract().path("items[0].id");
        String tag = given().auth().oauth2(token).when().get("/api/report/weekly-reports/" + week37)
                .then().statusCode(200).extract().header("ETag");
        return given().auth().oauth2(token).header("If-Match", tag)
                .when().post("/api/report/weekly-reports/" + week37 + "/draft")
                .then().statusCode(200).body("status", equalTo("DRAFT")).extract().jsonPath();
    }

    /** BNV's row for Hồ Chí Minh City in 2025-W37, or an empty map before anything was counted. */
    private static Map<String, Object> bnvHcmWeek37() {
        List<Map<String, Object>> rows = given().auth().oauth2(VIEWER).queryParam("ministry", "BNV")
                .queryParam("province", "79").queryParam("from", "2025-W37")
                .when().get("/api/report/figures")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        return rows.stream().filter(r -> "79".equals(r.get("provinceCode")) && "2025-W37".equals(r.get("week")))
                .findFirst().orElse(Map.of());
    }

    /** What was added to one group of counts (visits, issues) of the row. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> added(Map<String, Object> after, Map<String, Object> before, String group) {
        Map<String, Object> a = (Map<String, Object>) after.getOrDefault(group, Map.of());
        Map<String, Object> b = (Map<String, Object>) before.getOrDefault(group, Map.of());
        Map<String, Long> delta = new LinkedHashMap<>();
        a.keySet().forEach(k -> delta.put(k, ((Number) a.get(k)).longValue()
                - ((Number) b.getOrDefault(k, 0)).longValue()));
        return delta;
    }
}
