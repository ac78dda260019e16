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

import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.assignment.support.Secondments.API;
import static vn.secondment.assignment.support.Secondments.ASSIGNMENTS;
import static vn.secondment.assignment.support.Secondments.BCT_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_COORDINATOR;
import static vn.secondment.assignment.support.Secondments.DEPLOYMENTS;
import static vn.secondment.assignment.support.Secondments.LIAISON_HCM;
import static vn.secondment.assignment.support.Secondments.PROBLEM_JSON;
import static vn.secondment.assignment.support.Secondments.VIEWER;
import static vn.secondment.assignment.support.Secondments.assign;
import static vn.secondment.assignment.support.Secondments.etag;
import static vn.secondment.assignment.support.Secondments.issue;
import static vn.secondment.assignment.support.Secondments.official;
import static vn.secondment.assignment.support.Secondments.officer;

/**
 * Decisions as records: 878/QĐ-BNV signed by a Thứ trưởng on 11/8/2025 issues the Bộ Nội vụ round, a later decision
 * amends it. Unique by number within the issuing ministry, linked both ways with the deployments, and still named
 * by number and date in deployment requests written before decisions were records.
 */
@QuarkusTest
@WithRealInfrastructure
class DecisionRecordTest {

    static final String DECISIONS = API + "/decisions";
    private static final Random RANDOM = new Random();

    @InjectTestKafka
    TestKafka kafka;

    @Test
    void aNumberIsUniqueWithinItsIssuingMinistryAndAnotherMinistryMayUseIt() {
        String number = number("BNV");
        UUID first = record(BNV_ADMIN, "BNV", number, "2025-08-11", null);
        given().auth().oauth2(BNV_ADMIN).when().get(DECISIONS + "/" + first)
                .then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("number", equalTo(number)).body("signerTitle", equalTo("Thứ trưởng"))
                .body("effectiveFrom", equalTo("2025-08-11")).body("effectiveTo", nullValue());

        // the same number again for Bộ Nội vụ, even typed with decomposed Vietnamese: 409 naming the record
        given().auth().oauth2(BNV_COORDINATOR).contentType(ContentType.JSON)
                .body(body(null, Normalizer.normalize(number, Normalizer.Form.NFD), "2025-08-12", null))
                .when().post(DECISIONS)
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString(first.toString()))
                .body("existingDecision.id", equalTo(first.toString()))
                .body("existingDecision.signedOn", equalTo("2025-08-11"));
        // another ministry records the same number as its own: a different decision
        UUID other = record(BCT_ADMIN, "BCT", number, "2025-08-11", null);
        assertThat(other).isNotEqualTo(first);
        given().auth().oauth2(VIEWER).queryParam("number", number).queryParam("sort", "ministryCode")
                .when().get(DECISIONS)
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.ministryCode", equalTo(List.of("BCT", "BNV")));
        given().auth().oauth2(VIEWER).queryParam("number", number).queryParam("ministry", "BNV")
                .when().get(DECISIONS)
                .then().statusCode(200).body("items.id", equalTo(List.of(first.toString())));

        // written by the issuing ministry's admins and coordinators only; read by every signed-in caller
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON)
                .body(body("BNV", number("BNV"), "2025-08-11", null))
                .when().post(DECISIONS)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON)
                .body(body("BNV", number("BNV"), "2025-08-11", null))
                .when().post(DECISIONS)
                .then().statusCode(403);
        for (String reader : List.of(VIEWER, LIAISON_HCM, officer("BNV", "cb.doc@bnv.gov.vn"), BCT_ADMIN)) {
            given().auth().oauth2(reader).when().get(DECISIONS + "/" + first).then().statusCode(200);
        }
    }

    @Test
    void aDecisionIsValidatedFieldByField() {
        UUID bct = record(BCT_ADMIN, "BCT", number("BCT"), "2025-08-01", null);
        UUID later = record(BNV_ADMIN, "BNV", number("BNV"), "2025-09-01", null);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"number": "%s", "signedOn": "2099-01-01", "effectiveFrom": "2099-03-01",
                         "effectiveTo": "2099-02-01", "amendsId": "%s"}""".formatted(number("BNV"), bct))
                .when().post(DECISIONS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("signedOn", "effectiveTo", "amendsId")))
                .body("violations[2].message", containsString("of BCT"));
        // an amended decision is signed before the one amending it
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(body(null, number("BNV"), "2025-08-20", later))
                .when().post(DECISIONS)
                .then().statusCode(400).body("violations.field", equalTo(List.of("amendsId")))
                .body("violations[0].message", containsString("signed on 2025-09-01"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(body(null, number("BNV"), "2025-08-20", UUID.randomUUID()))
                .when().post(DECISIONS)
                .then().statusCode(400).body("violations[0].message", equalTo("is no recorded decision"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"number\": \"878-QĐ-BNV\"}")
                .when().post(DECISIONS)
                .then().statusCode(400).body("violations.field", equalTo(List.of("number", "signedOn")));
        given().auth().oauth2(BNV_ADMIN).queryParam("signedFrom", "2025-09-01").queryParam("signedTo", "2025-08-01")
                .when().get(DECISIONS)
                .then().statusCode(400).body("violations[0].field", equalTo("signedTo"));
    }

    @Test
    void aDeploymentRequestNamingADecisionByNumberFindsOrRecordsIt() {
        String number = number("BNV");
        // as before decisions were records: number, date, signer, subject in the request
        UUID round = deploymentByRef(number, "2025-08-11");
        String decisionId = given().auth().oauth2(BNV_ADMIN).when().get(DEPLOYMENTS + "/" + round)
                .then().statusCode(200)
                .body("decision.number", equalTo(number))
                .body("revisions[0].decisionId", org.hamcrest.Matchers.notNullValue())
                .extract().path("decisionId");
        given().auth().oauth2(VIEWER).queryParam("number", number).when().get(DECISIONS)
                .then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(decisionId))
                .body("items[0].signer", equalTo("Thứ trưởng Bộ Nội vụ"))
                .body("items[0].subject", equalTo("Cử công chức tăng cường về các tỉnh, thành phố"));
        given().auth().oauth2(VIEWER).when().get(DECISIONS + "/" + decisionId)
                .then().statusCode(200)
                .body("deployments.deploymentId", equalTo(List.of(round.toString())))
                .body("deployments[0].status", equalTo("DRAFT"));

        // the same number with another date is a typo one way or the other: 409 naming the record
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                .body("""
                        {"startDate": "2025-09-10", "endDate": "2025-11-10",
                         "decision": {"number": "%s", "date": "2025-08-12"}, "reason": "Lùi"}""".formatted(number))
                .when().post(DEPLOYMENTS + "/" + round + "/reschedule")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("existingDecision.id", equalTo(decisionId));

        // a recorded decision is named by its id instead
        UUID recorded = record(BNV_ADMIN, "BNV", number("BNV"), "2025-08-15", null);
        String byId = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "WORKING_DELEGATION", "name": "Đoàn công tác %s", "decisionId": "%s",
                         "startDate": "2025-09-03", "endDate": "2025-11-03"}""".formatted(UUID.randomUUID(), recorded))
                .when().post(DEPLOYMENTS)
                .then().statusCode(201)
                .body("decisionId", equalTo(recorded.toString()))
                .body("decision.date", equalTo("2025-08-15"))
                .extract().path("id");
        // neither: 400 naming decision; another ministry's decision: 400 naming decisionId
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "WORKING_DELEGATION", "name": "Đoàn", "startDate": "2025-09-03",
                         "endDate": "2025-11-03"}""")
                .when().post(DEPLOYMENTS)
                .then().statusCode(400).body("violations.field", equalTo(List.of("decision")));
        UUID bct = record(BCT_ADMIN, "BCT", number("BCT"), "2025-08-15", null);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "WORKING_DELEGATION", "name": "Đoàn", "decisionId": "%s", "startDate": "2025-09-03",
                         "endDate": "2025-11-03"}""".formatted(bct))
                .when().post(DEPLOYMENTS)
                .then().statusCode(400).body("violations.field", equalTo(List.of("decisionId")));
        assertThat(byId).isNotNull();
    }

    @Test
    void aDeploymentAndTheDecisionsThatIssueAndAmendItAreLinkedBothWays() {
        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            String issuingNumber = number("BNV");
            UUID issuing = record(BNV_ADMIN, "BNV", issuingNumber, "2025-08-11", null);
            UUID round = deploymentById(issuing, "2025-09-03", "2025-11-03");
            UUID hoa = assign(BNV_ADMIN, round, official("BNV", "Nguyễn Thị Hoa"), "79");
            issue(BNV_ADMIN, round);
            String amendingNumber = number("BNV");
            // signed on 29/8, in force from 1/9: the amendment takes effect on that day for "as of" questions
            UUID amending = UUID.fromString(given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body(body(null, amendingNumber, "2025-08-29", issuing)
                            .replace("\"signedOn\"", "\"effectiveFrom\": \"2025-09-01\", \"signedOn\""))
                    .when().post(DECISIONS)
                    .then().statusCode(201).body("effectiveFrom", equalTo("2025-09-01"))
                    .body("amends.id", equalTo(issuing.toString())).extract().path("id"));

            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                    .body("""
                            {"startDate": "2025-09-10", "endDate": "2025-11-10", "decisionId": "%s",
                             "reason": "Lùi thời gian tăng cường"}""".formatted(amending))
                    .when().post(DEPLOYMENTS + "/" + round + "/reschedule")
                    .then().statusCode(200)
                    .body("revisions[2].decisionId", equalTo(amending.toString()))
                    .body("revisions[2].decisionNumber", equalTo(amendingNumber))
                    .body("revisions[2].effectiveFrom", equalTo("2025-09-01"))
                    .body("movedAssignments.assignmentId", equalTo(List.of(hoa.toString())));

            // the deployment: its decision and the decisions that amended it
            given().auth().oauth2(VIEWER).when().get(DEPLOYMENTS + "/" + round)
                    .then().statusCode(200)
                    .body("decisionId", equalTo(issuing.toString()))
                    .body("decision.number", equalTo(issuingNumber))
                    .body("amendments", hasSize(1))
                    .body("amendments[0].decisionId", equalTo(amending.toString()))
                    .body("amendments[0].number", equalTo(amendingNumber))
                    .body("amendments[0].change", equalTo("RESCHEDULED"));
            // the issuing decision: its deployment, and the later decision amending it
            given().auth().oauth2(VIEWER).when().get(DECISIONS + "/" + issuing)
                    .then().statusCode(200)
                    .body("deployments.deploymentId", equalTo(List.of(round.toString())))
                    .body("deployments[0].status", equalTo("ISSUED"))
                    .body("amendments", hasSize(0))
                    .body("amendedBy.id", equalTo(List.of(amending.toString())));
            // the amending decision: what it changed, in the deployment and in the assignment (for those who may
            // read that assignment)
            given().auth().oauth2(BNV_ADMIN).when().get(DECISIONS + "/" + amending)
                    .then().statusCode(200)
                    .body("amends.id", equalTo(issuing.toString()))
                    .body("amends.number", equalTo(issuingNumber))
                    .body("deployments", hasSize(0))
                    .body("amendments.deploymentId", equalTo(List.of(round.toString())))
                    .body("amendments[0].startDate", equalTo("2025-09-10"))
                    .body("assignmentAmendments.assignmentId", equalTo(List.of(hoa.toString())));
            given().auth().oauth2(officer("BCT", "cb.khac@bct.gov.vn")).when().get(DECISIONS + "/" + amending)
                    .then().statusCode(200).body("assignmentAmendments", hasSize(0));
            given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "/" + hoa)
                    .then().statusCode(200).body("revisions[1].decisionId", equalTo(amending.toString()));

            // a correction of the record shows on the deployment it issues
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body(body(null, issuingNumber, "2025-08-11", null))
                    .when().put(DECISIONS + "/" + issuing)
                    .then().statusCode(428);
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                    .body(body(null, issuingNumber, "2025-08-11", null))
                    .when().put(DECISIONS + "/" + issuing)
                    .then().statusCode(412);
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(body(null, issuingNumber, "2025-08-11", null).replace("Nguyễn Văn An", "Trương Hải Long"))
                    .when().put(DECISIONS + "/" + issuing)
                    .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("signer", equalTo("Trương Hải Long"));
            given().auth().oauth2(VIEWER).when().get(DEPLOYMENTS + "/" + round)
                    .then().statusCode(200).body("decision.signer", equalTo("Trương Hải Long"));

            // the event names the decision's record
            JsonNode issued = topic.await(e -> AssignmentEvents.DEPLOYMENT_ISSUED.name().equals(e.path("type").asText())
                    && round.toString().equals(e.path("subject").asText()), 1).get(0);
            assertThat(issued.path("data").path("decisionId").asText()).isEqualTo(issuing.toString());
        }
    }

    @Test
    void aDraftCancelledBeforeIssueFreesItsDecisionAndAnnouncesNothingToTheProvinces() {
        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            UUID decision = record(BNV_ADMIN, "BNV", number("BNV"), "2025-08-11", null);
            UUID draft = deploymentById(decision, "2025-09-03", "2025-11-03");
            // a second deployment cannot claim the decision the draft holds
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .body(deploymentBody(decision, "2025-09-03", "2025-11-03"))
                    .when().post(DEPLOYMENTS)
                    .then().statusCode(409).body("decisionHolder.deploymentId", equalTo(draft.toString()));
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + draft))
                    .body("{\"reason\": \"Nhập trùng, chưa ban hành\"}")
                    .when().post(DEPLOYMENTS + "/" + draft + "/cancellation")
                    .then().statusCode(200).body("status", equalTo("CANCELLED"));
            JsonNode cancelled = topic.await(e -> AssignmentEvents.DEPLOYMENT_CANCELLED.name()
                    .equals(e.path("type").asText()) && draft.toString().equals(e.path("subject").asText()), 1).get(0);
            assertThat(cancelled.path("data").path("issued").asBoolean(true)).isFalse();
            assertThat(cancelled.path("data").path("decisionId").asText()).isEqualTo(decision.toString());

            // the decision is free again
            UUID real = deploymentById(decision, "2025-09-03", "2025-11-03");
            given().auth().oauth2(VIEWER).when().get(DECISIONS + "/" + decision)
                    .then().statusCode(200)
                    .body("deployments.deploymentId", equalTo(List.of(draft.toString(), real.toString())))
                    .body("deployments.status", equalTo(List.of("CANCELLED", "DRAFT")));
        }
    }

    static String number(String ministry) {
        return (100_000 + RANDOM.nextInt(800_000)) + "/QĐ-" + ministry;
    }

    private static String body(String ministry, String number, String signedOn, UUID amends) {
        return """
                {%s"number": "%s", "signedOn": "%s", "signer": "Nguyễn Văn An", "signerTitle": "Thứ trưởng",
                 "subject": "Cử công chức tăng cường về các tỉnh, thành phố"%s}"""
                .formatted(ministry == null ? "" : "\"ministryCode\": \"" + ministry + "\", ", number, signedOn,
                        amends == null ? "" : ", \"amendsId\": \"" + amends + "\"");
    }

    static UUID record(String token, String ministry, String number, String signedOn, UUID amends) {
        Response response = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(body(ministry, number, signedOn, amends))
                .when().post(DECISIONS);
        response.then().statusCode(201).header("Location", containsString("/decisions/"));
        return UUID.fromString(response.path("id"));
    }

    private static String deploymentBody(UUID decision, String start, String end) {
        return """
                {"type": "RESIDENT_SECONDMENT", "name": "Tăng cường công chức %s", "decisionId": "%s",
                 "startDate": "%s", "endDate": "%s", "provinceQuotas": {"79": 2}}"""
                .formatted(UUID.randomUUID(), decision, start, end);
    }

    static UUID deploymentById(UUID decision, String start, String end) {
        String id = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body(deploymentBody(decision, start, end))
                .when().post(DEPLOYMENTS)
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private static UUID deploymentByRef(String number, String date) {
        String id = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "RESIDENT_SECONDMENT", "name": "Tăng cường công chức %s",
                         "decision": {"number": "%s", "date": "%s", "signer": "Thứ trưởng Bộ Nội vụ",
                                      "subject": "Cử công chức tăng cường về các tỉnh, thành phố"},
                         "startDate": "2025-09-03", "endDate": "2025-11-03"}""".formatted(UUID.randomUUID(), number,
                        date))
                .when().post(DEPLOYMENTS)
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
