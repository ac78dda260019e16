package vn.secondment.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The packaged platform as its users meet it: the real Keycloak server issues the tokens, the gateway checks and
 * routes, personnel-service writes officials and their events in one transaction, the outbox relay publishes to
 * the Kafka broker, notification-service consumes them into the inbox; two ministries import their decision annexes
 * and are listed side by side; BNV's round sends them to the 34 provinces; the officer visits Phường Dĩ An, reports
 * the week and the ministry's unit answers the escalated issue, all in the figures; and everything is still there
 * after the whole stack restarts.
 */
@Order(1)
@ExtendWith(Platform.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static Platform platform;
    private static KeycloakTokens tokens;
    private static String officialId;
    private static String officerOfficialId;

    @BeforeAll
    static void platform() {
        platform = Platform.current();
        tokens = platform.tokens();
    }

    @Test
    @Order(1)
    void gatewayRejectsARequestWithoutATokenBeforeItReachesAService() {
        given()
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Nguyễn Văn Khách\"}")
            .when()
                .post(platform.gatewayUrl() + "/api/personnel/officials")
            .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void registeringAnOfficialReachesTheMinistryAdminsInboxThroughKafka() {
        String bnvAdmin = tokens.forUser("bnv.admin");
        officialId = registerAndAwaitInbox(bnvAdmin, "Nguyễn Thị Hoa", "first event after start");
        registerAndAwaitInbox(bnvAdmin, "Trần Minh Tuấn", "second event");
    }

    /**
     * Registers an official through the gateway and waits until the inbox shows it, printing how long that took.
     * The wait is generous (10 s) because a loaded build machine delays the consumers' first poll; latency is a
     * benchmark's to show, not a test's to assert.
     */
    private static String registerAndAwaitInbox(String token, String fullName, String label) {
        String id = given()
                .auth().oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"" + fullName + "\", \"position\": \"Phó Vụ trưởng Vụ Pháp chế\", "
                        + "\"email\": \"" + uniqueEmail("bnv") + "\", \"phone\": \"0912345678\"}")
            .when()
                .post(platform.gatewayUrl() + "/api/personnel/officials")
            .then()
                .statusCode(201)
                .body("ministryCode", equalTo("BNV"))
                .extract().path("id");
        long created = System.nanoTime();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> given()
                .auth().oauth2(token)
            .when()
                .get(platform.gatewayUrl() + "/api/notification/inbox")
            .then()
                .statusCode(200)
                .body("items.subjectId", hasItem(id)));
        System.out.printf("[e2e] %s: official created -> inbox entry visible through the gateway in %d ms%n",
                label, Duration.ofNanos(System.nanoTime() - created).toMillis());
        return id;
    }

    @Test
    @Order(3)
    void anotherMinistrySeesNeitherTheNotificationNorThePersonalDetails() {
        String bctAdmin = tokens.forUser("bct.admin");
        given()
                .auth().oauth2(bctAdmin)
            .when()
                .get(platform.gatewayUrl() + "/api/notification/inbox")
            .then()
                .statusCode(200)
                .body("items.subjectId", not(hasItem(officialId)));
        given()
                .auth().oauth2(bctAdmin)
            .when()
                .get(platform.gatewayUrl() + "/api/personnel/officials/" + officialId)
            .then()
                .statusCode(200)
                .body("fullName", equalTo("Nguyễn Thị Hoa"))
                .body("phone", equalTo("*******678"))
                .body("personalDataMasked", equalTo(true));
    }

    @Test
    @Order(4)
    void anotherMinistrysSystemRegistersWithClientCredentials() {
        String system = tokens.forClient("bct-system", "bct-system-dev-secret");
        given()
                .auth().oauth2(system)
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"Hoàng Văn Đạt\", \"position\": \"Vụ trưởng\", "
                        + "\"email\": \"" + uniqueEmail("bct") + "\"}")
            .when()
                .post(platform.gatewayUrl() + "/api/personnel/officials")
            .then()
                .statusCode(201)
                .body("ministryCode", equalTo("BCT"));
    }

    @Test
    @Order(5)
    void aMalformedBodyGets400ProblemJsonThroughTheGateway() {
        given()
                .auth().oauth2(tokens.forUser("bnv.admin"))
                .contentType(ContentType.JSON)
                .body("{\"fullName\": ")
            .when()
                .post(platform.gatewayUrl() + "/api/personnel/officials")
            .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        given()
                .auth().oauth2(tokens.forUser("bnv.admin"))
                .contentType(ContentType.JSON)
                .body("{\"fullName\": \"\"}")
            .when()
                .post(platform.gatewayUrl() + "/api/personnel/officials")
            .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("fullName"));
    }

    @Test
    @Order(6)
    void anOfficerSignedInWithKeycloakSeesTheirOwnRecordOnly() {
        // the realm's officer account; Keycloak puts its verified email in the token
        officerOfficialId = given().auth().oauth2(tokens.forUser("bnv.admin")).contentType(ContentType.JSON)
                .body("{\"fullName\": \"Cán Bộ Thử\", \"email\": \"bnv.officer@secondment.local\", "
                        + "\"phone\": \"0987654321\"}")
            .when().post(platform.gatewayUrl() + "/api/personnel/officials")
            .then().statusCode(201).extract().path("id");
        String officer = tokens.forUser("bnv.officer");

        given().auth().oauth2(officer)
            .when().get(platform.gatewayUrl() + "/api/personnel/officials")
            .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(officerOfficialId))
                .body("items[0].phone", equalTo("0987654321"));
        given().auth().oauth2(officer)
            .when().get(platform.gatewayUrl() + "/api/personnel/officials/" + officialId)
            .then().statusCode(404);
    }

    @Test
    @Order(7)
    void twoMinistriesImportTheirAnnexesAndAreListedSideBySide() throws Exception {
        Path samples = Path.of(System.getProperty("project.root", "..")).resolve("personnel-service/samples");
        String bnvAdmin = tokens.forUser("bnv.admin");
        String bctAdmin = tokens.forUser("bct.admin");
        String viewer = tokens.forUser("viewer");
        int before = given().auth().oauth2(viewer).queryParam("ministry", "BNV", "BCT")
                .get(platform.gatewayUrl() + "/api/personnel/officials").then().statusCode(200)
                .extract().path("totalItems");

        importAnnex(bnvAdmin, samples.resolve("phu-luc-878-QD-BNV.csv"), "BNV", "878/QĐ-BNV", true)
                .body("committed", equalTo(false)).body("created", equalTo(34)).body("errorCount", equalTo(0));
        importAnnex(bnvAdmin, samples.resolve("phu-luc-878-QD-BNV.csv"), "BNV", "878/QĐ-BNV", false)
                .body("committed", equalTo(true)).body("created", equalTo(34));
        importAnnex(bctAdmin, samples.resolve("phu-luc-BCT.xlsx"), "BCT", null, false)
                .body("committed", equalTo(true)).body("created", equalTo(34));
        // a second upload of the same annex changes nothing
        importAnnex(bnvAdmin, samples.resolve("phu-luc-878-QD-BNV.csv"), "BNV", "878/QĐ-BNV", false)
                .body("created", equalTo(0)).body("unchanged", equalTo(34));
        // another ministry's admin cannot import for BNV
        given().auth().oauth2(bctAdmin)
                .multiPart("file", "phu-luc.csv", Files.readAllBytes(samples.resolve("phu-luc-878-QD-BNV.csv")), "text/csv")
                .queryParam("ministry", "BNV")
            .when().post(platform.gatewayUrl() + "/api/personnel/officials/imports")
            .then().statusCode(403).contentType("application/problem+json");

        // leadership's viewer lists both ministries side by side, without personal details
        List<String> ministries = given().auth().oauth2(viewer)
                .queryParam("ministry", "BNV", "BCT").queryParam("sort", "ministryCode,fullName")
                .queryParam("size", 100)
            .when().get(platform.gatewayUrl() + "/api/personnel/officials")
            .then().statusCode(200)
                .body("totalItems", equalTo(before + 68))
                .body("items.fullName", hasItem("Nguyễn Thị Hoa"))
                .extract().path("items.ministryCode");
        assertThat(ministries).hasSize(before + 68).containsOnly("BCT", "BNV").isSorted();
        assertThat(ministries.stream().filter("BCT"::equals).count()).isGreaterThanOrEqualTo(34);
        assertThat(ministries.stream().filter("BNV"::equals).count()).isGreaterThanOrEqualTo(34);

        // BNV's admins hear about the import once, not once per row
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(bnvAdmin)
                .queryParam("size", 100)
            .when().get(platform.gatewayUrl() + "/api/notification/inbox")
            .then().statusCode(200).body("items.title", hasItem("Nhập danh sách cán bộ theo 878/QĐ-BNV")));
    }

    private static io.restassured.response.ValidatableResponse importAnnex(String token, Path file, String ministry,
                                                                          String decision, boolean dryRun)
            throws Exception {
        String type = file.toString().endsWith(".csv") ? "text/csv"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var request = given().auth().oauth2(token)
                .multiPart("file", file.getFileName().toString(), Files.readAllBytes(file), type)
                .queryParam("ministry", ministry).queryParam("dryRun", dryRun);
        if (decision != null) {
            request.queryParam("decision", decision);
        }
        return request.when().post(platform.gatewayUrl() + "/api/personnel/officials/imports")
                .then().statusCode(200).contentType("application/json");
    }

    @Test
    @Order(8)
    void theImportedOfficialsAreSecondedToThe34ProvincesByTheirDecisionAndTheRoundIsRescheduled() {
        String gateway = platform.gatewayUrl();
        String bnvAdmin = tokens.forUser("bnv.admin");
        String round = given().auth().oauth2(bnvAdmin).contentType(ContentType.JSON)
                .body("""
                        {"type": "RESIDENT_SECONDMENT", "name": "Tăng cường công chức hỗ trợ chính quyền địa phương",
                         "decision": {"number": "878/QĐ-BNV", "date": "2025-08-11", "signer": "Bộ trưởng Bộ Nội vụ"},
                         "startDate": "2025-08-20", "endDate": "2025-10-20", "provinceQuotas": {"79": 2}}""")
            .when().post(gateway + "/api/assignment/deployments")
            .then().statusCode(201).body("provinceCodes.size()", equalTo(34)).extract().path("id");
        List<String> provinces = given().auth().oauth2(bnvAdmin).when().get(gateway + "/api/assignment/provinces")
                .then().statusCode(200).extract().path("code");
        List<String> annex = given().auth().oauth2(bnvAdmin).queryParam("ministry", "BNV").queryParam("size", 100)
                .when().get(gateway + "/api/personnel/officials")
                .then().statusCode(200)
                .extract().path("items.findAll { it.email.endsWith('@bnv.example.vn') }.id");
        assertThat(provinces).hasSize(34);
        assertThat(annex).hasSize(34);
        // the annex's officials reach assignment-service through personnel-service's events on Kafka
        for (int i = 0; i < 34; i++) {
            assignWhenKnown(bnvAdmin, round, annex.get(i), provinces.get(i));
        }
        // the second official for Hồ Chí Minh City is the realm's officer
        assignWhenKnown(bnvAdmin, round, officerOfficialId, "79");

        String tag = given().auth().oauth2(bnvAdmin).get(gateway + "/api/assignment/deployments/" + round)
                .then().extract().header("ETag");
        tag = given().auth().oauth2(bnvAdmin).header("If-Match", tag)
            .when().post(gateway + "/api/assignment/deployments/" + round + "/issue")
            .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(bnvAdmin).header("If-Match", tag).contentType(ContentType.JSON)
                .body("""
                        {"startDate": "2025-09-03", "endDate": "2025-11-03",
                         "decision": {"number": "1013/QĐ-BNV", "date": "2025-08-29"},
                         "reason": "Điều chỉnh thời gian tăng cường"}""")
            .when().post(gateway + "/api/assignment/deployments/" + round + "/reschedule")
            .then().statusCode(200).body("startDate", equalTo("2025-09-03"));

        // the officer, signed in through Keycloak, sees their own assignment with the new period
        given().auth().oauth2(tokens.forUser("bnv.officer"))
            .when().get(gateway + "/api/assignment/assignments")
            .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].provinceCode", equalTo("79"))
                .body("items[0].startDate", equalTo("2025-09-03"))
                .body("items[0].endDate", equalTo("2025-11-03"));
        // Hồ Chí Minh City's liaison sees the two officials sent there; as of before the amendment, the old period
        given().auth().oauth2(tokens.forUser("liaison.hcm")).queryParam("deployment", round).queryParam("asOf", "2025-08-25")
            .when().get(gateway + "/api/assignment/assignments")
            .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.endDate", equalTo(List.of("2025-10-20", "2025-10-20")));
        // and personnel-service, fed by assignment-service's events, shows the officer as assigned
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(bnvAdmin)
            .when().get(gateway + "/api/personnel/officials/" + officerOfficialId)
            .then().statusCode(200).body("secondmentStatus", equalTo("ASSIGNED")));
    }

    private void assignWhenKnown(String token, String round, String official, String province) {
        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"officialId\": \"%s\", \"provinceCode\": \"%s\"}".formatted(official, province))
                .when().post(platform.gatewayUrl() + "/api/assignment/deployments/" + round + "/assignments")
                .then().extract().statusCode() == 201);
    }

    @Test
    @Order(9)
    void theOfficerReportsTheWeekAndTheMinistrysUnitAnswersTheEscalatedIssue() {
        String gateway = platform.gatewayUrl();
        String officer = tokens.forUser("bnv.officer");
        String coordinator = tokens.forUser("bnv.coordinator");
        // the ministry's IT centre, announced by personnel-service to report-service
        given().auth().oauth2(tokens.forUser("bnv.admin")).contentType(ContentType.JSON)
                .body("""
                        {"code": "TT-CNTT", "name": "Trung tâm Công nghệ thông tin", "type": "PUBLIC_SERVICE_UNIT"}""")
            .when().post(gateway + "/api/personnel/units")
            .then().statusCode(201);

        // the officer's assignment reached report-service: the week of 8/9/2025 owes a report
        String week37 = await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(officer)
                .queryParam("week", "2025-W37").when().get(gateway + "/api/report/weekly-reports")
                .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
        String assignment = given().auth().oauth2(officer).when().get(gateway + "/api/report/weekly-reports/" + week37)
                .then().statusCode(200).body("provinceCode", equalTo("79")).extract().path("assignmentId");

        // the visit to Phường Dĩ An on 10/9/2025, with the software errors found there
        String issue = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("""
                        {"assignmentId": "%s", "visitDate": "2025-09-10", "communeCode": "25942",
                         "communeGroup": "CENTRAL_WARD", "activities": "Làm việc với UBND phường Dĩ An",
                         "findings": "Khối lượng thủ tục hành chính lớn, biên chế mỏng",
                         "issues": [{"field": "PHAN_MEM_HA_TANG_SO", "kind": "DIFFICULTY",
                                     "title": "Lỗi phần mềm dịch vụ công khi chuyển hồ sơ",
                                     "description": "Hồ sơ từ cấp huyện cũ không hiển thị",
                                     "affectsCitizensOrBusinesses": true}]}""".formatted(assignment))
            .when().post(gateway + "/api/report/field-visits")
            .then().statusCode(201).body("communeName", equalTo("Phường Dĩ An")).extract().path("issueIds[0]");
        // escalated to the IT centre once report-service knows the unit; the unit, signed in with Keycloak
        // (its token carries ministry BNV and unit TT-CNTT), answers
        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(coordinator)
                .contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"unitCode\": \"TT-CNTT\"}")
                .when().post(gateway + "/api/report/issues/" + issue + "/escalate")
                .then().extract().statusCode() == 200);
        given().auth().oauth2(tokens.forUser("bnv.cntt")).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"answer\": \"Đã khắc phục lỗi đồng bộ hồ sơ\"}")
            .when().post(gateway + "/api/report/issues/" + issue + "/answer")
            .then().statusCode(200).body("status", equalTo("ANSWERED"));

        // the week's report starts from the visit, is sent (late: the week is long past) and accepted
        String tag = given().auth().oauth2(officer).when().get(gateway + "/api/report/weekly-reports/" + week37)
                .then().extract().header("ETag");
        tag = given().auth().oauth2(officer).header("If-Match", tag)
            .when().post(gateway + "/api/report/weekly-reports/" + week37 + "/draft")
            .then().statusCode(200).body("communesVisited", containsString("Phường Dĩ An (25942)"))
                .extract().header("ETag");
        tag = given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", tag)
                .body("""
                        {"summary": "Phường Dĩ An vận hành ổn định", "activities": "Làm việc với UBND phường Dĩ An"}""")
            .when().put(gateway + "/api/report/weekly-reports/" + week37)
            .then().statusCode(200).extract().header("ETag");
        tag = given().auth().oauth2(officer).header("If-Match", tag)
            .when().post(gateway + "/api/report/weekly-reports/" + week37 + "/submission")
            .then().statusCode(200).body("late", equalTo(true)).extract().header("ETag");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"decision\": \"ACCEPT\", \"comment\": \"Tiếp thu\"}")
            .when().post(gateway + "/api/report/weekly-reports/" + week37 + "/review")
            .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        // the officer hears of it by e-mail too (their own affairs, on by default), through the stack's mail server,
        // within the sender's next poll (5 s); the bound is for a loaded machine
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() ->
                assertThat(mailSubjects("bnv.officer@secondment.local"))
                        .contains("[Tăng cường cơ sở] Báo cáo tuần 2025-W37 đã được chấp nhận"));

        // leadership's view: BNV in Hồ Chí Minh City that week, two officials, one report sent late and accepted
        given().auth().oauth2(tokens.forUser("viewer")).queryParam("ministry", "BNV").queryParam("province", "79")
                .queryParam("from", "2025-W37")
            .when().get(gateway + "/api/report/figures")
            .then().statusCode(200)
                .body("rows[0].officialsOnSite", equalTo(2))
                .body("rows[0].reports.due", equalTo(2))
                .body("rows[0].reports.submitted", equalTo(1))
                .body("rows[0].reports.late", equalTo(1))
                .body("rows[0].reports.accepted", equalTo(1));
    }

    @Test
    @Order(10)
    void theOfficialAndTheInboxEntrySurviveARestartOfTheWholeStack() {
        platform.restart();
        tokens = platform.tokens();
        String bnvAdmin = tokens.forUser("bnv.admin");

        given()
                .auth().oauth2(bnvAdmin)
            .when()
                .get(platform.gatewayUrl() + "/api/personnel/officials/" + officialId)
            .then()
                .statusCode(200)
                .body("fullName", equalTo("Nguyễn Thị Hoa"));
        List<String> subjects = given()
                .auth().oauth2(bnvAdmin)
            .when()
                .get(platform.gatewayUrl() + "/api/notification/inbox")
            .then()
                .statusCode(200)
                .extract().path("items.subjectId");
        // exactly once: the restarted consumer did not process the event again
        assertThat(subjects).containsOnlyOnce(officialId);
    }

    /** The subjects in an address's mailbox on the local stack's IMAP server (the address is login and password). */
    private static List<String> mailSubjects(String address) throws Exception {
        return Mailboxes.subjects(URI.create(platform.imapUrl()), address);
    }

    /** Officials are unique by work email, also across runs of this test on a kept stack. */
    private static String uniqueEmail(String ministry) {
        return "e2e." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@" + ministry + ".gov.vn";
    }
}
