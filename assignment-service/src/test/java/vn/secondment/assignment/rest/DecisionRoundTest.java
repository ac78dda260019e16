package vn.secondment.assignment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.support.AssignmentTopic;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.secondment.assignment.support.Secondments.ASSIGNMENTS;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.DEPLOYMENTS;
import static vn.secondment.assignment.support.Secondments.PROBLEM_JSON;
import static vn.secondment.assignment.support.Secondments.assign;
import static vn.secondment.assignment.support.Secondments.deployment;
import static vn.secondment.assignment.support.Secondments.etag;
import static vn.secondment.assignment.support.Secondments.issue;
import static vn.secondment.assignment.support.Secondments.official;

/**
 * The Bộ Nội vụ round of Quyết định 878/QĐ-BNV (11/8/2025): one official for each of the 34 provinces and two for
 * Hồ Chí Minh City, first planned 20/8–20/10/2025, then moved by a later decision to 3/9–3/11/2025 (the amending
 * decision's number here is illustrative).
 */
@QuarkusTest
@WithRealInfrastructure
class DecisionRoundTest {

    private static final LocalDate PLANNED_START = LocalDate.of(2025, 8, 20);
    private static final LocalDate PLANNED_END = LocalDate.of(2025, 10, 20);
    private static final LocalDate ACTUAL_START = LocalDate.of(2025, 9, 3);
    private static final LocalDate ACTUAL_END = LocalDate.of(2025, 11, 3);

    @InjectTestKafka
    TestKafka kafka;

    @Test
    void roundOf878IsCreatedForThe34ProvincesThenRescheduledWithEveryAssignmentAndRemembersTheOldPeriod() {
        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            UUID round = createRound();
            List<String> provinces = given().auth().oauth2(BNV_ADMIN).when().get(DEPLOYMENTS + "/" + round)
                    .then().statusCode(200)
                    .body("status", equalTo("DRAFT"))
                    .body("decision.number", equalTo("878/QĐ-BNV"))
                    .body("provinceCodes", hasSize(34))
                    .body("provinceQuotas.79", equalTo(2))
                    .extract().path("provinceCodes");

            List<UUID> assignments = new ArrayList<>();
            for (String province : provinces) {
                assignments.add(assign(BNV_ADMIN, round, official("BNV", "Cán bộ " + province), province));
            }
            // Hồ Chí Minh City takes two, as in the round: a Phó Vụ trưởng Vụ Pháp chế and a chuyên viên chính
            assignments.add(assign(BNV_ADMIN, round, official("BNV", "Chuyên viên chính Vụ KH-TC"), "79"));
            assertThat(assignments).hasSize(35);

            // a third for Hồ Chí Minh City exceeds the rule: refused unless accepted deliberately
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body("{\"officialId\": \"%s\", \"provinceCode\": \"79\"}".formatted(official("BNV", "Người thứ ba")))
                    .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                    .then().statusCode(409).contentType(PROBLEM_JSON)
                    .body("coverage.provinceCode", equalTo("79"))
                    .body("coverage.required", equalTo(2))
                    .body("coverage.assignments", hasSize(2));

            issue(BNV_ADMIN, round);
            given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "?deployment=" + round + "&size=100")
                    .then().statusCode(200)
                    .body("totalItems", equalTo(35))
                    .body("items.findAll { it.startDate == '2025-08-20' && it.endDate == '2025-10-20' }", hasSize(35));

            // the amending decision moves the whole round
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                    .body("""
                            {"startDate": "2025-09-03", "endDate": "2025-11-03",
                             "decision": {"number": "1013/QĐ-BNV", "date": "2025-08-29"},
                             "reason": "Điều chỉnh thời gian tăng cường"}""")
                    .when().post(DEPLOYMENTS + "/" + round + "/reschedule")
                    .then().statusCode(200)
                    .body("startDate", equalTo("2025-09-03"))
                    .body("endDate", equalTo("2025-11-03"))
                    .body("revisions.change", equalTo(List.of("CREATED", "ISSUED", "RESCHEDULED")))
                    .body("revisions[2].decisionNumber", equalTo("1013/QĐ-BNV"));

            // every assignment followed
            given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "?deployment=" + round + "&size=100")
                    .then().statusCode(200)
                    .body("items.findAll { it.startDate == '2025-09-03' && it.endDate == '2025-11-03' }", hasSize(35));

            // as of a day before the amendment, the deployment and its assignments still had the first period
            given().auth().oauth2(BNV_ADMIN).when().get(DEPLOYMENTS + "/" + round + "?asOf=2025-08-25")
                    .then().statusCode(200)
                    .body("asOf", equalTo("2025-08-25"))
                    .body("startDate", equalTo(PLANNED_START.toString()))
                    .body("endDate", equalTo(PLANNED_END.toString()))
                    .body("status", equalTo("ISSUED"));
            given().auth().oauth2(BNV_ADMIN)
                    .when().get(ASSIGNMENTS + "?deployment=" + round + "&asOf=2025-08-25&size=100")
                    .then().statusCode(200)
                    .body("items.findAll { it.startDate == '2025-08-20' && it.endDate == '2025-10-20' }", hasSize(35));
            given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "/" + assignments.get(0) + "?asOf=2025-08-25")
                    .then().statusCode(200)
                    .body("startDate", equalTo("2025-08-20"))
                    .body("revisions.change", equalTo(List.of("CREATED", "RESCHEDULED")));
            // and from the amendment's date on, the new one
            given().auth().oauth2(BNV_ADMIN).when().get(DEPLOYMENTS + "/" + round + "?asOf=2025-08-29")
                    .then().statusCode(200)
                    .body("startDate", equalTo(ACTUAL_START.toString()))
                    .body("endDate", equalTo(ACTUAL_END.toString()));
            // before the decision existed there is nothing to show
            given().auth().oauth2(BNV_ADMIN).when().get(DEPLOYMENTS + "/" + round + "?asOf=2025-08-01")
                    .then().statusCode(404).contentType(PROBLEM_JSON);

            // announced: the round issued and rescheduled, each of the 35 assignments created and rescheduled
            String roundId = round.toString();
            List<JsonNode> rescheduled = topic.await(e -> AssignmentEvents.ASSIGNMENT_RESCHEDULED.name()
                    .equals(e.path("type").asText()) && roundId.equals(e.path("data").path("deploymentId").asText()), 35);
            assertThat(rescheduled).allSatisfy(e -> {
                assertThat(e.path("data").path("startDate").asText()).isEqualTo("2025-09-03");
                assertThat(e.path("data").path("endDate").asText()).isEqualTo("2025-11-03");
                assertThat(e.path("ministry").asText()).isEqualTo("BNV");
            });
            Set<String> moved = new HashSet<>();
            rescheduled.forEach(e -> moved.add(e.path("subject").asText()));
            assertThat(moved).containsExactlyInAnyOrderElementsOf(assignments.stream().map(UUID::toString).toList());
            JsonNode roundMoved = topic.await(e -> AssignmentEvents.DEPLOYMENT_RESCHEDULED.name()
                    .equals(e.path("type").asText()) && roundId.equals(e.path("subject").asText()), 1).get(0);
            assertThat(roundMoved.path("data").path("amendment").path("decisionNumber").asText()).isEqualTo("1013/QĐ-BNV");
            assertThat(roundMoved.path("data").path("amendment").path("previousStartDate").asText()).isEqualTo("2025-08-20");
            assertThat(topic.await(e -> AssignmentEvents.DEPLOYMENT_ISSUED.name().equals(e.path("type").asText())
                    && roundId.equals(e.path("subject").asText()), 1)).hasSize(1);
        }
    }

    @Test
    void anIssuedRoundChangesOnlyByDecisionAndEveryChangeNeedsTheCurrentVersion() {
        UUID round = createRound(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 30), "879/QĐ-BNV");
        String draftTag = etag(BNV_ADMIN, DEPLOYMENTS + "/" + round);
        // a draft can be edited (merge patch)...
        given().auth().oauth2(BNV_ADMIN).contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", draftTag)
                .body("{\"provinceQuotas\": {\"01\": 2, \"79\": 2}}")
                .when().patch(DEPLOYMENTS + "/" + round)
                .then().statusCode(200).body("provinceQuotas.01", equalTo(2));
        // ...but not with the version read before the edit
        given().auth().oauth2(BNV_ADMIN).header("If-Match", draftTag)
                .when().post(DEPLOYMENTS + "/" + round + "/issue")
                .then().statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(BNV_ADMIN).when().post(DEPLOYMENTS + "/" + round + "/issue")
                .then().statusCode(428).contentType(PROBLEM_JSON);
        issue(BNV_ADMIN, round);
        given().auth().oauth2(BNV_ADMIN).contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                .body("{\"name\": \"Đổi tên\"}")
                .when().patch(DEPLOYMENTS + "/" + round)
                .then().statusCode(409).contentType(PROBLEM_JSON);
        // completing with nobody left holding an assignment closes the round
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                .body("{\"reason\": \"Kết thúc đợt\", \"effectiveOn\": \"2026-04-30\"}")
                .when().post(DEPLOYMENTS + "/" + round + "/completion")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void deploymentsAreListedSideBySideFilteredAndAsOfADay() {
        UUID bnv = createRound(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 6), "901/QĐ-BNV");
        UUID bct = vn.secondment.assignment.support.Secondments.deployment(
                vn.secondment.assignment.support.Secondments.BCT_ADMIN, "BCT", "902/QĐ-BCT",
                LocalDate.of(2026, 9, 14), LocalDate.of(2026, 11, 13));
        issue(BNV_ADMIN, bnv);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + bnv))
                .body("""
                        {"startDate": "2026-09-21", "endDate": "2026-11-20",
                         "decision": {"number": "950/QĐ-BNV", "date": "2026-09-01"}, "reason": "Lùi thời gian"}""")
                .when().post(DEPLOYMENTS + "/" + bnv + "/reschedule")
                .then().statusCode(200);

        // both ministries side by side on a day, any signed-in caller
        given().auth().oauth2(vn.secondment.assignment.support.Secondments.VIEWER)
                .queryParam("ministry", "BNV", "BCT").queryParam("date", "2026-10-01").queryParam("size", 100)
                .queryParam("sort", "ministryCode")
                .when().get(DEPLOYMENTS)
                .then().statusCode(200)
                .body("items.findAll { it.id == '%s' || it.id == '%s' }.ministryCode".formatted(bnv, bct),
                        equalTo(List.of("BCT", "BNV")));
        given().auth().oauth2(BNV_ADMIN).queryParam("decision", "902/QĐ-BCT").queryParam("province", "79")
                .when().get(DEPLOYMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(bct.toString())));
        given().auth().oauth2(BNV_ADMIN).queryParam("decision", "901/QĐ-BNV").queryParam("status", "DRAFT")
                .when().get(DEPLOYMENTS)
                .then().statusCode(200).body("totalItems", equalTo(0));
        // as of a day before the amendment, the list shows the first period and leaves out what was not decided
        given().auth().oauth2(BNV_ADMIN).queryParam("decision", "901/QĐ-BNV").queryParam("asOf", "2026-08-20")
                .when().get(DEPLOYMENTS)
                .then().statusCode(200)
                .body("items.find { it.id == '%s' }.startDate".formatted(bnv), equalTo("2026-09-07"))
                .body("items.find { it.id == '%s' }.asOf".formatted(bnv), equalTo("2026-08-20"));
        given().auth().oauth2(BNV_ADMIN).queryParam("decision", "901/QĐ-BNV").queryParam("asOf", "2025-08-01")
                .when().get(DEPLOYMENTS)
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(BNV_ADMIN).queryParam("sort", "decision")
                .when().get(DEPLOYMENTS)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("sort"));
    }

    @Test
    void aDeploymentIsValidatedFieldByField() {
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "RESIDENT_SECONDMENT", "name": " ",
                         "decision": {"number": "878-QĐ-BNV", "date": "2025-08-11"},
                         "startDate": "2025-10-20", "endDate": "2025-08-20", "provinceCodes": ["01", "1"]}""")
                .when().post(DEPLOYMENTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("decision.number", "name", "provinceCodes[1]")));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "RESIDENT_SECONDMENT", "name": "Đợt thử",
                         "decision": {"number": "19/2025/QĐ-TTg", "date": "2025-08-11"},
                         "startDate": "2025-10-20", "endDate": "2025-08-20", "provinceCodes": ["01", "99"]}""")
                .when().post(DEPLOYMENTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("endDate")));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "RESIDENT_SECONDMENT", "name": "Đợt thử",
                         "decision": {"number": "19/2025/QĐ-TTg", "date": "2025-08-11"},
                         "startDate": "2025-08-20", "endDate": "2025-10-20", "provinceCodes": ["01", "99"],
                         "provinceQuotas": {"79": 2}}""")
                .when().post(DEPLOYMENTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("provinceCodes[1]", "provinceQuotas[79]")));
        // another ministry's admin cannot draft for Bộ Nội vụ
        given().auth().oauth2(vn.secondment.assignment.support.Secondments.BCT_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"ministryCode": "BNV", "type": "RESIDENT_SECONDMENT", "name": "Đợt thử",
                         "decision": {"number": "878/QĐ-BNV", "date": "2025-08-11"},
                         "startDate": "2025-08-20", "endDate": "2025-10-20"}""")
                .when().post(DEPLOYMENTS)
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    private static UUID createRound() {
        return createRound(PLANNED_START, PLANNED_END, "878/QĐ-BNV");
    }

    private static UUID createRound(LocalDate start, LocalDate end, String decision) {
        Response response = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "RESIDENT_SECONDMENT",
                         "name": "Tăng cường công chức hỗ trợ chính quyền địa phương %s",
                         "decision": {"number": "%s", "date": "2025-08-11", "signer": "Bộ trưởng Bộ Nội vụ",
                                      "subject": "Cử công chức tăng cường về các tỉnh, thành phố"},
                         "startDate": "%s", "endDate": "%s", "provinceQuotas": {"79": 2}}"""
                        .formatted(UUID.randomUUID(), decision, start, end))
                .when().post(DEPLOYMENTS);
        response.then().statusCode(201).header("ETag", equalTo("\"0\""));
        return UUID.fromString(response.path("id"));
    }

    @Test
    void aDecisionOrdersOneDeploymentOfItsMinistryUntilThatOneIsCancelled() {
        String decision = (100_000 + new java.util.Random().nextInt(800_000)) + "/QĐ-BNV";
        UUID first = createRound(LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3), decision);

        // a duplicate draft of the same round, under another name: refused, naming the deployment that holds it
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "RESIDENT_SECONDMENT", "name": "Bản nhập trùng",
                         "decision": {"number": "%s", "date": "2025-08-11"},
                         "startDate": "2025-09-03", "endDate": "2025-11-03"}""".formatted(decision))
                .when().post(DEPLOYMENTS)
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", org.hamcrest.Matchers.containsString(first.toString()))
                .body("decisionHolder.deploymentId", equalTo(first.toString()))
                .body("decisionHolder.status", equalTo("DRAFT"));
        // nor may another deployment take it over by an edit
        UUID other = createRound(LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3), decision + "-KHAC");
        given().auth().oauth2(BNV_ADMIN).contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + other))
                .body("{\"decision\": {\"number\": \"%s\", \"date\": \"2025-08-11\"}}".formatted(decision))
                .when().patch(DEPLOYMENTS + "/" + other)
                .then().statusCode(409).body("decisionHolder.deploymentId", equalTo(first.toString()));

        // once the first is cancelled, the number is free again
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + first))
                .body("{\"reason\": \"Nhập nhầm\", \"decision\": {\"number\": \"1300/QĐ-BNV\", \"date\": \"2025-08-30\"}}")
                .when().post(DEPLOYMENTS + "/" + first + "/cancellation")
                .then().statusCode(200);
        createRound(LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3), decision);
    }

    @Test
    void aDraftCancelledBeforeIssueSaysItWasNeverIssued() {
        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            UUID issued = deployment(BNV_ADMIN, "BNV", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
            issue(BNV_ADMIN, issued);
            UUID draft = deployment(BNV_ADMIN, "BNV", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
            for (UUID cancelled : List.of(issued, draft)) {
                given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                        .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + cancelled))
                        .body("{\"reason\": \"Bãi bỏ\", \"decision\": {\"number\": \"1300/QĐ-BNV\", \"date\": \"2025-08-30\"}}")
                        .when().post(DEPLOYMENTS + "/" + cancelled + "/cancellation")
                        .then().statusCode(200);
            }

            // notification-service tells the provinces of the first cancellation only
            assertThat(cancellation(topic, issued).path("data").path("issued").asBoolean()).isTrue();
            JsonNode dropped = cancellation(topic, draft).path("data");
            assertThat(dropped.path("issued").isBoolean()).isTrue();
            assertThat(dropped.path("issued").asBoolean()).isFalse();
        }
    }

    private static JsonNode cancellation(AssignmentTopic topic, UUID deployment) {
        return topic.await(e -> AssignmentEvents.DEPLOYMENT_CANCELLED.name().equals(e.path("type").asText())
                && deployment.toString().equals(e.path("subject").asText()), 1).get(0);
    }
}
