package vn.secondment.report.visits;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.report.support.Fixtures;
import vn.secondment.report.support.ReportTopic;
import vn.secondment.report.support.Secondment;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Field visits by the assigned official, checked against the reference communes, announced on report.events. */
@QuarkusTest
@WithRealInfrastructure
class FieldVisitTest {

    private static final String VISITS = "/api/report/field-visits";
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    private static final String BNV_COORDINATOR = TestTokens.user("bnv.tccb").roles(Roles.COORDINATOR)
            .ministry("BNV").token();

    @InjectTestKafka
    TestKafka kafka;
    private ReportTopic reportTopic;

    @BeforeEach
    void consumersHaveJoined() {
        kafka.awaitConsumersJoined();
        reportTopic = new ReportTopic(kafka);
    }

    @AfterEach
    void closeTopic() {
        reportTopic.close();
    }

    @Test
    void aVisitToDiAnIsRecordedWithItsIssueAndAnnounced() {
        Secondment hcm = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        String officer = Fixtures.activeOfficer(kafka, hcm, "Nguyễn Thị Hoa");

        var created = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(visit(hcm.id, "25942", LocalDate.of(2025, 9, 10), List.of(Map.of(
                        "field", "PHAN_MEM_HA_TANG_SO", "kind", "DIFFICULTY",
                        "title", "Phần mềm dịch vụ công báo lỗi khi chuyển hồ sơ",
                        "description", "Hồ sơ chuyển từ cấp huyện cũ không hiển thị trên hệ thống",
                        "affectsCitizensOrBusinesses", true))))
                .when().post(VISITS)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("communeName", equalTo("Phường Dĩ An"))
                .body("communeGroupLabel", equalTo("phường trung tâm đông dân"))
                .body("provinceCode", equalTo("79"))
                .body("issueIds.size()", equalTo(1))
                .extract();
        UUID visitId = UUID.fromString(created.path("id"));
        String issueId = created.path("issueIds[0]");
        assertThat(created.header("Location")).endsWith("/field-visits/" + visitId);

        JsonNode recorded = reportTopic.await(ReportEvents.FIELD_VISIT_RECORDED, visitId, 1).get(0);
        assertThat(recorded.path("ministry").asText()).isEqualTo("BNV");
        JsonNode data = recorded.path("data");
        assertThat(data.path("communeCode").asText()).isEqualTo("25942");
        assertThat(data.path("provinceCode").asText()).isEqualTo("79");
        assertThat(data.path("visitDate").asText()).isEqualTo("2025-09-10");
        assertThat(data.path("communeGroup").asText()).isEqualTo("CENTRAL_WARD");
        assertThat(data.path("officialId").asText()).isEqualTo(hcm.officialId.toString());
        assertThat(data.path("issueIds").get(0).asText()).isEqualTo(issueId);

        // the issue raised with it belongs to the visit, in its commune, urgent
        given().auth().oauth2(BNV_COORDINATOR).when().get("/api/report/issues/" + issueId)
                .then().statusCode(200)
                .body("visitId", equalTo(visitId.toString()))
                .body("communeCode", equalTo("25942"))
                .body("urgent", equalTo(true))
                .body("status", equalTo("OPEN"));

        // listed by commune for the coordinator, with the people met
        given().auth().oauth2(BNV_COORDINATOR).queryParam("commune", "25942").queryParam("assignment", hcm.id)
                .when().get(VISITS)
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].peopleMet", equalTo("Đồng chí Chủ tịch UBND phường"))
                .body("items[0].issueIds[0]", equalTo(issueId));
    }

    @Test
    void aCommuneOfAnotherProvinceIsRefusedNamingBothProvinces() {
        // an official assigned to Đồng Nai (75) cannot record a visit to Phường Dĩ An, which belongs to HCMC (79)
        Secondment dongNai = new Secondment("BNV", "75", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        String officer = Fixtures.activeOfficer(kafka, dongNai, "Trần Văn Nam");
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(visit(dongNai.id, "25942", LocalDate.of(2025, 9, 12), List.of()))
                .when().post(VISITS)
                .then().statusCode(422)
                .body("violations[0].field", equalTo("communeCode"))
                .body("detail", containsString("Phường Dĩ An (25942) belongs to Thành phố Hồ Chí Minh (79), "
                        + "not to Tỉnh Đồng Nai (75)"));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(visit(dongNai.id, "99999", LocalDate.of(2025, 9, 12), List.of()))
                .when().post(VISITS)
                .then().statusCode(422)
                .body("violations[0].message", containsString("there is no commune with code '99999'"));
        // before the assignment's period
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(visit(dongNai.id, "25942", LocalDate.of(2025, 9, 1), List.of()))
                .when().post(VISITS)
                .then().statusCode(422)
                .body("violations[0].field", equalTo("visitDate"));
        given().auth().oauth2(VIEWER).queryParam("assignment", dongNai.id).when().get(VISITS)
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void onlyTheAssignedOfficialWritesAndAViewerSeesNoPeopleMet() {
        Secondment mine = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        String officer = Fixtures.activeOfficer(kafka, mine, "Lê Thị Mai");
        Secondment colleague = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        String other = Fixtures.activeOfficer(kafka, colleague, "Phạm Văn Bình");

        // a colleague, who cannot see the assignment, does not learn that it exists; a viewer, who can, is refused
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(visit(mine.id, "25942", LocalDate.of(2025, 9, 15), List.of()))
                .when().post(VISITS)
                .then().statusCode(404);
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON)
                .body(visit(mine.id, "25942", LocalDate.of(2025, 9, 15), List.of()))
                .when().post(VISITS)
                .then().statusCode(403);
        var created = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(visit(mine.id, "25942", LocalDate.of(2025, 9, 15), List.of()))
                .when().post(VISITS)
                .then().statusCode(201).extract();
        String id = created.path("id");

        // a correction needs the current ETag, and only the official may make it
        Map<String, Object> corrected = visit(mine.id, "25942", LocalDate.of(2025, 9, 15), List.of());
        corrected.put("findings", "Mỗi công chức phường xử lý khoảng 40 hồ sơ mỗi ngày");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(corrected)
                .when().put(VISITS + "/" + id).then().statusCode(428);
        given().auth().oauth2(other).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(corrected)
                .when().put(VISITS + "/" + id).then().statusCode(404);
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(corrected)
                .when().put(VISITS + "/" + id).then().statusCode(403);
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(corrected)
                .when().put(VISITS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("findings", equalTo("Mỗi công chức phường xử lý khoảng 40 hồ sơ mỗi ngày"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(corrected)
                .when().put(VISITS + "/" + id).then().statusCode(412);

        given().auth().oauth2(VIEWER).when().get(VISITS + "/" + id)
                .then().statusCode(200)
                .body("peopleMet", nullValue())
                .body("activities", containsString("UBND phường Dĩ An"));
        given().auth().oauth2(VIEWER).queryParam("assignment", mine.id).when().get(VISITS)
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].peopleMet", nullValue());
        // the colleague cannot read another official's visits; the coordinator sees the people met
        given().auth().oauth2(other).when().get(VISITS + "/" + id).then().statusCode(404);
        given().auth().oauth2(BNV_COORDINATOR).when().get(VISITS + "/" + id)
                .then().statusCode(200).body("peopleMet", equalTo("Đồng chí Chủ tịch UBND phường"));
    }

    private static Map<String, Object> visit(UUID assignmentId, String commune, LocalDate day,
                                             List<Map<String, Object>> issues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("assignmentId", assignmentId);
        body.put("visitDate", day.toString());
        body.put("communeCode", commune);
        body.put("communeGroup", "CENTRAL_WARD");
        body.put("peopleMet", "Đồng chí Chủ tịch UBND phường");
        body.put("activities", "Làm việc với UBND phường Dĩ An về vận hành chính quyền địa phương hai cấp");
        body.put("findings", "Khối lượng thủ tục hành chính rất lớn trong khi biên chế mỏng");
        body.put("issues", issues);
        return body;
    }
}
