package vn.secondment.assignment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.support.AssignmentTopic;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.WithRealInfrastructure;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.assignment.support.Secondments.API;
import static vn.secondment.assignment.support.Secondments.ASSIGNMENTS;
import static vn.secondment.assignment.support.Secondments.BNNMT_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.DEPLOYMENTS;
import static vn.secondment.assignment.support.Secondments.LIAISON_HCM;
import static vn.secondment.assignment.support.Secondments.PROBLEM_JSON;
import static vn.secondment.assignment.support.Secondments.VIEWER;
import static vn.secondment.assignment.support.Secondments.admin;
import static vn.secondment.assignment.support.Secondments.etag;
import static vn.secondment.assignment.support.Secondments.issue;
import static vn.secondment.assignment.support.Secondments.official;

/**
 * The rounds of August 2025 that could not be recorded before issue 20: Bộ NN&amp;MT's working delegation led by a
 * deputy minister over three provinces, Bộ Dân tộc và Tôn giáo's inspection delegation to Lai Châu, and Bộ Nội vụ's
 * standing working group at the ministry, each with one leader (and the title they lead with) and members.
 */
@QuarkusTest
@WithRealInfrastructure
class DelegationsTest {

    private static final String BDTTG_ADMIN = admin("BDTTG");
    private static final String COVERAGE = API + "/coverage";

    @InjectTestKafka
    TestKafka kafka;

    @Test
    void aWorkingDelegationLedByADeputyMinisterVisitsThreeProvincesShownBesideTheResidents() {
        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            // Thanh Hóa, then Nghệ An, then Hà Tĩnh: one delegation, several provinces
            UUID delegation = create(BNNMT_ADMIN, """
                    {"type": "WORKING_DELEGATION", "name": "Đoàn công tác số 3 %s",
                     "decision": {"number": "%s/QĐ-BNNMT", "date": "2025-08-05", "signer": "Bộ trưởng"},
                     "startDate": "2025-08-11", "endDate": "2025-08-22",
                     "itinerary": [{"provinceCode": "38", "startDate": "2025-08-11", "endDate": "2025-08-13"},
                                   {"provinceCode": "40", "startDate": "2025-08-14", "endDate": "2025-08-17"},
                                   {"provinceCode": "42", "startDate": "2025-08-18", "endDate": "2025-08-22"}]}"""
                    .formatted(UUID.randomUUID(), number()));
            given().auth().oauth2(VIEWER).when().get(DEPLOYMENTS + "/" + delegation)
                    .then().statusCode(200)
                    .body("provinceCodes", equalTo(List.of("38", "40", "42")))
                    .body("itinerary.provinceCode", equalTo(List.of("38", "40", "42")))
                    .body("itinerary[1].startDate", equalTo("2025-08-14"));

            UUID deputy = official("BNNMT", "Nguyễn Quốc Trị");
            // the leader needs the title they lead with, and leads the whole delegation, not one province
            given().auth().oauth2(BNNMT_ADMIN).contentType(ContentType.JSON)
                    .body("{\"officialId\": \"%s\", \"role\": \"LEAD\", \"provinceCode\": \"40\"}".formatted(deputy))
                    .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", equalTo(List.of("provinceCode", "leadTitle")));
            UUID leader = assign(BNNMT_ADMIN, delegation, """
                    {"officialId": "%s", "role": "LEAD", "leadTitle": "Thứ trưởng"}""".formatted(deputy));
            UUID first = assign(BNNMT_ADMIN, delegation, member(official("BNNMT", "Lê Văn Hưng")));
            UUID second = assign(BNNMT_ADMIN, delegation, member(official("BNNMT", "Phạm Thị Thu")));
            given().auth().oauth2(VIEWER).when().get(ASSIGNMENTS + "/" + leader)
                    .then().statusCode(200).body("provinceCode", nullValue()).body("role", equalTo("LEAD"))
                    .body("leadTitle", equalTo("Thứ trưởng"));

            // a second leader is refused, naming the one it has
            given().auth().oauth2(BNNMT_ADMIN).contentType(ContentType.JSON)
                    .body("{\"officialId\": \"%s\", \"role\": \"LEAD\", \"leadTitle\": \"Thứ trưởng\"}"
                            .formatted(official("BNNMT", "Một Thứ trưởng khác")))
                    .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                    .then().statusCode(409).contentType(PROBLEM_JSON)
                    .body("existingLeader.assignmentId", equalTo(leader.toString()));
            // nor can a member be made a second leader
            given().auth().oauth2(BNNMT_ADMIN).contentType("application/merge-patch+json")
                    .header("If-Match", etag(BNNMT_ADMIN, ASSIGNMENTS + "/" + first))
                    .body("{\"role\": \"LEAD\", \"leadTitle\": \"Thứ trưởng\"}")
                    .when().patch(ASSIGNMENTS + "/" + first)
                    .then().statusCode(409).body("existingLeader.assignmentId", equalTo(leader.toString()));

            given().auth().oauth2(VIEWER).when().get(DEPLOYMENTS + "/" + delegation + "/members")
                    .then().statusCode(200)
                    .body("leader.assignmentId", equalTo(leader.toString()))
                    .body("leader.fullName", equalTo("Nguyễn Quốc Trị"))
                    .body("leader.leadTitle", equalTo("Thứ trưởng"))
                    .body("members.assignmentId", equalTo(List.of(first, second).stream().sorted()
                            .map(UUID::toString).toList()))
                    .body("itinerary", hasSize(3));

            issue(BNNMT_ADMIN, delegation);
            JsonNode issued = topic.await(e -> AssignmentTopic.type(AssignmentEvents.DEPLOYMENT_ISSUED.name()).test(e)
                    && e.path("subject").asText().equals(delegation.toString()), 1).get(0);
            assertThat(issued.path("data").path("itinerary").get(2).path("provinceCode").asText()).isEqualTo("42");
            JsonNode led = topic.await(e -> AssignmentTopic.type(AssignmentEvents.ASSIGNMENT_CREATED.name()).test(e)
                    && e.path("subject").asText().equals(leader.toString()), 1).get(0);
            assertThat(led.path("data").path("provinceCode").isNull()).isTrue();
            assertThat(led.path("data").path("role").asText()).isEqualTo("LEAD");
            assertThat(led.path("data").path("leadTitle").asText()).isEqualTo("Thứ trưởng");

            // on 15 August it is in Nghệ An: beside the residents, neither required nor counted
            JsonPath matrix = given().auth().oauth2(VIEWER)
                    .queryParams(Map.of("date", "2025-08-15", "ministry", "BNNMT"))
                    .when().get(COVERAGE).then().statusCode(200).extract().jsonPath();
            Map<String, Object> ngheAn = cell(matrix, "40");
            assertThat(ngheAn).containsEntry("required", 0).containsEntry("count", 0);
            assertThat(matrix.getList(path("40") + ".delegations.deploymentId", String.class))
                    .containsExactly(delegation.toString());
            assertThat(matrix.getString(path("40") + ".delegations[0].startDate")).isEqualTo("2025-08-14");
            assertThat(matrix.getString(path("40") + ".delegations[0].endDate")).isEqualTo("2025-08-17");
            assertThat(matrix.getString(path("40") + ".delegations[0].leader.fullName")).isEqualTo("Nguyễn Quốc Trị");
            assertThat(matrix.getString(path("40") + ".delegations[0].leader.leadTitle")).isEqualTo("Thứ trưởng");
            assertThat(matrix.getList(path("38") + ".delegations.deploymentId", String.class))
                    .doesNotContain(delegation.toString());
            // the coverage export names it in the province's row, beside the resident officials
            String export = given().auth().oauth2(VIEWER)
                    .queryParams(Map.of("date", "2025-08-15", "ministry", "BNNMT"))
                    .when().get(COVERAGE + "/export").then().statusCode(200).extract().asString();
            assertThat(export.lines().filter(line -> line.startsWith("BNNMT,40,")).findFirst().orElseThrow())
                    .contains(matrix.getString(path("40") + ".delegations[0].name") + " (")
                    .contains(", 14/8–17/8, trưởng đoàn: Thứ trưởng Nguyễn Quốc Trị");
            given().auth().oauth2(VIEWER).queryParam("date", "2025-08-19")
                    .when().get(DEPLOYMENTS + "/" + delegation + "/coverage")
                    .then().statusCode(200)
                    .body("provinces.find { it.provinceCode == '42' }.delegations[0].leader.leadTitle",
                            equalTo("Thứ trưởng"))
                    .body("provinces.find { it.provinceCode == '40' }.delegations", hasSize(0))
                    .body("gaps", hasSize(0));

            // the timeline shows the delegation with its stops; the leader's bar comes with the title
            given().auth().oauth2(VIEWER).when().get(DEPLOYMENTS + "/" + delegation + "/timeline")
                    .then().statusCode(200)
                    .body("stops.provinceCode", equalTo(List.of("38", "40", "42")))
                    .body("stops[1].provinceName", equalTo("Tỉnh Nghệ An"))
                    .body("bars", hasSize(3))
                    .body("bars.find { it.assignmentId == '" + leader + "' }.leadTitle", equalTo("Thứ trưởng"))
                    .body("bars.find { it.assignmentId == '" + leader + "' }.provinceCode", nullValue());

            // moved two days later by a new decision: the stops move with it, the old ones stay as of before
            given().auth().oauth2(BNNMT_ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNNMT_ADMIN, DEPLOYMENTS + "/" + delegation))
                    .body("""
                            {"startDate": "2025-08-13", "endDate": "2025-08-24",
                             "decision": {"number": "%s/QĐ-BNNMT", "date": "2025-08-08"},
                             "reason": "Lùi lịch theo đề nghị của các tỉnh"}""".formatted(number()))
                    .when().post(DEPLOYMENTS + "/" + delegation + "/reschedule")
                    .then().statusCode(200)
                    .body("itinerary[0].startDate", equalTo("2025-08-13"))
                    .body("itinerary[2].endDate", equalTo("2025-08-24"));
            given().auth().oauth2(VIEWER).queryParam("asOf", "2025-08-06")
                    .when().get(DEPLOYMENTS + "/" + delegation)
                    .then().statusCode(200).body("itinerary[0].startDate", equalTo("2025-08-11"));
        }
    }

    @Test
    void anItineraryIsADelegationsStopsInDateOrderWithinItsPeriod() {
        String name = "Đoàn công tác " + UUID.randomUUID();
        given().auth().oauth2(BNNMT_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "WORKING_DELEGATION", "name": "%s",
                         "decision": {"number": "%s/QĐ-BNNMT", "date": "2025-08-05"},
                         "startDate": "2025-08-11", "endDate": "2025-08-22", "provinceCodes": ["01"],
                         "itinerary": [{"provinceCode": "38", "startDate": "2025-08-11", "endDate": "2025-08-14"},
                                       {"provinceCode": "40", "startDate": "2025-08-14", "endDate": "2025-08-17"},
                                       {"provinceCode": "42", "startDate": "2025-08-18", "endDate": "2025-08-25"},
                                       {"provinceCode": "99", "startDate": "2025-08-20", "endDate": "2025-08-19"}]}"""
                        .formatted(name, number()))
                .when().post(DEPLOYMENTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("provinceCodes", "itinerary[1].startDate",
                        "itinerary[2].endDate", "itinerary[3].provinceCode", "itinerary[3].endDate")));
        // a resident secondment has no itinerary
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "RESIDENT_SECONDMENT", "name": "%s",
                         "decision": {"number": "%s/QĐ-BNV", "date": "2025-08-05"},
                         "startDate": "2025-08-11", "endDate": "2025-08-22",
                         "itinerary": [{"provinceCode": "38", "startDate": "2025-08-11", "endDate": "2025-08-14"}]}"""
                        .formatted(name, number()))
                .when().post(DEPLOYMENTS)
                .then().statusCode(400).body("violations.field", equalTo(List.of("itinerary")));
    }

    @Test
    void theInspectionDelegationToLaiChauIsLedByADeputyMinisterOfTheMinistryOfEthnicAndReligiousAffairs() {
        UUID inspection = create(BDTTG_ADMIN, """
                {"type": "INSPECTION_DELEGATION",
                 "name": "Đoàn kiểm tra công tác dân tộc, tôn giáo tại tỉnh Lai Châu %s",
                 "decision": {"number": "%s/QĐ-BDTTG", "date": "2025-08-01", "signer": "Bộ trưởng"},
                 "startDate": "2025-08-11", "endDate": "2025-08-13",
                 "itinerary": [{"provinceCode": "12", "startDate": "2025-08-11", "endDate": "2025-08-13"}]}"""
                .formatted(UUID.randomUUID(), number()));
        UUID leader = assign(BDTTG_ADMIN, inspection, """
                {"officialId": "%s", "role": "LEAD", "leadTitle": "Thứ trưởng"}"""
                .formatted(official("BDTTG", "Nông Thị Hà")));
        UUID member = assign(BDTTG_ADMIN, inspection, member(official("BDTTG", "Lò Văn Sơn")));
        // a member leads with no title
        given().auth().oauth2(BDTTG_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"leadTitle\": \"Thứ trưởng\"}"
                        .formatted(official("BDTTG", "Không phải trưởng đoàn")))
                .when().post(DEPLOYMENTS + "/" + inspection + "/assignments")
                .then().statusCode(400).body("violations.field", equalTo(List.of("leadTitle")));

        given().auth().oauth2(VIEWER).when().get(DEPLOYMENTS + "/" + inspection)
                .then().statusCode(200).body("type", equalTo("INSPECTION_DELEGATION"))
                .body("provinceCodes", equalTo(List.of("12")));
        given().auth().oauth2(VIEWER).when().get(DEPLOYMENTS + "/" + inspection + "/members")
                .then().statusCode(200)
                .body("type", equalTo("INSPECTION_DELEGATION"))
                .body("leader.assignmentId", equalTo(leader.toString()))
                .body("leader.fullName", equalTo("Nông Thị Hà"))
                .body("leader.leadTitle", equalTo("Thứ trưởng"))
                .body("members.assignmentId", equalTo(List.of(member.toString())))
                .body("members[0].provinceCode", nullValue());
        issue(BDTTG_ADMIN, inspection);
        JsonPath matrix = given().auth().oauth2(VIEWER)
                .queryParams(Map.of("date", "2025-08-12", "ministry", "BDTTG"))
                .when().get(COVERAGE).then().statusCode(200).extract().jsonPath();
        assertThat(matrix.getList(path("12") + ".delegations.type", String.class)).contains("INSPECTION_DELEGATION");
        assertThat(matrix.getInt("totals.officials")).isZero();
    }

    @Test
    void theStandingWorkingGroupSitsAtTheMinistryWithoutAProvince() {
        String name = "Tổ công tác thường trực " + UUID.randomUUID();
        String decision = number() + "/QĐ-BNV";
        // neither target provinces nor an itinerary: it sits at the ministry
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "STANDING_WORKING_GROUP", "name": "%s",
                         "decision": {"number": "%s", "date": "2025-08-11"},
                         "startDate": "2025-08-20", "endDate": "2025-11-03", "provinceCodes": ["01"],
                         "itinerary": [{"provinceCode": "01", "startDate": "2025-08-20", "endDate": "2025-08-21"}]}"""
                        .formatted(name, decision))
                .when().post(DEPLOYMENTS)
                .then().statusCode(400).body("violations.field", equalTo(List.of("provinceCodes", "itinerary")));
        UUID group = create(BNV_ADMIN, """
                {"type": "STANDING_WORKING_GROUP", "name": "%s",
                 "decision": {"number": "%s", "date": "2025-08-11"},
                 "startDate": "2025-08-20", "endDate": "2025-11-03"}""".formatted(name, decision));
        given().auth().oauth2(VIEWER).when().get(DEPLOYMENTS + "/" + group)
                .then().statusCode(200).body("provinceCodes", hasSize(0)).body("itinerary", nullValue());

        UUID leader = assign(BNV_ADMIN, group, """
                {"officialId": "%s", "role": "LEAD", "leadTitle": "Thứ trưởng"}"""
                .formatted(official("BNV", "Trương Hải Long")));
        UUID member = assign(BNV_ADMIN, group, member(official("BNV", "Đỗ Thị Minh")));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"01\"}".formatted(official("BNV", "Ở Hà Nội")))
                .when().post(DEPLOYMENTS + "/" + group + "/assignments")
                .then().statusCode(400).body("violations.field", equalTo(List.of("provinceCode")))
                .body("violations[0].message", containsString("at the ministry"));
        given().auth().oauth2(VIEWER).when().get(DEPLOYMENTS + "/" + group + "/members")
                .then().statusCode(200)
                .body("leader.assignmentId", equalTo(leader.toString()))
                .body("leader.fullName", equalTo("Trương Hải Long"))
                .body("leader.leadTitle", equalTo("Thứ trưởng"))
                .body("members.assignmentId", equalTo(List.of(member.toString())))
                .body("itinerary", nullValue());
        // a province's liaison sees who leads it, but no member: none is in their province
        given().auth().oauth2(LIAISON_HCM).when().get(DEPLOYMENTS + "/" + group + "/members")
                .then().statusCode(200)
                .body("leader.fullName", equalTo("Trương Hải Long"))
                .body("members", hasSize(0));
        given().auth().oauth2(LIAISON_HCM).when().get(ASSIGNMENTS + "/" + member).then().statusCode(404);

        // a resident secondment still sends each official to a province
        UUID round = create(BNV_ADMIN, """
                {"type": "RESIDENT_SECONDMENT", "name": "Tăng cường %s",
                 "decision": {"number": "%s/QĐ-BNV", "date": "2025-08-11"},
                 "startDate": "2025-08-20", "endDate": "2025-11-03"}""".formatted(UUID.randomUUID(), number()));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\"}".formatted(official("BNV", "Chưa có tỉnh")))
                .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                .then().statusCode(400).body("violations.field", equalTo(List.of("provinceCode")));
    }

    @Test
    void theOverlapRuleAppliesToEveryMemberAcrossTwoDelegations() {
        UUID first = create(BNNMT_ADMIN, delegationBody("2025-08-11", "2025-08-22", "38"));
        UUID second = create(BNNMT_ADMIN, delegationBody("2025-08-15", "2025-08-25", "40"));
        UUID hung = official("BNNMT", "Trần Văn Hùng");
        UUID held = assign(BNNMT_ADMIN, first, member(hung));
        given().auth().oauth2(BNNMT_ADMIN).contentType(ContentType.JSON).body(member(hung))
                .when().post(DEPLOYMENTS + "/" + second + "/assignments")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("conflictingAssignment.assignmentId", equalTo(held.toString()))
                .body("conflictingAssignment.provinceCode", nullValue())
                .body("detail", containsString("WORKING_DELEGATION"));
        // the leader of one delegation is a member of no other at the same time either
        UUID lead = official("BNNMT", "Thứ trưởng Phùng Đức Tiến");
        UUID leads = assign(BNNMT_ADMIN, second, "{\"officialId\": \"%s\", \"role\": \"LEAD\", \"leadTitle\": \"Thứ trưởng\"}"
                .formatted(lead));
        given().auth().oauth2(BNNMT_ADMIN).contentType(ContentType.JSON).body(member(lead))
                .when().post(DEPLOYMENTS + "/" + first + "/assignments")
                .then().statusCode(409).body("conflictingAssignment.assignmentId", equalTo(leads.toString()));
    }

    private static String delegationBody(String start, String end, String province) {
        return """
                {"type": "WORKING_DELEGATION", "name": "Đoàn công tác %s",
                 "decision": {"number": "%s/QĐ-BNNMT", "date": "2025-08-05"},
                 "startDate": "%s", "endDate": "%s",
                 "itinerary": [{"provinceCode": "%s", "startDate": "%s", "endDate": "%s"}]}"""
                .formatted(UUID.randomUUID(), number(), start, end, province, start, end);
    }

    private static String member(UUID official) {
        return "{\"officialId\": \"%s\"}".formatted(official);
    }

    private static UUID create(String token, String body) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(DEPLOYMENTS)
                .then().statusCode(201).extract().path("id"));
    }

    private static UUID assign(String token, UUID deployment, String body) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(DEPLOYMENTS + "/" + deployment + "/assignments")
                .then().statusCode(201).extract().path("id"));
    }

    private static String number() {
        return String.valueOf(100 + (int) (Math.random() * 900000));
    }

    private static String path(String province) {
        return "ministries[0].cells.find { it.provinceCode == '" + province + "' }";
    }

    private static Map<String, Object> cell(JsonPath matrix, String province) {
        return matrix.getMap(path(province));
    }
}
