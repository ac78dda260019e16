package vn.secondment.assignment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.secondment.assignment.support.AssignmentTopic;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.secondment.assignment.support.Secondments.ASSIGNMENTS;
import static vn.secondment.assignment.support.Secondments.BCT_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNNMT_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_ADMIN;
import static vn.secondment.assignment.support.Secondments.BNV_COORDINATOR;
import static vn.secondment.assignment.support.Secondments.DEPLOYMENTS;
import static vn.secondment.assignment.support.Secondments.LIAISON_HCM;
import static vn.secondment.assignment.support.Secondments.MERGE_PATCH;
import static vn.secondment.assignment.support.Secondments.PROBLEM_JSON;
import static vn.secondment.assignment.support.Secondments.VIEWER;
import static vn.secondment.assignment.support.Secondments.arrive;
import static vn.secondment.assignment.support.Secondments.assign;
import static vn.secondment.assignment.support.Secondments.deployment;
import static vn.secondment.assignment.support.Secondments.etag;
import static vn.secondment.assignment.support.Secondments.issue;
import static vn.secondment.assignment.support.Secondments.official;
import static vn.secondment.assignment.support.Secondments.officer;
import static vn.secondment.assignment.support.Secondments.uniqueEmail;

/** The rules of assignments: overlap across deployments and ministries, communes, who may be assigned, scope. */
@QuarkusTest
@WithRealInfrastructure
class AssignmentRulesTest {

    private static final LocalDate SEPT_3 = LocalDate.of(2025, 9, 3);
    private static final LocalDate NOV_3 = LocalDate.of(2025, 11, 3);

    @InjectTestKafka
    TestKafka kafka;

    @Test
    void anOfficialCannotHoldTwoOverlappingAssignmentsEvenAcrossMinistriesAndIsToldTheNearestFreePeriod() {
        UUID bnvRound = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
        UUID hoa = official("BNV", "Nguyễn Thị Hoa");
        UUID held = assign(BNV_ADMIN, bnvRound, hoa, "79");

        // Bộ NN&MT's inter-ministerial delegation, which the decision lets take Bộ Nội vụ's officials, wants her too;
        // Bộ Nội vụ, whose official she is, assigns her to it
        UUID delegation = UUID.fromString(given().auth().oauth2(BNNMT_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "WORKING_DELEGATION", "name": "Đoàn công tác liên ngành %s",
                         "decision": {"number": "2950/QĐ-BNNMT", "date": "2025-08-05"},
                         "startDate": "2025-10-01", "endDate": "2025-11-30", "provinceCodes": ["79", "75"],
                         "partnerMinistries": ["BNV"]}""".formatted(UUID.randomUUID()))
                .when().post(DEPLOYMENTS)
                .then().statusCode(201).body("partnerMinistries", equalTo(List.of("BNV"))).extract().path("id"));

        // the whole delegation: no free stretch of its length lies within it, so nothing is suggested
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"75\"}".formatted(hoa))
                .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("no free period of the same length within the deployment"))
                .body("suggestedPeriod", nullValue());
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"75\", \"startDate\": \"2025-10-01\", \"endDate\": \"2025-10-10\"}"
                        .formatted(hoa))
                .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString(held.toString()))
                .body("conflictingAssignment.assignmentId", equalTo(held.toString()))
                .body("conflictingAssignment.ministryCode", equalTo("BNV"))
                .body("conflictingAssignment.provinceCode", equalTo("79"))
                .body("conflictingAssignment.startDate", equalTo("2025-09-03"))
                .body("conflictingAssignment.endDate", equalTo("2025-11-03"))
                // ten days, as asked, starting the day after she comes back (nearer than ending before 3/9)
                .body("suggestedPeriod.startDate", equalTo("2025-11-04"))
                .body("suggestedPeriod.endDate", equalTo("2025-11-13"));

        // the suggestion is accepted as it stands
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"75\", \"startDate\": \"2025-11-04\", \"endDate\": \"2025-11-13\"}"
                        .formatted(hoa))
                .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                .then().statusCode(201).body("official.ministryCode", equalTo("BNV"))
                .body("ministryCode", equalTo("BNNMT"));
    }

    @Test
    void aPartnerMinistrysOfficialsAreAssignedByThatMinistryAloneWhichThenSeesAndManagesTheAssignment() {
        UUID delegation = UUID.fromString(given().auth().oauth2(BNNMT_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "WORKING_DELEGATION", "name": "Đoàn liên ngành %s",
                         "decision": {"number": "2951/QĐ-BNNMT", "date": "2025-08-05"},
                         "startDate": "2025-10-01", "endDate": "2025-10-10", "provinceCodes": ["75"],
                         "partnerMinistries": ["BNV"]}""".formatted(UUID.randomUUID()))
                .when().post(DEPLOYMENTS)
                .then().statusCode(201).extract().path("id"));
        UUID bnvOfficial = official("BNV", "Cán bộ Bộ Nội vụ");
        UUID bnnmtOfficial = official("BNNMT", "Cán bộ Bộ NN&MT");
        String bnvAssigns = "{\"officialId\": \"%s\", \"provinceCode\": \"75\"}".formatted(bnvOfficial);

        // the delegation's ministry cannot dispose of the partner's official, and the partner not of its officials
        given().auth().oauth2(BNNMT_ADMIN).contentType(ContentType.JSON).body(bnvAssigns)
                .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", containsString("only an admin or coordinator of BNV may assign them"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"75\"}".formatted(bnnmtOfficial))
                .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                .then().statusCode(403);
        // a ministry that is not a partner cannot assign into the delegation at all
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"75\"}".formatted(official("BCT", "Ngoài")))
                .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                .then().statusCode(403).body("detail", containsString("BNNMT or BNV"));

        String assignment = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).body(bnvAssigns)
                .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                .then().statusCode(201).body("ministryCode", equalTo("BNNMT")).extract().path("id");
        // both ministries see it, in the list and by id, and may manage it
        for (String admin : List.of(BNV_ADMIN, BNNMT_ADMIN)) {
            given().auth().oauth2(admin).when().get(ASSIGNMENTS + "?deployment=" + delegation)
                    .then().statusCode(200).body("items.id", equalTo(List.of(assignment)));
            given().auth().oauth2(admin).when().get(ASSIGNMENTS + "/" + assignment + "/audit")
                    .then().statusCode(200);
        }
    }

    @Test
    void twoRoundsRacingForTheSameOfficialCannotBothWin() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            UUID official = official("BNV", "Cán bộ tranh chấp " + attempt);
            List<UUID> rounds = List.of(deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3),
                    deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (UUID round : rounds) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                                .body("{\"officialId\": \"%s\", \"provinceCode\": \"01\"}".formatted(official))
                                .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                                .then().extract().statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            } finally {
                pool.shutdownNow();
            }
            given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "?official=" + official)
                    .then().body("totalItems", equalTo(1));
        }
    }

    @Test
    void theSuggestionLooksBeforeWhenThatIsNearer() {
        UUID round = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
        UUID official = official("BNV", "Trần Văn Bình");
        assign(BNV_ADMIN, round, official, "01");
        UUID later = deployment(BNV_ADMIN, "BNV", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31));
        assign(BNV_ADMIN, later, official, "01");
        UUID shortOne = deployment(BNV_ADMIN, "BNV", LocalDate.of(2025, 8, 10), LocalDate.of(2025, 9, 10));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"04\", \"startDate\": \"2025-09-01\", \"endDate\": \"2025-09-10\"}"
                        .formatted(official))
                .when().post(DEPLOYMENTS + "/" + shortOne + "/assignments")
                .then().statusCode(409)
                .body("suggestedPeriod.startDate", equalTo("2025-08-24"))
                .body("suggestedPeriod.endDate", equalTo("2025-09-02"));
    }

    @Test
    void focusCommunesMustBelongToTheProvince() {
        UUID round = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
        // Phường Dĩ An (25942) is in Hồ Chí Minh City (79), not in Đồng Nai (75)
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"75\", \"focusCommunes\": [\"25210\", \"25942\", \"99999\"]}"
                        .formatted(official("BNV", "Lê Thị Cúc")))
                .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("focusCommunes[1]", "focusCommunes[2]")))
                .body("violations[0].message", containsString("Dĩ An"))
                .body("violations[0].message", containsString("Hồ Chí Minh"));
        UUID inHcm = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"79\", \"role\": \"LEAD\", \"focusCommunes\": [\"25942\"]}"
                        .formatted(official("BNV", "Phạm Văn Dũng")))
                .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                .then().statusCode(201).body("focusCommunes", equalTo(List.of("25942"))).body("role", equalTo("LEAD"))
                .extract().jsonPath().getUUID("id");
        // the same rule on a later edit
        given().auth().oauth2(BNV_ADMIN).contentType(MERGE_PATCH).header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + inHcm))
                .body("{\"focusCommunes\": [\"00004\"]}")
                .when().patch(ASSIGNMENTS + "/" + inHcm)
                .then().statusCode(400).body("violations[0].field", equalTo("focusCommunes[0]"));
    }

    @Test
    void onlyKnownActiveOfficialsOfTheMinistryCanBeAssignedAndOnlyToTargetProvinces() {
        UUID round = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"01\"}".formatted(UUID.randomUUID()))
                .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                .then().statusCode(422).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("officialId"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"01\"}".formatted(official("BCT", "Cán bộ Bộ Công Thương")))
                .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                .then().statusCode(422).body("violations[0].message", containsString("BCT"));
        UUID delegation = UUID.fromString(given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"type": "PROVINCE_REQUEST", "name": "Tổ công tác theo đề nghị của tỉnh %s",
                         "decision": {"number": "1500/QĐ-BNV", "date": "2025-11-10"},
                         "startDate": "2025-11-20", "endDate": "2025-11-30", "provinceCodes": ["04"]}"""
                        .formatted(UUID.randomUUID()))
                .when().post(DEPLOYMENTS).then().statusCode(201).extract().path("id"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"79\", \"startDate\": \"2025-12-01\"}"
                        .formatted(official("BNV", "Ngoài tỉnh")))
                .when().post(DEPLOYMENTS + "/" + delegation + "/assignments")
                .then().statusCode(400)
                // not a target province; ends before it starts; starts after the deployment's end
                .body("violations.field", equalTo(List.of("provinceCode", "endDate", "startDate")));
        // another ministry's admin cannot assign into Bộ Nội vụ's round
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"01\"}".formatted(official("BCT", "Khác bộ")))
                .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                .then().statusCode(403);
    }

    @Test
    void anAssignmentStartsOnArrivalIsReplacedAndEndsWithItsHistoryKept() {
        UUID round = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
        UUID first = assign(BNV_ADMIN, round, official("BNV", "Người đi trước"), "11");
        // a draft's decision is not yet in force: nobody can arrive
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + first))
                .body("{\"arrivedOn\": \"2025-09-03\"}")
                .when().post(ASSIGNMENTS + "/" + first + "/arrival")
                .then().statusCode(409);
        issue(BNV_ADMIN, round);
        arrive(BNV_ADMIN, first, SEPT_3);
        given().auth().oauth2(BNV_ADMIN).when().get(DEPLOYMENTS + "/" + round).then().body("status", equalTo("IN_PROGRESS"));

        UUID successor = official("BNV", "Người thay thế");
        String next = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + first))
                .body("""
                        {"officialId": "%s", "from": "2025-10-01",
                         "decision": {"number": "1190/QĐ-BNV", "date": "2025-09-28"}, "reason": "Thay thế cán bộ"}"""
                        .formatted(successor))
                .when().post(ASSIGNMENTS + "/" + first + "/replacement")
                .then().statusCode(200)
                .body("replacesId", equalTo(first.toString()))
                .body("startDate", equalTo("2025-10-01"))
                .body("endDate", equalTo("2025-11-03"))
                .body("status", equalTo("PLANNED"))
                .extract().path("id");
        given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "/" + first)
                .then().statusCode(200)
                .body("status", equalTo("REPLACED"))
                .body("replacedById", equalTo(next))
                .body("endDate", equalTo("2025-09-30"))
                .body("revisions.change", equalTo(List.of("CREATED", "STARTED", "REPLACED")));
        // as of before the replacement decision, the first official was still to stay until 3/11
        given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "/" + first + "?asOf=2025-09-27")
                .then().body("status", equalTo("ACTIVE")).body("endDate", equalTo("2025-11-03"));

        UUID nextId = UUID.fromString(next);
        arrive(BNV_ADMIN, nextId, LocalDate.of(2025, 10, 1));
        // an early return: completed before the planned end
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + next))
                .body("{\"effectiveOn\": \"2025-10-31\", \"reason\": \"Về sớm theo yêu cầu công tác\"}")
                .when().post(ASSIGNMENTS + "/" + next + "/completion")
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("endDate", equalTo("2025-10-31"));
        // the round can now close
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                .body("{\"reason\": \"Kết thúc đợt\"}")
                .when().post(DEPLOYMENTS + "/" + round + "/completion")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void extensionAndWithdrawalFreeOrTakeDaysAndCancellingWithdrawsWhatIsPlanned() {
        UUID round = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
        UUID official = official("BNV", "Võ Thị Em");
        UUID a = assign(BNV_ADMIN, round, official, "08");
        // an assignment never runs past its deployment: extending beyond 3/11 needs the deployment extended first
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + a))
                .body("""
                        {"startDate": "2025-09-03", "endDate": "2025-11-30",
                         "decision": {"number": "1250/QĐ-BNV", "date": "2025-10-25"}, "reason": "Gia hạn"}""")
                .when().post(ASSIGNMENTS + "/" + a + "/period-changes")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("endDate")))
                .body("violations[0].message", containsString("2025-09-03 to 2025-11-03"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + a))
                .body("""
                        {"startDate": "2025-09-03", "endDate": "2025-10-20",
                         "decision": {"number": "1240/QĐ-BNV", "date": "2025-10-15"}, "reason": "Về sớm"}""")
                .when().post(ASSIGNMENTS + "/" + a + "/period-changes")
                .then().statusCode(200).body("endDate", equalTo("2025-10-20"))
                .body("revisions[1].change", equalTo("SHORTENED"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + a))
                .body("""
                        {"startDate": "2025-09-03", "endDate": "2025-11-03",
                         "decision": {"number": "1250/QĐ-BNV", "date": "2025-10-25"}, "reason": "Gia hạn"}""")
                .when().post(ASSIGNMENTS + "/" + a + "/period-changes")
                .then().statusCode(200).body("endDate", equalTo("2025-11-03"))
                .body("revisions[2].change", equalTo("EXTENDED"));
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + a))
                .body("{\"reason\": \"Cán bộ ốm\"}")
                .when().post(ASSIGNMENTS + "/" + a + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        // her days are free again
        UUID again = assign(BNV_ADMIN, round, official, "08");

        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                .body("{\"reason\": \"Bãi bỏ\", \"decision\": {\"number\": \"1300/QĐ-BNV\", \"date\": \"2025-08-30\"}}")
                .when().post(DEPLOYMENTS + "/" + round + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "/" + again)
                .then().body("status", equalTo("WITHDRAWN")).body("revisions[1].decisionNumber", equalTo("1300/QĐ-BNV"));
    }

    @Test
    void aDeploymentCannotBeRescheduledToLeaveAnAssignmentOutsideIt() {
        UUID round = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
        UUID onSite = assign(BNV_ADMIN, round, official("BNV", "Đã có mặt"), "79");
        issue(BNV_ADMIN, round);
        arrive(BNV_ADMIN, onSite, SEPT_3);

        // moving the start past the day she arrived would leave her assignment starting before the round
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                .body("""
                        {"startDate": "2025-09-10", "endDate": "2025-11-10",
                         "decision": {"number": "1260/QĐ-BNV", "date": "2025-09-08"}, "reason": "Lùi thời gian"}""")
                .when().post(DEPLOYMENTS + "/" + round + "/reschedule")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("outside the deployment's new period 2025-09-10 to 2025-11-10"))
                .body("outsideAssignments.assignmentId", equalTo(List.of(onSite.toString())));
        given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "/" + onSite)
                .then().body("startDate", equalTo("2025-09-03")).body("endDate", equalTo("2025-11-03"));
    }

    @Test
    void aRescheduleThatAsksToFitClipsTheAssignmentsIntoTheNewPeriodAndRefusesOnlyThoseThatCannotFit() {
        try (AssignmentTopic topic = new AssignmentTopic(kafka)) {
            UUID round = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
            UUID arrivedLate = assign(BNV_ADMIN, round, official("BNV", "Đến ngày 12/9"), "01");
            UUID late = assignFor(round, official("BNV", "Đợt sau"), "79", "2025-10-20", "2025-11-03");
            UUID arrivedEarly = assign(BNV_ADMIN, round, official("BNV", "Đến ngày 3/9"), "48");
            UUID busy = official("BNV", "Đã có lịch tháng 11");
            UUID meets = assignFor(round, busy, "75", "2025-10-01", "2025-11-03");
            UUID next = deployment(BNV_ADMIN, "BNV", LocalDate.of(2025, 11, 4), LocalDate.of(2025, 11, 30));
            UUID nextOne = assign(BNV_ADMIN, next, busy, "75");
            issue(BNV_ADMIN, round);
            arrive(BNV_ADMIN, arrivedLate, LocalDate.of(2025, 9, 12));
            arrive(BNV_ADMIN, arrivedEarly, SEPT_3);
            String moveBody = """
                    {"startDate": "2025-09-10", "endDate": "2025-11-10",
                     "decision": {"number": "1270/QĐ-BNV", "date": "2025-09-08"}, "reason": "Lùi thời gian"%s}""";

            // by default, assignments left outside refuse the reschedule: both officials already on site since 3/9
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                    .body(moveBody.formatted(""))
                    .when().post(DEPLOYMENTS + "/" + round + "/reschedule")
                    .then().statusCode(409).contentType(PROBLEM_JSON)
                    .body("outsideAssignments.assignmentId", containsInAnyOrder(arrivedLate.toString(),
                            arrivedEarly.toString()))
                    .body("detail", containsString("FIT"));
            // asked to fit, it names only those that cannot: the official who arrived on 3/9, before the new start,
            // and the one whose moved period would meet her next assignment; nothing moves
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                    .body(moveBody.formatted(", \"assignments\": \"FIT\""))
                    .when().post(DEPLOYMENTS + "/" + round + "/reschedule")
                    .then().statusCode(409).contentType(PROBLEM_JSON)
                    .body("detail", containsString("2 assignment(s) cannot fit"))
                    .body("unfitAssignments.assignmentId", containsInAnyOrder(arrivedEarly.toString(),
                            meets.toString()))
                    .body("unfitAssignments.find { it.assignmentId == '%s' }.reason".formatted(arrivedEarly),
                            equalTo("ARRIVED_BEFORE_START"))
                    .body("unfitAssignments.find { it.assignmentId == '%s' }.reason".formatted(meets),
                            equalTo("OVERLAP"))
                    .body("unfitAssignments.find { it.assignmentId == '%s' }.conflictingAssignment.assignmentId"
                            .formatted(meets), equalTo(nextOne.toString()));
            given().auth().oauth2(BNV_ADMIN).when().get(DEPLOYMENTS + "/" + round)
                    .then().body("startDate", equalTo("2025-09-03"));
            given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "/" + arrivedLate)
                    .then().body("startDate", equalTo("2025-09-03")).body("endDate", equalTo("2025-11-03"));

            // the first returns early (4/9), the other is withdrawn: now everything fits
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + arrivedEarly))
                    .body("{\"effectiveOn\": \"2025-09-04\", \"reason\": \"Về sớm\"}")
                    .when().post(ASSIGNMENTS + "/" + arrivedEarly + "/completion")
                    .then().statusCode(200);
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNV_ADMIN, ASSIGNMENTS + "/" + meets))
                    .body("{\"reason\": \"Đã có lịch tháng 11\"}")
                    .when().post(ASSIGNMENTS + "/" + meets + "/withdrawal")
                    .then().statusCode(200);
            given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                    .header("If-Match", etag(BNV_ADMIN, DEPLOYMENTS + "/" + round))
                    .body(moveBody.formatted(", \"assignments\": \"FIT\""))
                    .when().post(DEPLOYMENTS + "/" + round + "/reschedule")
                    .then().statusCode(200)
                    .body("startDate", equalTo("2025-09-10"))
                    .body("movedAssignments", hasSize(2))
                    // on site since 12/9: her start is clipped to the new start, her end follows
                    .body("movedAssignments.find { it.assignmentId == '%s' }.startDate".formatted(arrivedLate),
                            equalTo("2025-09-10"))
                    .body("movedAssignments.find { it.assignmentId == '%s' }.endDate".formatted(arrivedLate),
                            equalTo("2025-11-10"))
                    .body("movedAssignments.find { it.assignmentId == '%s' }.previousStartDate"
                            .formatted(arrivedLate), equalTo("2025-09-03"))
                    .body("movedAssignments.find { it.assignmentId == '%s' }.clipped".formatted(arrivedLate),
                            equalTo(true))
                    // planned: shifted by a week, within the new period without clipping
                    .body("movedAssignments.find { it.assignmentId == '%s' }.startDate".formatted(late),
                            equalTo("2025-10-27"))
                    .body("movedAssignments.find { it.assignmentId == '%s' }.clipped".formatted(late),
                            equalTo(false));
            given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "/" + arrivedLate)
                    .then().body("startDate", equalTo("2025-09-10")).body("arrivedOn", equalTo("2025-09-12"))
                    // dated by the decision (8/9), so listed before the arrival it followed in time
                    .body("revisions.change", equalTo(List.of("CREATED", "RESCHEDULED", "STARTED")))
                    .body("revisions[1].decisionNumber", equalTo("1270/QĐ-BNV"))
                    .body("revisions[1].decisionId", org.hamcrest.Matchers.notNullValue());

            // each moved assignment is announced on its own, as a single reschedule is
            List<JsonNode> rescheduled = topic.await(e -> AssignmentEvents.ASSIGNMENT_RESCHEDULED.name()
                    .equals(e.path("type").asText())
                    && round.toString().equals(e.path("data").path("deploymentId").asText()), 2);
            assertThat(rescheduled).extracting(e -> e.path("subject").asText())
                    .containsExactlyInAnyOrder(arrivedLate.toString(), late.toString());
        }
    }

    private static UUID assignFor(UUID deployment, UUID official, String province, String start, String end) {
        String id = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"officialId": "%s", "provinceCode": "%s", "startDate": "%s", "endDate": "%s"}"""
                        .formatted(official, province, start, end))
                .when().post(DEPLOYMENTS + "/" + deployment + "/assignments")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    @Test
    void eachRoleSeesWhatItShould() {
        UUID round = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
        String email = uniqueEmail("BNV");
        UUID me = official("BNV", "Đặng Thị Giang", email);
        UUID mine = assign(BNV_ADMIN, round, me, "79");
        UUID other = assign(BNV_ADMIN, round, official("BNV", "Người khác"), "01");
        String myToken = officer("BNV", email);

        given().auth().oauth2(myToken).when().get(ASSIGNMENTS + "?deployment=" + round)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(mine.toString()));
        given().auth().oauth2(myToken).when().get(ASSIGNMENTS + "/" + other).then().statusCode(404);
        given().auth().oauth2(LIAISON_HCM).when().get(ASSIGNMENTS + "?deployment=" + round)
                .then().statusCode(200).body("items.provinceCode", equalTo(List.of("79")));
        given().auth().oauth2(VIEWER).when().get(ASSIGNMENTS + "?deployment=" + round)
                .then().statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(BNV_COORDINATOR).when().get(ASSIGNMENTS + "?deployment=" + round)
                .then().statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(BCT_ADMIN).when().get(ASSIGNMENTS + "?deployment=" + round)
                .then().statusCode(200).body("totalItems", equalTo(0));
        // an officer, a liaison or a viewer cannot change anything
        for (String token : List.of(myToken, LIAISON_HCM, VIEWER)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"reason\": \"x\"}")
                    .when().post(ASSIGNMENTS + "/" + mine + "/withdrawal")
                    .then().statusCode(403).contentType(PROBLEM_JSON);
        }
        // nor can another ministry's admin, who does not even learn that it exists
        given().auth().oauth2(BCT_ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"reason\": \"x\"}")
                .when().post(ASSIGNMENTS + "/" + mine + "/withdrawal")
                .then().statusCode(404);
        // the audit trail is the ministry's
        given().auth().oauth2(BNV_COORDINATOR).when().get(ASSIGNMENTS + "/" + mine + "/audit")
                .then().statusCode(200).body("items[0].action", equalTo("created"));
        given().auth().oauth2(BCT_ADMIN).when().get(ASSIGNMENTS + "/" + mine + "/audit").then().statusCode(404);
    }

    @Test
    void aRetriedCreateWithTheSameKeyReturnsTheFirstAnswer() {
        UUID round = deployment(BNV_ADMIN, "BNV", SEPT_3, NOV_3);
        String body = "{\"officialId\": \"%s\", \"provinceCode\": \"01\"}".formatted(official("BNV", "Hai lần"));
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(BNV_ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(DEPLOYMENTS + "/" + round + "/assignments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(BNV_ADMIN).when().get(ASSIGNMENTS + "?deployment=" + round)
                .then().body("totalItems", equalTo(1)).body("items[0].asOf", nullValue());
    }

    @Test
    void badParametersAreNamed() {
        // every bad parameter at once (issue 16), not only the first one converted
        given().auth().oauth2(VIEWER).when().get(ASSIGNMENTS + "?date=3/9/2025&province=7")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", containsInAnyOrder("date", "province"));
        given().auth().oauth2(VIEWER).when().get(ASSIGNMENTS + "?province=7")
                .then().statusCode(400).body("violations[0].field", equalTo("province"));
        given().auth().oauth2(VIEWER).when().get(ASSIGNMENTS + "?status=DONE")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().when().get(ASSIGNMENTS).then().statusCode(401);
    }
}
