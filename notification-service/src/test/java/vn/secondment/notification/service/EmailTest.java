package vn.secondment.notification.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.AdjustableClock;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * E-mail end to end: events from the real broker become inbox entries, their mail is queued in the same
 * transaction and sent over real SMTP (GreenMail) by the sender, which the tests drive at chosen instants.
 */
@QuarkusTest
@WithRealInfrastructure
@WithTestResource(GreenMailResource.class)
class EmailTest {

    private static final String SUBSCRIPTION = "/api/notification/subscriptions/me";
    private static final String DELIVERIES = "/api/notification/deliveries";
    private static final String BNV_ADMIN = TestTokens.user("email.bnv.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BNV").token();
    private static final String BCT_ADMIN = TestTokens.user("email.bct.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BCT").token();
    private static final String PLATFORM_ADMIN = TestTokens.user("email.platform.admin")
            .roles(Roles.PLATFORM_ADMIN).token();

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    EmailSender sender;

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @AfterEach
    void realTimeAndServer() {
        clock.reset();
        if (!GreenMailResource.server().isRunning()) {
            GreenMailResource.startServer();
        }
    }

    @Test
    void mailsAReturnedWeeklyReportToItsOfficialInVietnamese() throws Exception {
        String email = "hoa.nt." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Nguyễn Thị Hoa", email);
        UUID reportId = UUID.randomUUID();

        publish(event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                weeklyReport(reportId, officialId, "RETURNED", "Bổ sung số liệu thủ tục hành chính của phường.")));
        awaitQueued(email);
        sendAllDue(Instant.now());

        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("[Tăng cường cơ sở] Báo cáo tuần 2025-W37 bị trả lại");
        assertThat(Arrays.toString(mail.getFrom())).contains("thongbao@secondment.gov.vn");
        String text = textOf(mail, "text/plain");
        assertThat(text).contains("Nhận xét: Bổ sung số liệu thủ tục hành chính của phường.")
                .contains("Xem hộp thư thông báo: http://localhost:8080/inbox");
        assertThat(textOf(mail, "text/html")).contains("<a href=\"http://localhost:8080/inbox\">");
    }

    @Test
    void mailsNothingTwiceWhenTheSameEventIsDeliveredAgain() throws Exception {
        String email = "lam.nv." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Ngô Văn Lâm", email);
        String officer = TestTokens.user("email.lam").roles(Roles.OFFICER).email(email).token();
        UUID reportId = UUID.randomUUID();
        ObjectNode returned = event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                weeklyReport(reportId, officialId, "RETURNED", null));

        publish(returned);
        publish(returned);
        // same key, same partition: once the acceptance is in the inbox, both copies were consumed
        publish(event(ReportEvents.WEEKLY_REPORT_ACCEPTED, reportId,
                weeklyReport(reportId, officialId, "ACCEPTED", null)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(officer)
                .queryParam("size", 100).when().get("/api/notification/inbox")
                .then().statusCode(OK.getStatusCode())
                .body("items.title", hasItem("Báo cáo tuần 2025-W37 đã được chấp nhận")));
        sendAllDue(Instant.now());

        assertThat(mailsTo(email).stream().map(EmailTest::subject)).containsExactlyInAnyOrder(
                "[Tăng cường cơ sở] Báo cáo tuần 2025-W37 bị trả lại",
                "[Tăng cường cơ sở] Báo cáo tuần 2025-W37 đã được chấp nhận");
    }

    @Test
    void mailsAnEnglishSubscriberWithTheEnglishTemplate() throws Exception {
        String email = "minh.lq." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Lê Quang Minh", email);
        String officer = TestTokens.user("email.minh." + UUID.randomUUID()).roles(Roles.OFFICER).ministry("BNV")
                .email(email).token();
        given().auth().oauth2(officer).contentType("application/json")
                .body(Map.of("email", true, "language", "en", "digest", "NONE"))
            .when().put(SUBSCRIPTION)
            .then().statusCode(OK.getStatusCode()).header("ETag", "\"0\"").body("address", equalTo(email));
        // replacing it needs the ETag last read
        given().auth().oauth2(officer).contentType("application/json").body(Map.of("email", true, "language", "en"))
            .when().put(SUBSCRIPTION).then().statusCode(428);
        given().auth().oauth2(officer).contentType("application/json").header("If-Match", "\"7\"")
                .body(Map.of("email", true, "language", "en"))
            .when().put(SUBSCRIPTION).then().statusCode(412);
        given().auth().oauth2(officer).when().get(SUBSCRIPTION)
            .then().statusCode(OK.getStatusCode()).body("language", equalTo("en")).body("digest", equalTo("NONE"));
        UUID reportId = UUID.randomUUID();

        publish(event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                weeklyReport(reportId, officialId, "RETURNED", "Thiếu số liệu.")));
        awaitQueued(email);
        sendAllDue(Instant.now());

        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("[Secondment] Weekly report 2025-W37 returned");
        // the reviewer's words stay as written
        assertThat(textOf(mails.get(0), "text/plain")).contains("Comment: Thiếu số liệu.")
                .contains("Open your inbox: http://localhost:8080/inbox");
    }

    @Test
    void mailsTheSubscribersWhoseRoleMinistryAndFiltersTakeInTheEvent() throws Exception {
        String bnv = subscribe("email.bnv.coordinator", Roles.COORDINATOR, "BNV", List.of());
        String bnvIn01 = subscribe("email.bnv.coordinator.01", Roles.COORDINATOR, "BNV", List.of("01"));
        String bct = subscribe("email.bct.coordinator", Roles.COORDINATOR, "BCT", List.of());
        String bnvOfficer = subscribe("email.bnv.officer", Roles.OFFICER, "BNV", List.of());
        String bnvInEnglish = subscribe("email.bnv.coordinator.en", Roles.COORDINATOR, "BNV", List.of(), "en");
        UUID officialId = register("Vũ Thị Hạnh", "hanh.vt." + UUID.randomUUID() + "@moha.gov.vn");
        UUID reportId = UUID.randomUUID();

        // submitted in province 79: for BNV's coordinators
        publish(event(ReportEvents.WEEKLY_REPORT_SUBMITTED, reportId,
                weeklyReport(reportId, officialId, "SUBMITTED", null)));
        awaitQueued(bnv);
        sendAllDue(Instant.now());

        assertThat(mailsTo(bnv)).singleElement().extracting(EmailTest::subject)
                .isEqualTo("[Tăng cường cơ sở] Báo cáo tuần 2025-W37 đã nộp: Vũ Thị Hạnh");
        assertThat(mailsTo(bnvInEnglish)).singleElement().extracting(EmailTest::subject)
                .as("the entry's English text, naming the ministry and province in English")
                .isEqualTo("[Secondment] Weekly report 2025-W37 submitted: Vũ Thị Hạnh");
        assertThat(textOf(mailsTo(bnvInEnglish).get(0), "text/plain")).contains("Ho Chi Minh City");
        assertThat(deliveriesTo(bnvIn01)).as("a province filter of 01 leaves out an event in 79").isEmpty();
        assertThat(deliveriesTo(bct)).as("another ministry's coordinator").isEmpty();
        assertThat(deliveriesTo(bnvOfficer)).as("an officer is not a coordinator").isEmpty();
    }

    /** A user with this role and ministry subscribes to e-mail at a new address; returns the address. */
    private static String subscribe(String username, String role, String ministry, List<String> provinces) {
        return subscribe(username, role, ministry, provinces, "vi");
    }

    /** The same, in {@code language}. */
    private static String subscribe(String username, String role, String ministry, List<String> provinces,
                                    String language) {
        String email = username + "." + UUID.randomUUID() + "@moha.gov.vn";
        String token = TestTokens.user(username + "." + UUID.randomUUID()).roles(role).ministry(ministry)
                .email(email).token();
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("email", true, "provinces", provinces, "language", language))
            .when().put(SUBSCRIPTION).then().statusCode(OK.getStatusCode());
        return email;
    }

    @Test
    void refusesASubscriptionWithoutAVerifiedEmail() {
        String noEmail = TestTokens.user("email.no-address").roles(Roles.OFFICER).ministry("BNV").token();
        given().auth().oauth2(noEmail).contentType("application/json").body(Map.of("email", true))
            .when().put(SUBSCRIPTION).then().statusCode(422);
    }

    @Test
    void sendsADailySubscriberOneDigestAtSevenVietnamTime() throws Exception {
        String email = "lan.pt." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Phạm Thị Lan", email);
        String officer = TestTokens.user("email.lan." + UUID.randomUUID()).roles(Roles.OFFICER).ministry("BNV")
                .email(email).token();
        given().auth().oauth2(officer).contentType("application/json")
                .body(Map.of("email", true, "digest", "DAILY", "language", "vi"))
            .when().put(SUBSCRIPTION).then().statusCode(OK.getStatusCode());
        // 03:00 on 16 September in Vietnam: the digest of that day goes out at 07:00 (00:00 UTC)
        Instant night = Instant.parse("2025-09-15T20:00:00Z");
        clock.set(night);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        publish(event(ReportEvents.WEEKLY_REPORT_RETURNED, first, weeklyReport(first, officialId, "RETURNED", null)));
        publish(event(ReportEvents.WEEKLY_REPORT_ACCEPTED, second,
                weeklyReport(second, officialId, "ACCEPTED", null)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveriesTo(email)).hasSize(2));

        sendAllDue(night);
        assertThat(sender.sendDigests(Instant.parse("2025-09-15T23:59:00Z"))).isZero();
        assertThat(mailsTo(email)).isEmpty();

        assertThat(sender.sendDigests(Instant.parse("2025-09-16T00:00:00Z"))).isGreaterThanOrEqualTo(1);
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject())
                .isEqualTo("[Tăng cường cơ sở] Bản tin ngày 2025-09-16: 2 thông báo mới");
        // both entries, numbered, in the one message
        assertThat(textOf(mails.get(0), "text/plain")).contains("1. Báo cáo tuần 2025-W37 ")
                .contains("2. Báo cáo tuần 2025-W37 ").contains("Báo cáo tuần 2025-W37 bị trả lại")
                .contains("Báo cáo tuần 2025-W37 đã được chấp nhận");
        // sent once: the next morning has nothing left for this address
        sender.sendDigests(Instant.parse("2025-09-17T00:00:00Z"));
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void sendsABurstOfMailWithoutLosingOne() {
        // before the sender started each send on one event loop, about one send in twenty stalled here
        String email = "binh.tt." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Trần Thanh Bình", email);
        int count = 60;
        for (int i = 0; i < count; i++) {
            UUID reportId = UUID.randomUUID();
            publish(event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                    weeklyReport(reportId, officialId, "RETURNED", "Lần " + (i + 1))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveriesTo(email)).hasSize(count));

        sendAllDue(Instant.now());

        assertThat(mailsTo(email)).hasSize(count);
        assertThat(deliveriesTo(email)).allSatisfy(d -> assertThat(d)
                .containsEntry("status", "SENT").containsEntry("attempt", 1).containsEntry("error", null));
    }

    @Test
    void sendsTheOldestMailFirstWhateverItsAddress() {
        sendAllDue(Instant.now());
        // a full batch queued first for an address late in the alphabet, then one for an address early in it
        String late = "zz.vu." + UUID.randomUUID() + "@moha.gov.vn";
        String early = "aa.an." + UUID.randomUUID() + "@moha.gov.vn";
        UUID lateOfficial = register("Vũ Văn Z", late);
        UUID earlyOfficial = register("An Văn A", early);
        int batch = 20;
        for (int i = 0; i < batch; i++) {
            UUID reportId = UUID.randomUUID();
            publish(event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                    weeklyReport(reportId, lateOfficial, "RETURNED", "Lần " + (i + 1))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveriesTo(late)).hasSize(batch));
        UUID reportId = UUID.randomUUID();
        publish(event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                weeklyReport(reportId, earlyOfficial, "RETURNED", "Sau cùng")));
        awaitQueued(early);

        // one run of the sender claims one batch (notification.email.batch-size, 20): the oldest
        sender.sendDue(Instant.now());

        assertThat(deliveriesTo(late)).allSatisfy(d -> assertThat(d).containsEntry("status", "SENT"));
        assertThat(deliveriesTo(early)).singleElement().satisfies(d -> assertThat(d).containsEntry("status", "PENDING"));
        sendAllDue(Instant.now());
        assertThat(deliveriesTo(early)).singleElement().satisfies(d -> assertThat(d).containsEntry("status", "SENT"));
    }

    @Test
    void onePollSendsABacklogLargerThanABatch() {
        sendAllDue(Instant.now());
        String email = "backlog.lan." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Trần Thị Lan", email);
        int backlog = 45; // more than two batches of notification.email.batch-size (20)
        for (int i = 0; i < backlog; i++) {
            UUID reportId = UUID.randomUUID();
            publish(event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                    weeklyReport(reportId, officialId, "RETURNED", "Lần " + (i + 1))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveriesTo(email)).hasSize(backlog));

        // the scheduled run: batch after batch until one is not full, not one batch per poll interval
        sender.poll();

        assertThat(deliveriesTo(email)).allSatisfy(d -> assertThat(d).containsEntry("status", "SENT"));
        assertThat(mailsTo(email)).hasSize(backlog);
    }

    @Test
    void recordsAFailedSendWithARetryTimeAndSendsItWhenTheServerIsBack() throws Exception {
        String email = "tuan.dv." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Đỗ Văn Tuấn", email);
        UUID reportId = UUID.randomUUID();
        publish(event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                weeklyReport(reportId, officialId, "RETURNED", null)));
        awaitQueued(email);
        // whole milliseconds: the database keeps microseconds, rounded where Java would truncate
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        GreenMailResource.stopServer();
        try {
            sendAllDue(now);
        } finally {
            // the other tests need the server whatever happens here
            GreenMailResource.startServer();
        }
        Map<String, Object> failed = deliveriesTo(email).get(0);
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("attempt", 1);
        // the first retry waits notification.email.backoff (1m)
        assertThat(Instant.parse((String) failed.get("nextAttemptAt"))).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat((String) failed.get("error")).isNotBlank();

        // not due yet: the backoff holds it back
        sendAllDue(now.plusSeconds(30));
        assertThat(mailsTo(email)).isEmpty();
        sendAllDue(now.plus(Duration.ofMinutes(1)));
        assertThat(mailsTo(email)).hasSize(1);
        Map<String, Object> sent = deliveriesTo(email).get(0);
        assertThat(sent).containsEntry("status", "SENT").containsEntry("attempt", 2).containsEntry("error", null);
    }

    @Test
    void showsEmailDeliveriesToAdminsOfTheEventsMinistryOnly() {
        String email = "thu.hm." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Hoàng Minh Thu", email);
        UUID reportId = UUID.randomUUID();
        publish(event(ReportEvents.WEEKLY_REPORT_RETURNED, reportId,
                weeklyReport(reportId, officialId, "RETURNED", null)));
        awaitQueued(email);

        assertThat(deliveriesTo(email)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("channel", "email").containsEntry("ministryCode", "BNV")
                .containsEntry("eventType", ReportEvents.WEEKLY_REPORT_RETURNED.name()));
        given().auth().oauth2(BNV_ADMIN).queryParam("channel", "email").queryParam("size", 100)
            .when().get(DELIVERIES)
            .then().statusCode(OK.getStatusCode()).body("items.recipient", hasItem(email));
        given().auth().oauth2(BCT_ADMIN).queryParam("channel", "email").queryParam("size", 100)
            .when().get(DELIVERIES)
            .then().statusCode(OK.getStatusCode()).body("items.recipient", not(hasItem(email)));
        given().auth().oauth2(PLATFORM_ADMIN).queryParam("channel", "fax")
            .when().get(DELIVERIES).then().statusCode(400);
        given().auth().oauth2(PLATFORM_ADMIN).queryParam("recipient", email)
            .when().get(DELIVERIES).then().statusCode(400).body("violations[0].field", equalTo("recipient"));
    }

    /** Sends everything due at {@code now}, however many batches that takes (failures wait for later). */
    private void sendAllDue(Instant now) {
        int guard = 0;
        while (sender.sendDue(now) > 0 && guard++ < 50) {
            // the next batch
        }
    }

    private static List<Map<String, Object>> deliveriesTo(String email) {
        // the filter ignores case, as mail addresses do
        return given().auth().oauth2(PLATFORM_ADMIN).queryParam("channel", "email")
                .queryParam("recipient", email.toUpperCase(Locale.ROOT)).queryParam("size", 100)
                .when().get(DELIVERIES)
                .then().statusCode(OK.getStatusCode())
                .extract().jsonPath().getList("items");
    }

    private static void awaitQueued(String email) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveriesTo(email)).isNotEmpty());
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(GreenMailResource.server().getReceivedMessages())
                .filter(m -> recipients(m).contains(email)).toList();
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the message's first part of this type (so UTF-8 is checked as the reader sees it). */
    private static String textOf(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = textOf(child, type);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Registers an official with personnel-service's event and waits until this service knows them. */
    private UUID register(String name, String email) {
        UUID officialId = UUID.randomUUID();
        publish(TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1, "/personnel-service",
                officialId.toString(), "BNV", Instant.now(),
                new OfficialSnapshot(officialId, name, "BNV", null, "Chuyên viên chính", "CIVIL_SERVANT", email,
                        List.of(), true, null)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .auth().oauth2(BNV_ADMIN).queryParam("size", 100)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode()).body("items.subjectId", hasItem(officialId.toString())));
        return officialId;
    }

    private static WeeklyReportSnapshot weeklyReport(UUID reportId, UUID officialId, String status, String comment) {
        return new WeeklyReportSnapshot(reportId, UUID.randomUUID(), officialId, "BNV", "79", "2025-W37",
                LocalDate.of(2025, 9, 8), Instant.parse("2025-09-14T10:00:00Z"), status,
                Instant.parse("2025-09-13T09:00:00Z"), false, comment, null);
    }

    private static ObjectNode event(EventType type, UUID subject, Object data) {
        return TestEvents.envelope(type.name(), type.schemaVersion(), "/report-service", subject.toString(), "BNV",
                Instant.now(), data);
    }

    private void publish(ObjectNode envelope) {
        kafka.publish(Topics.REPORT, envelope);
    }
}
