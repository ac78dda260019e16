package vn.secondment.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.assignment.DeploymentSnapshot;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.FieldVisitRecorded;
import vn.secondment.events.report.IssueSnapshot;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Events of every producer, published to the real broker, reach exactly the people and units they concern. */
@QuarkusTest
@WithRealInfrastructure
class RoutingTest {

    private static final String BNV_ADMIN = TestTokens.user("routing.bnv.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BNV").token();
    private static final String BNV_COORDINATOR = TestTokens.user("routing.bnv.coordinator")
            .roles(Roles.COORDINATOR).ministry("BNV").token();
    private static final String BCT_COORDINATOR = TestTokens.user("routing.bct.coordinator")
            .roles(Roles.COORDINATOR).ministry("BCT").token();
    private static final String BNV_IT_CENTRE = TestTokens.user("routing.bnv.tt-cntt").roles(Roles.MINISTRY_UNIT)
            .ministry("BNV").unit("TT-CNTT").token();
    private static final String BNV_LOCAL_GOVERNMENT_DEPARTMENT = TestTokens.user("routing.bnv.vu-cqdp")
            .roles(Roles.MINISTRY_UNIT).ministry("BNV").unit("VU-CQDP").token();
    private static final String BCT_IT_CENTRE = TestTokens.user("routing.bct.tt-cntt").roles(Roles.MINISTRY_UNIT)
            .ministry("BCT").unit("TT-CNTT").token();
    private static final String LIAISON_79 = TestTokens.user("routing.liaison.79").roles(Roles.PROVINCE_LIAISON)
            .province("79").token();
    private static final String LIAISON_01 = TestTokens.user("routing.liaison.01").roles(Roles.PROVINCE_LIAISON)
            .province("01").token();

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    KafkaClientService kafkaClients;

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void sendsAReturnedWeeklyReportToItsOfficerOnly() {
        String email = "hoa.nt." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Nguyễn Thị Hoa", email);
        // the identity provider may spell the address differently: it is compared without case
        String officer = TestTokens.user("routing.hoa").roles(Roles.OFFICER).ministry("BNV")
                .email(email.toUpperCase()).token();
        String otherOfficer = TestTokens.user("routing.binh").roles(Roles.OFFICER).ministry("BNV")
                .email("binh.tv@moha.gov.vn").token();
        UUID reportId = UUID.randomUUID();

        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                weeklyReport(reportId, officialId, "RETURNED", "Bổ sung số liệu thủ tục hành chính của phường.")));

        awaitInboxHas(officer, reportId);
        given().auth().oauth2(officer).queryParam("size", 100)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode())
                .body("items.find { it.subjectId == '" + reportId + "' }.title",
                        equalTo("Báo cáo tuần 2025-W37 bị trả lại"))
                .body("items.find { it.subjectId == '" + reportId + "' }.body",
                        equalTo("Nhận xét: Bổ sung số liệu thủ tục hành chính của phường."));
        assertInboxLacks(otherOfficer, reportId);
        assertInboxLacks(BNV_COORDINATOR, reportId);
    }

    @Test
    void addsNothingWhenTheSameReportEventIsDeliveredAgain() {
        String email = "lam.nv." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Ngô Văn Lâm", email);
        String officer = TestTokens.user("routing.lam").roles(Roles.OFFICER).email(email).token();
        UUID reportId = UUID.randomUUID();
        ObjectNode returned = event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                weeklyReport(reportId, officialId, "RETURNED", null));

        publish(Topics.REPORT, returned);
        publish(Topics.REPORT, returned);
        // same key, same partition: once the acceptance is in the inbox, both copies were consumed
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_ACCEPTED, reportId,
                weeklyReport(reportId, officialId, "ACCEPTED", null)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(titlesAbout(officer, reportId)).contains("Báo cáo tuần 2025-W37 đã được chấp nhận"));

        assertThat(titlesAbout(officer, reportId)).containsExactlyInAnyOrder(
                "Báo cáo tuần 2025-W37 bị trả lại", "Báo cáo tuần 2025-W37 đã được chấp nhận");
    }

    @Test
    void addsNothingWhenTheConsumerStartsOverFromOlderOffsets() {
        String email = "quang.lv." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Lê Văn Quang", email);
        String officer = TestTokens.user("routing.quang").roles(Roles.OFFICER).email(email).token();
        UUID reportId = UUID.randomUUID();
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                weeklyReport(reportId, officialId, "RETURNED", null)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(titlesAbout(officer, reportId)).containsExactly("Báo cáo tuần 2025-W37 bị trả lại"));

        // what a consumer restarting after a crash (processed, offsets not yet committed) does, at its worst: it
        // reads its partitions again from the beginning, this event and every other test's
        List<Long> positions = kafkaClients.<String, String>getConsumer(ReportEventConsumer.CHANNEL)
                .runOnPollingThread(consumer -> {
                    consumer.seekToBeginning(consumer.assignment());
                    return consumer.assignment().stream().map(consumer::position).toList();
                })
                .await().atMost(Duration.ofSeconds(10));
        assertThat(positions).isNotEmpty().containsOnly(0L);
        // same key, same partition, after the returned event: once it is in, the partition was read again up to it
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_ACCEPTED, reportId,
                weeklyReport(reportId, officialId, "ACCEPTED", null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(titlesAbout(officer, reportId)).contains("Báo cáo tuần 2025-W37 đã được chấp nhận"));

        assertThat(titlesAbout(officer, reportId)).containsExactlyInAnyOrder(
                "Báo cáo tuần 2025-W37 bị trả lại", "Báo cáo tuần 2025-W37 đã được chấp nhận");
    }

    @Test
    void sendsAnEscalatedIssueToTheMinistrysCoordinatorsAndTheNamedUnitOnly() {
        UUID issueId = UUID.randomUUID();
        IssueSnapshot issue = new IssueSnapshot(issueId, "BNV", "79", "25942", "THU_TUC_HANH_CHINH",
                "Phần mềm một cửa điện tử báo lỗi", true, "ESCALATED", null, null, "TT-CNTT",
                LocalDate.of(2025, 9, 20), null, false, Instant.now(), null);

        publish(Topics.REPORT, event(ReportEvents.ISSUE_ESCALATED, issueId, issue));

        awaitInboxHas(BNV_COORDINATOR, issueId);
        awaitInboxHas(BNV_IT_CENTRE, issueId);
        assertThat(titlesAbout(BNV_IT_CENTRE, issueId))
                .containsExactly("Vướng mắc chuyển TT-CNTT: [Khẩn] Phần mềm một cửa điện tử báo lỗi");
        assertInboxLacks(BNV_LOCAL_GOVERNMENT_DEPARTMENT, issueId);
        assertInboxLacks(BCT_COORDINATOR, issueId);
        assertInboxLacks(BCT_IT_CENTRE, issueId);
    }

    @Test
    void sendsARescheduledAssignmentToItsOfficialAndTheLiaisonsOfItsProvince() {
        String email = "cuc.lt." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Lê Thị Cúc", email);
        String official = TestTokens.user("routing.cuc").roles(Roles.OFFICER).ministry("BNV").email(email).token();
        UUID assignmentId = UUID.randomUUID();
        AssignmentSnapshot assignment = new AssignmentSnapshot(assignmentId, UUID.randomUUID(), officialId, "BNV",
                "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3), AssignmentSnapshot.Status.PLANNED, null);

        // rescheduled while it ran (an assignment that had ended before its event tells nobody: PastFactsTest)
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_RESCHEDULED, assignmentId, assignment,
                Instant.parse("2025-09-10T02:00:00Z")));

        awaitInboxHas(official, assignmentId);
        awaitInboxHas(LIAISON_79, assignmentId);
        assertThat(titlesAbout(official, assignmentId))
                .containsExactly("Thời gian tăng cường tại Thành phố Hồ Chí Minh đã thay đổi");
        assertThat(titlesAbout(LIAISON_79, assignmentId))
                .containsExactly("Thay đổi thời gian tăng cường tại Thành phố Hồ Chí Minh: Lê Thị Cúc");
        assertInboxLacks(LIAISON_01, assignmentId);
    }

    @Test
    void tellsTheLeaderOfADelegationWithoutAProvinceThatTheyLeadIt() {
        String email = "tri.nq." + UUID.randomUUID() + "@mae.gov.vn";
        UUID officialId = register("Nguyễn Quốc Trị", email);
        String official = TestTokens.user("routing.tri").roles(Roles.OFFICER).ministry("BNV").email(email).token();
        UUID assignmentId = UUID.randomUUID();
        // issue 20: a delegation's leader and members go with it, so their events name no province
        AssignmentSnapshot lead = new AssignmentSnapshot(assignmentId, UUID.randomUUID(), officialId, "BNV", null,
                LocalDate.of(2025, 8, 11), LocalDate.of(2025, 8, 22), AssignmentSnapshot.Status.PLANNED, null, null,
                "LEAD", "Thứ trưởng");

        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_CREATED, assignmentId, lead,
                Instant.parse("2025-08-06T02:00:00Z")));

        awaitInboxHas(official, assignmentId);
        assertThat(titlesAbout(official, assignmentId))
                .containsExactly("Bạn được cử làm trưởng đoàn công tác / tổ công tác (Thứ trưởng)");
    }

    @Test
    void sendsARescheduledDeploymentToTheCoordinatorsAndTheLiaisonsOfEachTargetProvince() {
        UUID deploymentId = UUID.randomUUID();
        DeploymentSnapshot deployment = new DeploymentSnapshot(deploymentId, "BNV", "RESIDENT_SECONDMENT",
                "Tăng cường cán bộ hỗ trợ chính quyền địa phương hai cấp", "878/QĐ-BNV", LocalDate.of(2025, 9, 3),
                LocalDate.of(2025, 11, 3), List.of("79", "96"), "ISSUED",
                new DeploymentSnapshot.Amendment("901/QĐ-BNV", LocalDate.of(2025, 8, 19), "Lùi thời gian xuất phát",
                        LocalDate.of(2025, 8, 20), LocalDate.of(2025, 10, 20)), true);

        publish(Topics.ASSIGNMENT, event(AssignmentEvents.DEPLOYMENT_RESCHEDULED, deploymentId, deployment));

        awaitInboxHas(BNV_COORDINATOR, deploymentId);
        awaitInboxHas(LIAISON_79, deploymentId);
        assertThat(titlesAbout(BNV_COORDINATOR, deploymentId))
                .containsExactly("Đợt tăng cường 878/QĐ-BNV thay đổi thời gian");
        assertInboxLacks(LIAISON_01, deploymentId);
        assertInboxLacks(BCT_COORDINATOR, deploymentId);
    }

    @Test
    void aDraftCancelledBeforeItsDecisionWasIssuedConcernsTheCoordinatorsAlone() {
        UUID deploymentId = UUID.randomUUID();
        DeploymentSnapshot draft = new DeploymentSnapshot(deploymentId, "BNV", "RESIDENT_SECONDMENT",
                "Tăng cường cán bộ hỗ trợ chính quyền địa phương hai cấp (bản trùng)", "878/QĐ-BNV",
                LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3), List.of("79", "96"), "CANCELLED", null, false);

        publish(Topics.ASSIGNMENT, event(AssignmentEvents.DEPLOYMENT_CANCELLED, deploymentId, draft));

        awaitInboxHas(BNV_COORDINATOR, deploymentId);
        assertThat(titlesAbout(BNV_COORDINATOR, deploymentId))
                .containsExactly("Dự thảo đợt tăng cường 878/QĐ-BNV đã bị hủy trước khi ban hành");
        // the provinces never heard of the draft: the real round 878/QĐ-BNV goes on for them
        assertInboxLacks(LIAISON_79, deploymentId);
    }

    @Test
    void tellsNobodyOfAFieldVisitAndAnswersAnIssueToTheLiaisonsWhoRaisedIt() {
        UUID issueId = UUID.randomUUID();
        // keyed by the issue id, so the answer is consumed after the visit on the same partition
        publish(Topics.REPORT, event(ReportEvents.FIELD_VISIT_RECORDED, issueId, new FieldVisitRecorded(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "BNV", "79", "26734",
                LocalDate.of(2025, 9, 10), "CENTRAL_WARD", List.of(issueId), null, List.of(UUID.randomUUID()))));
        publish(Topics.REPORT, event(ReportEvents.ISSUE_ANSWERED_ON_SITE, issueId, new IssueSnapshot(issueId, "BNV",
                "79", "26734", "TO_CHUC_BO_MAY", "Bố trí công chức tư pháp - hộ tịch", false, "ANSWERED_ON_SITE",
                null, null, null, null, null, false, Instant.now(), null)));

        awaitInboxHas(LIAISON_79, issueId);
        given().auth().oauth2(LIAISON_79).queryParam("size", 100)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode())
                .body("items.findAll { it.subjectId == '" + issueId + "' }.eventType",
                        equalTo(List.of(ReportEvents.ISSUE_ANSWERED_ON_SITE.name())))
                .body("items.find { it.subjectId == '" + issueId + "' }.body",
                        equalTo("Đã trả lời tại chỗ theo hướng dẫn hiện hành của Bộ Nội vụ."));
        assertInboxLacks(BNV_COORDINATOR, issueId);
        assertInboxLacks(LIAISON_01, issueId);
    }

    @Test
    void namesMinistriesProvincesAndCommunesAsOfTheEventsDay() {
        String email = "names." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Vũ Thị Lan", email);
        String officer = TestTokens.user("routing.lan").roles(Roles.OFFICER).ministry("BNV").email(email).token();
        UUID in2025 = UUID.randomUUID();
        UUID in2026 = UUID.randomUUID();
        UUID issueId = UUID.randomUUID();

        // Đồng Nai (75) is a tỉnh until 29/04/2026 and a thành phố from 30/04/2026: each text names it as of its event
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_CREATED, in2025, new AssignmentSnapshot(in2025,
                UUID.randomUUID(), officialId, "BNV", "75", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3),
                AssignmentSnapshot.Status.PLANNED, null), Instant.parse("2025-08-25T02:00:00Z")));
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_CREATED, in2026, new AssignmentSnapshot(in2026,
                UUID.randomUUID(), officialId, "BNV", "75", LocalDate.of(2026, 5, 11), LocalDate.of(2026, 7, 10),
                AssignmentSnapshot.Status.PLANNED, null), Instant.parse("2026-05-04T02:00:00Z")));
        publish(Topics.REPORT, event(ReportEvents.ISSUE_RAISED, issueId, new IssueSnapshot(issueId, "BNV", "79",
                "26740", "TO_CHUC_BO_MAY", "Thiếu công chức địa chính", false, "OPEN", null, null, null, null, null,
                false, Instant.now(), null)));

        awaitInboxHas(officer, in2025);
        awaitInboxHas(officer, in2026);
        awaitInboxHas(LIAISON_79, issueId);
        List<String> created2025 = titlesAbout(officer, in2025);
        List<String> created2026 = titlesAbout(officer, in2026);
        String issueBody = given().auth().oauth2(LIAISON_79).queryParam("size", 100)
                .when().get("/api/notification/inbox")
                .then().statusCode(OK.getStatusCode())
                .extract().jsonPath().getString("items.find { it.subjectId == '" + issueId + "' }.body");
        String issueTitle = given().auth().oauth2(LIAISON_79).queryParam("size", 100)
                .when().get("/api/notification/inbox")
                .then().statusCode(OK.getStatusCode())
                .extract().jsonPath().getString("items.find { it.subjectId == '" + issueId + "' }.title");
        System.out.printf("names: %s | %s | %s | %s%n", created2025, created2026, issueTitle, issueBody);
        assertThat(created2025).containsExactly("Bạn được cử tăng cường tại Tỉnh Đồng Nai");
        assertThat(created2026).containsExactly("Bạn được cử tăng cường tại Thành phố Đồng Nai");
        assertThat(issueTitle).isEqualTo("Vướng mắc mới tại Thành phố Hồ Chí Minh: Thiếu công chức địa chính");
        assertThat(issueBody).isEqualTo("Lĩnh vực: tổ chức bộ máy, Phường Sài Gòn; Bộ Nội vụ trả lời.");
        given().auth().oauth2(officer).queryParam("size", 100)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode())
                .body("items.find { it.subjectId == '" + in2025 + "' }.body",
                        equalTo("Thời gian tăng cường: 03/09/2025 – 03/11/2025 (Bộ Nội vụ)."));
    }

    /** Registers an official with personnel-service's event and waits until this service knows them. */
    private UUID register(String name, String email) {
        UUID officialId = UUID.randomUUID();
        publish(Topics.PERSONNEL, TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1,
                "/personnel-service", officialId.toString(), "BNV", Instant.now(),
                new OfficialSnapshot(officialId, name, "BNV", null, "Chuyên viên chính", "CIVIL_SERVANT", email,
                        List.of(), true, null)));
        // the registration's inbox entry and the directory row commit together
        awaitInboxHas(BNV_ADMIN, officialId);
        return officialId;
    }

    private static WeeklyReportSnapshot weeklyReport(UUID reportId, UUID officialId, String status, String comment) {
        return new WeeklyReportSnapshot(reportId, UUID.randomUUID(), officialId, "BNV", "79", "2025-W37",
                LocalDate.of(2025, 9, 8), Instant.parse("2025-09-14T10:00:00Z"), status,
                Instant.parse("2025-09-13T09:00:00Z"), false, comment, null);
    }

    private static ObjectNode event(EventType type, UUID subject, Object data) {
        return event(type, subject, data, Instant.now());
    }

    private static ObjectNode event(EventType type, UUID subject, Object data, Instant time) {
        String source = type.name().startsWith("vn.secondment.report.") ? "/report-service" : "/assignment-service";
        return TestEvents.envelope(type.name(), type.schemaVersion(), source, subject.toString(), "BNV", time, data);
    }

    private void publish(String topic, ObjectNode envelope) {
        kafka.publish(topic, envelope);
    }

    private static void awaitInboxHas(String token, UUID subjectId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .auth().oauth2(token).queryParam("size", 100)
            .when()
                .get("/api/notification/inbox")
            .then()
                .statusCode(OK.getStatusCode())
                .body("items.subjectId", hasItem(subjectId.toString())));
    }

    private static void assertInboxLacks(String token, UUID subjectId) {
        given().auth().oauth2(token).queryParam("size", 100)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode()).body("items.subjectId", not(hasItem(subjectId.toString())));
    }

    private static List<String> titlesAbout(String token, UUID subjectId) {
        return given().auth().oauth2(token).queryParam("size", 100)
                .when().get("/api/notification/inbox")
                .then().statusCode(OK.getStatusCode())
                .extract().jsonPath().getList("items.findAll { it.subjectId == '" + subjectId + "' }.title");
    }
}
