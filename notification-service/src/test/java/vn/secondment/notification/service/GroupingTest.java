package vn.secondment.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.WithRealInfrastructure;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.NO_CONTENT;
import static jakarta.ws.rs.core.Response.Status.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Entries of one kind that reach one audience at once are one entry: 34 overdue weekly reports of Bộ Nội vụ for
 * one week are one entry of count 34 with a link to the filtered list; once read, the next ones start a new entry;
 * an official's several overdue reports are one entry, whose e-mail waits for the group's window to close.
 */
@QuarkusTest
@WithRealInfrastructure
class GroupingTest {

    private static final String WEEK = "2025-W44";
    private static final String OVERDUE = ReportEvents.WEEKLY_REPORT_OVERDUE.name();
    private static final String BNV_COORDINATOR = TestTokens.user("grouping.bnv.coordinator")
            .roles(Roles.COORDINATOR).ministry("BNV").token();
    private static final String BNV_OTHER_COORDINATOR = TestTokens.user("grouping.bnv.coordinator2")
            .roles(Roles.COORDINATOR).ministry("BNV").token();

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    EntityManager em;

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void thirtyFourOverdueReportsOfOneMinistryAndWeekAreOneEntryAndAReadOneIsNotReopened() {
        for (int i = 0; i < 34; i++) {
            publishOverdue(UUID.randomUUID(), UUID.randomUUID(), "79", WEEK);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(overdueOfWeek(BNV_COORDINATOR)).singleElement()
                        .satisfies(entry -> assertThat(entry.get("count")).isEqualTo(34)));
        Map<String, Object> group = overdueOfWeek(BNV_COORDINATOR).get(0);
        System.out.printf("34 overdue events -> %d entry: \"%s\" (count %s), link %s%n",
                overdueOfWeek(BNV_COORDINATOR).size(), group.get("title"), group.get("count"), group.get("link"));
        assertThat(group.get("title")).isEqualTo("34 báo cáo tuần quá hạn — Bộ Nội vụ, tuần 2025-W44");
        assertThat(group.get("body")).isEqualTo("34 cán bộ của Bộ Nội vụ chưa nộp báo cáo tuần 2025-W44 đúng hạn.");
        assertThat(group.get("link")).isEqualTo("/api/report/weekly-reports?ministry=BNV&week=2025-W44&overdue=true");
        // the English text names the ministry in English too (for mail in English)
        assertThat(englishTitleOf(UUID.fromString((String) group.get("id"))))
                .isEqualTo("34 weekly reports overdue — Ministry of Home Affairs, week 2025-W44");

        // a coordinator read it: the next overdue reports of that week start a new entry, the read one stays 34
        given().auth().oauth2(BNV_OTHER_COORDINATOR)
            .when().post("/api/notification/inbox/{id}/read", group.get("id"))
            .then().statusCode(NO_CONTENT.getStatusCode());
        for (int i = 0; i < 3; i++) {
            publishOverdue(UUID.randomUUID(), UUID.randomUUID(), "79", WEEK);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(overdueOfWeek(BNV_COORDINATOR)).extracting(e -> e.get("count"))
                        .containsExactly(3, 34));
        List<Map<String, Object>> entries = overdueOfWeek(BNV_COORDINATOR);
        System.out.printf("after a read and 3 more: %s%n", entries.stream().map(e -> e.get("title")).toList());
        assertThat(entries.get(0).get("title")).isEqualTo("3 báo cáo tuần quá hạn — Bộ Nội vụ, tuần 2025-W44");
        assertThat(entries.get(1).get("id")).isEqualTo(group.get("id"));
    }

    @Test
    void anOfficialsOverdueReportsAreOneEntryWhoseMailWaitsForTheWindow() {
        UUID officialId = UUID.randomUUID();
        String email = "grouping." + officialId + "@moha.gov.vn";
        register(officialId, email);
        UUID assignmentId = UUID.randomUUID();
        Instant before = Instant.now();

        for (String week : List.of("2025-W40", "2025-W41", "2025-W42")) {
            publishOverdue(officialId, assignmentId, "79", week);
        }

        String officer = TestTokens.user("grouping.officer").roles(Roles.OFFICER).ministry("BNV").email(email)
                .token();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inbox(officer, OVERDUE))
                .singleElement().satisfies(e -> assertThat(e.get("count")).isEqualTo(3)));
        Map<String, Object> entry = inbox(officer, OVERDUE).get(0);
        assertThat(entry.get("title")).isEqualTo("3 báo cáo tuần quá hạn — tại Thành phố Hồ Chí Minh");
        assertThat(entry.get("link"))
                .isEqualTo("/api/report/weekly-reports?assignment=" + assignmentId + "&overdue=true");

        // one e-mail for the group, due when the window (2 minutes from the first entry) closes: then it tells all 3
        List<Object[]> mails = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT d.next_attempt_at, e.group_closes_at FROM email_delivery d
                          JOIN inbox_entry e ON e.id = d.entry_id
                         WHERE lower(d.recipient_email) = lower(:email) AND d.event_type = :type""", Object[].class)
                .setParameter("email", email).setParameter("type", OVERDUE).getResultList());
        assertThat(mails).hasSize(1);
        Instant nextAttempt = instant(mails.get(0)[0]);
        Instant closes = instant(mails.get(0)[1]);
        System.out.printf("official's 3 overdue reports: 1 entry, %d e-mail due at %s (window closes %s, %d s after "
                + "the first event)%n", mails.size(), nextAttempt, closes, Duration.between(before, closes).toSeconds());
        assertThat(nextAttempt).isEqualTo(closes);
        assertThat(closes).isAfter(before.plus(Duration.ofSeconds(90)));
    }

    private void register(UUID officialId, String email) {
        kafka.publish(Topics.PERSONNEL, TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1,
                "/personnel-service", officialId.toString(), "BNV", Instant.now(),
                new OfficialSnapshot(officialId, "Lê Thị Mai", "BNV", null, "Chuyên viên", "CIVIL_SERVANT", email,
                        List.of(), true, null)));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM known_official WHERE id = :id")
                        .setParameter("id", officialId).getSingleResult()).intValue() == 1));
    }

    private void publishOverdue(UUID officialId, UUID assignmentId, String province, String week) {
        UUID reportId = UUID.randomUUID();
        kafka.publish(Topics.REPORT, TestEvents.envelope(OVERDUE, ReportEvents.WEEKLY_REPORT_OVERDUE.schemaVersion(),
                "/report-service", reportId.toString(), "BNV", Instant.now(),
                new WeeklyReportSnapshot(reportId, assignmentId, officialId, "BNV", province, week,
                        LocalDate.of(2025, 9, 22), Instant.parse("2025-09-28T10:00:00Z"), "DUE", null, false, null,
                        null)));
    }

    private String englishTitleOf(UUID entryId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT title_en FROM inbox_entry WHERE id = :id").setParameter("id", entryId).getSingleResult());
    }

    private static List<Map<String, Object>> overdueOfWeek(String token) {
        return inbox(token, OVERDUE).stream()
                .filter(e -> String.valueOf(e.get("title")).contains(WEEK)).toList();
    }

    private static List<Map<String, Object>> inbox(String token, String type) {
        JsonPath page = given().auth().oauth2(token).queryParam("type", type).queryParam("size", 100)
            .when().get("/api/notification/inbox")
            .then().statusCode(OK.getStatusCode()).extract().jsonPath();
        return page.getList("items");
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
