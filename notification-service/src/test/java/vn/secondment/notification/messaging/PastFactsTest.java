package vn.secondment.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The record of the past tells nobody: a fact entered after it happened (a 2025 round entered in December 2026),
 * an assignment that had ended before its event, a "due" whose deadline had passed. Each is followed by a live
 * event on the same key (so the same partition, consumed after it) that does make an entry: once that is in the
 * inbox, the past one was consumed too.
 */
@QuarkusTest
@WithRealInfrastructure
class PastFactsTest {

    private static final Random RANDOM = new Random();
    private static final AfterTheFact ENTERED = new AfterTheFact("bnv.coordinator", Instant.now());

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    EntityManager em;

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void aWeeklyReportEnteredAfterTheFactMakesNoEntryAndNoMail() {
        String ministry = freshMinistry();
        String coordinator = TestTokens.user("past.coordinator").roles(Roles.COORDINATOR).ministry(ministry).token();
        UUID officialId = register(ministry);
        UUID assignmentId = UUID.randomUUID();
        UUID pastReport = UUID.randomUUID();
        // the same key for both: the live one is consumed after the past one
        String key = assignmentId.toString();
        String pastEvent = publish(key, ReportEvents.WEEKLY_REPORT_SUBMITTED, ministry, Instant.now(),
                report(pastReport, assignmentId, officialId, ministry, "2025-W37", "SUBMITTED", ENTERED));
        publish(key, ReportEvents.WEEKLY_REPORT_SUBMITTED, ministry, Instant.now(),
                report(UUID.randomUUID(), assignmentId, officialId, ministry, "2026-W49", "SUBMITTED", null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(titles(coordinator)).hasSize(1));
        long entries = count("SELECT count(*) FROM inbox_entry WHERE event_id = :id", pastEvent);
        long mails = count("SELECT count(*) FROM email_delivery WHERE event_id = :id", pastEvent);
        long processed = count("SELECT count(*) FROM processed_event WHERE event_id = :id", pastEvent);
        System.out.printf("past weekly report: processed %d, entries %d, e-mails %d; coordinator's inbox %s%n",
                processed, entries, mails, titles(coordinator));
        assertThat(processed).isEqualTo(1);
        assertThat(entries).isZero();
        assertThat(mails).isZero();
        assertThat(titles(coordinator)).containsExactly("Báo cáo tuần 2026-W49 đã nộp: Lê Văn Quá Khứ");
    }

    @Test
    void anAssignmentThatHadEndedBeforeItsEventTellsNobodyAndADueDateAlreadyPastNeither() {
        String ministry = freshMinistry();
        UUID officialId = register(ministry);
        String officer = TestTokens.user("past.officer").roles(Roles.OFFICER).ministry(ministry)
                .email(emailOf(officialId)).token();
        UUID assignmentId = UUID.randomUUID();
        String key = assignmentId.toString();
        // the 2025 round entered in December 2026: created, with a weekly report due in September 2025
        String created = publish(key, AssignmentEvents.ASSIGNMENT_CREATED, ministry, Instant.now(),
                assignment(assignmentId, officialId, ministry, LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3)));
        UUID dueReport = UUID.randomUUID();
        String due = publish(key, ReportEvents.WEEKLY_REPORT_DUE, ministry, Instant.now(),
                report(dueReport, assignmentId, officialId, ministry, "2025-W37", "DUE", null));
        // then extended into next year: that is news to the official
        publish(key, AssignmentEvents.ASSIGNMENT_RESCHEDULED, ministry, Instant.now(),
                assignment(assignmentId, officialId, ministry, LocalDate.of(2025, 9, 3), LocalDate.of(2027, 1, 31)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(titles(officer)).hasSize(1));
        System.out.printf("ended assignment: entries %d; past due: entries %d, reminders armed %d; official's inbox %s%n",
                count("SELECT count(*) FROM inbox_entry WHERE event_id = :id", created),
                count("SELECT count(*) FROM inbox_entry WHERE event_id = :id", due),
                count("SELECT count(*) FROM reminder_due WHERE aggregate_id = :id AND NOT cancelled",
                        dueReport.toString()), titles(officer));
        assertThat(count("SELECT count(*) FROM inbox_entry WHERE event_id = :id", created)).isZero();
        assertThat(count("SELECT count(*) FROM inbox_entry WHERE event_id = :id", due)).isZero();
        assertThat(count("SELECT count(*) FROM reminder_due WHERE aggregate_id = :id AND NOT cancelled",
                dueReport.toString())).isZero();
        assertThat(titles(officer)).containsExactly("Thời gian tăng cường tại Thành phố Hồ Chí Minh đã thay đổi");
    }

    private UUID register(String ministry) {
        UUID officialId = UUID.randomUUID();
        kafka.publish(Topics.PERSONNEL, TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1,
                "/personnel-service", officialId.toString(), ministry, Instant.now(),
                new OfficialSnapshot(officialId, "Lê Văn Quá Khứ", ministry, null, "Chuyên viên", "CIVIL_SERVANT",
                        emailOf(officialId), List.of(), true, null)));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM known_official WHERE "
                + "CAST(id AS text) = :id", officialId.toString()) == 1);
        return officialId;
    }

    private static String emailOf(UUID officialId) {
        return "past." + officialId + "@moha.gov.vn";
    }

    /** Publishes on the partition of {@code key}; the event's id. */
    private String publish(String key, EventType type, String ministry, Instant time, Object data) {
        String source = type.name().startsWith("vn.secondment.report.") ? "/report-service" : "/assignment-service";
        var envelope = TestEvents.envelope(type.name(), type.schemaVersion(), source, key, ministry, time, data);
        kafka.publish(type.name().startsWith("vn.secondment.report.") ? Topics.REPORT : Topics.ASSIGNMENT, envelope);
        return envelope.get("id").asText();
    }

    private static WeeklyReportSnapshot report(UUID reportId, UUID assignmentId, UUID officialId, String ministry,
                                               String week, String status, AfterTheFact entered) {
        return new WeeklyReportSnapshot(reportId, assignmentId, officialId, ministry, "79", week,
                LocalDate.of(2025, 9, 8), Instant.parse("2025-09-14T10:00:00Z"), status,
                "SUBMITTED".equals(status) ? Instant.parse("2025-09-13T09:00:00Z") : null, false, null, entered);
    }

    private static AssignmentSnapshot assignment(UUID id, UUID officialId, String ministry, LocalDate start,
                                                 LocalDate end) {
        return new AssignmentSnapshot(id, UUID.randomUUID(), officialId, ministry, "79", start, end,
                AssignmentSnapshot.Status.PLANNED, null);
    }

    private long count(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }

    private static List<String> titles(String token) {
        return given().auth().oauth2(token).queryParam("size", 100)
                .when().get("/api/notification/inbox")
                .then().statusCode(OK.getStatusCode())
                .extract().jsonPath().getList("items.title");
    }

    /** A ministry code no other test uses, so that its coordinators' inbox is this test's alone. */
    private static String freshMinistry() {
        StringBuilder code = new StringBuilder("P");
        for (int i = 0; i < 7; i++) {
            code.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return code.toString();
    }
}
