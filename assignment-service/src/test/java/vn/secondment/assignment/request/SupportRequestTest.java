package vn.secondment.assignment.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.support.AssignmentTopic;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.assignment.support.Secondments.API;
import static vn.secondment.assignment.support.Secondments.BCT_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_COORDINATOR;
import static vn.secondment.assignment.support.Secondments.DEPLOYMENTS;
import static vn.secondment.assignment.support.Secondments.LIAISON_HCM;
import static vn.secondment.assignment.support.Secondments.PROBLEM_JSON;
import static vn.secondment.assignment.support.Secondments.VIEWER;
import static vn.secondment.assignment.support.Secondments.etag;

/**
 * After the round, Sở Nội vụ Bắc Ninh asks Bộ Nội vụ for a working group to help Xã Tân Dĩnh run its one-stop shop:
 * the ministry asks a question, the province answers, the ministry accepts with a PROVINCE_REQUEST deployment (or
 * declines with its reason); each step is announced so both sides hear, and each side sees only its own requests.
 */
@QuarkusTest
@WithRealInfrastructure
class SupportRequestTest {

    static final String REQUESTS = API + "/support-requests";
    /** Sở Nội vụ tỉnh Bắc Ninh. */
    static final String LIAISON_BAC_NINH = TestTokens.user("liaison.bacninh").roles(Roles.PROVINCE_LIAISON)
            .province("24").token();

    @InjectTestKafka
    TestKafka kafka;

    @Test
    void aProvinceAsksTheMinistryQuestionsAndItAcceptsWithAProvinceRequestDeployment() {
        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            UUID id = file(LIAISON_BAC_NINH, "BNV");
            given().auth().oauth2(BNV_COORDINATOR).when().get(REQUESTS + "/" + id)
                    .then().statusCode(200).header("ETag", equalTo("\"0\""))
                    .body("provinceName", equalTo("Tỉnh Bắc Ninh")).body("status", equalTo("OPEN"))
                    .body("communes[0].name", equalTo("Xã Tân Dĩnh"))
                    .body("contact.phone", equalTo("0204 3854 123"));

            // the ministry asks, the province answers: both messages kept in order, the request moves on
            message(BNV_COORDINATOR, id, "Tỉnh cần hỗ trợ trực tiếp hay trực tuyến?");
            message(LIAISON_BAC_NINH, id, "Trực tiếp tại xã, trong 3 tuần.");
            given().auth().oauth2(LIAISON_BAC_NINH).when().get(REQUESTS + "/" + id)
                    .then().statusCode(200).header("ETag", equalTo("\"2\""))
                    .body("messages.side", equalTo(List.of("MINISTRY", "PROVINCE")))
                    .body("messages[1].body", equalTo("Trực tiếp tại xã, trong 3 tuần."));

            // accepting needs the current version, and a deployment that can answer it
            given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).body(acceptance("RESIDENT_SECONDMENT", "01"))
                    .when().post(REQUESTS + "/" + id + "/accept")
                    .then().statusCode(428);
            given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                    .body(acceptance("RESIDENT_SECONDMENT", "01"))
                    .when().post(REQUESTS + "/" + id + "/accept")
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", equalTo(List.of("deployment.type", "deployment.provinceCodes")));
            // the province cannot accept its own request
            given().auth().oauth2(LIAISON_BAC_NINH).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                    .body(acceptance("PROVINCE_REQUEST", "24"))
                    .when().post(REQUESTS + "/" + id + "/accept")
                    .then().statusCode(403);
            String deploymentId = given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON)
                    .header("If-Match", "\"2\"").body(acceptance("PROVINCE_REQUEST", "24"))
                    .when().post(REQUESTS + "/" + id + "/accept")
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"))
                    .body("decidedBy", equalTo("bnv.coordinator"))
                    .extract().path("deploymentId");
            given().auth().oauth2(BNV_COORDINATOR).when().get(DEPLOYMENTS + "/" + deploymentId)
                    .then().statusCode(200).body("type", equalTo("PROVINCE_REQUEST"))
                    .body("provinceCodes", equalTo(List.of("24"))).body("status", equalTo("DRAFT"));
            // decided once
            given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNV_COORDINATOR, REQUESTS + "/" + id))
                    .body("{\"reason\": \"Đã có đoàn\"}")
                    .when().post(REQUESTS + "/" + id + "/decline")
                    .then().statusCode(409);

            // each step announced, without the contact person (personal data stays here)
            List<JsonNode> events = topic.await(e -> id.toString().equals(e.path("subject").asText()), 4);
            assertThat(events).extracting(e -> e.path("type").asText()).containsExactly(
                    AssignmentEvents.SUPPORT_REQUEST_FILED.name(),
                    AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED.name(),
                    AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED.name(),
                    AssignmentEvents.SUPPORT_REQUEST_ACCEPTED.name());
            assertThat(events).extracting(e -> e.path("data").path("lastMessageBy").asText(null))
                    .containsExactly(null, "MINISTRY", "PROVINCE", null);
            JsonNode accepted = events.get(3).path("data");
            assertThat(accepted.path("deploymentId").asText()).isEqualTo(deploymentId);
            assertThat(accepted.path("provinceCode").asText()).isEqualTo("24");
            assertThat(accepted.path("communeCodes").get(0).asText()).isEqualTo("07432");
            assertThat(events).allSatisfy(e -> assertThat(e.path("data").toString()).doesNotContain("0204 3854 123"));
        }
    }

    @Test
    void theMinistryDeclinesWithItsReasonAndTheProvinceMayWithdrawAnOpenOne() {
        UUID declined = file(LIAISON_BAC_NINH, "BNV");
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, REQUESTS + "/" + declined))
                .body("{\"reason\": \"Đoàn công tác của Bộ đã làm việc tại tỉnh trong tháng 11\"}")
                .when().post(REQUESTS + "/" + declined + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"))
                .body("outcomeReason", equalTo("Đoàn công tác của Bộ đã làm việc tại tỉnh trong tháng 11"));

        UUID withdrawn = file(LIAISON_BAC_NINH, "BNV");
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, REQUESTS + "/" + withdrawn))
                .body("{\"reason\": \"x\"}")
                .when().post(REQUESTS + "/" + withdrawn + "/withdraw")
                .then().statusCode(403);
        given().auth().oauth2(LIAISON_BAC_NINH).contentType(ContentType.JSON)
                .header("If-Match", etag(LIAISON_BAC_NINH, REQUESTS + "/" + withdrawn))
                .body("{\"reason\": \"Tỉnh đã tự xử lý được\"}")
                .when().post(REQUESTS + "/" + withdrawn + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        // no more messages once closed
        given().auth().oauth2(LIAISON_BAC_NINH).contentType(ContentType.JSON).body("{\"body\": \"Xin lỗi\"}")
                .when().post(REQUESTS + "/" + withdrawn + "/messages")
                .then().statusCode(409);
    }

    @Test
    void eachSideSeesItsOwnRequestsAndOnlyTheTwoSidesSeeTheContactPerson() {
        UUID toBnv = file(LIAISON_BAC_NINH, "BNV");
        UUID toBct = file(LIAISON_BAC_NINH, "BCT");

        // the province sees both of its requests; each ministry only its own; another province none of them
        assertThat(listed(LIAISON_BAC_NINH, "24")).contains(toBnv.toString(), toBct.toString());
        assertThat(listed(BNV_COORDINATOR, "24")).contains(toBnv.toString()).doesNotContain(toBct.toString());
        assertThat(listed(BCT_ADMIN, "24")).contains(toBct.toString()).doesNotContain(toBnv.toString());
        assertThat(listed(LIAISON_HCM, "24")).isEmpty();
        given().auth().oauth2(LIAISON_HCM).when().get(REQUESTS + "/" + toBnv)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(BCT_ADMIN).when().get(REQUESTS + "/" + toBnv).then().statusCode(403);
        // a viewer reads it without the contact person
        given().auth().oauth2(VIEWER).when().get(REQUESTS + "/" + toBnv)
                .then().statusCode(200).body("topic", not(nullValue())).body("contact", nullValue());
        // another ministry cannot question it, a viewer cannot write
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON).body("{\"body\": \"?\"}")
                .when().post(REQUESTS + "/" + toBnv + "/messages").then().statusCode(403);
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON).body("{\"body\": \"?\"}")
                .when().post(REQUESTS + "/" + toBnv + "/messages").then().statusCode(403);
        given().auth().oauth2(VIEWER).queryParam("status", "OPEN").queryParam("province", "24")
                .queryParam("size", 100).when().get(REQUESTS)
                .then().statusCode(200).body("items.id", hasItem(toBnv.toString()))
                .body("items.find { it.id == '" + toBnv + "' }.topic", not(nullValue()))
                .body("items.find { it.id == '" + toBnv + "' }.contact", nullValue());
    }

    @Test
    void aRequestIsValidatedFieldByFieldAndFiledOnlyForTheLiaisonsOwnProvince() {
        given().auth().oauth2(LIAISON_BAC_NINH).contentType(ContentType.JSON)
                .body("""
                        {"ministryCode": "BNV", "topic": "Hỗ trợ", "communeCodes": ["07432", "25747"],
                         "contact": {"name": "Nguyễn Thị Lan"},
                         "wishedStart": "2025-12-19", "wishedEnd": "2025-12-01"}""")
                .when().post(REQUESTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("communeCodes[1]", "wishedEnd", "contact")))
                .body("violations[0].message", containsString("not a commune of province 24"));
        given().auth().oauth2(LIAISON_BAC_NINH).contentType(ContentType.JSON)
                .body("{\"topic\": \"\", \"ministryCode\": \"bnv\", \"contact\": {\"name\": \"Lan\", "
                        + "\"phone\": \"abc\"}}")
                .when().post(REQUESTS)
                .then().statusCode(400).body("violations.field", hasItem("topic"))
                .body("violations.field", hasItem("ministryCode")).body("violations.field", hasItem("contact.phone"));
        // Sở Nội vụ Thành phố Hồ Chí Minh cannot file for Bắc Ninh; a ministry coordinator files nothing
        given().auth().oauth2(LIAISON_HCM).contentType(ContentType.JSON).body(request("BNV", "24"))
                .when().post(REQUESTS)
                .then().statusCode(403).body("detail", containsString("province-liaison"));
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON).body(request("BNV", "24"))
                .when().post(REQUESTS)
                .then().statusCode(403);
    }

    private static UUID file(String token, String ministry) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(request(ministry, null))
                .when().post(REQUESTS)
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).body("provinceCode", equalTo("24"))
                .extract().path("id");
        return UUID.fromString(id);
    }

    private static String request(String ministry, String province) {
        return """
                {%s"ministryCode": "%s", "topic": "Hỗ trợ vận hành bộ phận một cửa cấp xã",
                 "details": "Xã mới hợp nhất chưa thống nhất quy trình tiếp nhận hồ sơ.",
                 "communeCodes": ["07432"], "urgency": "URGENT",
                 "contact": {"name": "Nguyễn Thị Lan", "title": "Phó Giám đốc Sở Nội vụ", "phone": "0204 3854 123"},
                 "wishedStart": "2025-12-01", "wishedEnd": "2025-12-19"}"""
                .formatted(province == null ? "" : "\"provinceCode\": \"" + province + "\", ", ministry);
    }

    private static void message(String token, UUID id, String body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"body\": \"" + body + "\"}")
                .when().post(REQUESTS + "/" + id + "/messages")
                .then().statusCode(200);
    }

    private static String acceptance(String type, String province) {
        String number = (1000 + (int) (Math.random() * 900000)) + "/QĐ-BNV";
        return """
                {"deployment": {"type": "%s", "name": "Tổ công tác hỗ trợ tỉnh Bắc Ninh",
                  "decision": {"number": "%s", "date": "2025-11-25"}, "startDate": "2025-12-01",
                  "endDate": "2025-12-19", "provinceCodes": ["%s"]}}""".formatted(type, number, province);
    }

    private static List<String> listed(String token, String province) {
        return given().auth().oauth2(token).queryParam("province", province).queryParam("size", 100)
                .when().get(REQUESTS)
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }
}
