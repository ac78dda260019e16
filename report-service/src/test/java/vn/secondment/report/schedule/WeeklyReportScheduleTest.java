package vn.secondment.report.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot.Status;
import vn.secondment.report.support.Secondment;
import vn.secondment.rest.security.Roles;
import vn.secondment.testing.InjectTestKafka;
import vn.secondment.testing.TestEvents;
import vn.secondment.testing.TestKafka;
import vn.secondment.testing.TestTokens;
import vn.secondment.testing.TopicRecords;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The weekly report schedule follows assignment-service's events, published to the real broker by a real producer
 * as its outbox relay would: created, rescheduled, ended early, withdrawn, redelivered, late, malformed.
 */
@QuarkusTest
@WithRealInfrastructure
class WeeklyReportScheduleTest {

    private static final String REPORTS = "/api/report/weekly-reports";
    private static final String VIEWER = TestTokens.user("viewer").roles(Roles.VIEWER).token();
    private static final String BNV_COORDINATOR = TestTokens.user("bnv.coordinator").roles(Roles.COORDINATOR)
            .ministry("BNV").token();
    private static final String BCT_ADMIN = TestTokens.user("bct.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BCT").token();
    private static final String LIAISON_HCM = TestTokens.user("liaison.hcm").roles(Roles.PROVINCE_LIAISON)
            .province("79").token();
    private static final String LIAISON_HANOI = TestTokens.user("liaison.hn").roles(Roles.PROVINCE_LIAISON)
            .province("01").token();
    private static final String OFFICER = TestTokens.user("officer").roles(Roles.OFFICER).ministry("BNV").token();

    @InjectTestKafka
    TestKafka kafka;

    @BeforeEach
    void consumerHasJoinedItsGroup() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void aMemberOfAWorkingGroupWithoutAProvinceOwesTheirWeeklyReportsToo() {
        // issue 20: a delegation's or working group's member goes with the group, so the event names no province
        Secondment a = new Secondment("BNV", null, LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 14));
        publish(a.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now()));
        JsonPath due = awaitReports(a, 2);
        assertThat(due.getList("items.week")).containsExactlyElementsOf(weeks(36, 37));
    }

    @Test
    void anAssignmentOwesAReportForEveryWeekOfItsPeriodAndARescheduleMovesThem() {
        // the 878/QĐ-BNV period: 3/9 (Wednesday of 2025-W36) to 3/11/2025 (Monday of 2025-W45)
        Secondment a = new Secondment("BNV", "79", LocalDate.of(2025, 9, 3), LocalDate.of(2025, 11, 3));
        Instant t = now();
        publish(a.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, t));
        JsonPath due = awaitReports(a, 10);
        assertThat(due.getList("items.week")).containsExactlyElementsOf(weeks(36, 45));
        // due on the Friday of its week at 17:00 in Vietnam (10:00 UTC)
        assertThat(due.getString("items.find { it.week == '2025-W36' }.dueAt")).isEqualTo("2025-09-05T10:00:00Z");
        assertThat(due.getList("items.overdue", Boolean.class)).containsOnly(true);

        // moved a week later by a later decision: the first week's report is cancelled, a new last week is owed
        a.start = LocalDate.of(2025, 9, 10);
        a.end = LocalDate.of(2025, 11, 10);
        publish(a.event(AssignmentEvents.ASSIGNMENT_RESCHEDULED, Status.PLANNED, t.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(reports(a, "DUE").getList("items.week")).containsExactlyElementsOf(weeks(37, 46)));
        assertThat(reports(a, "CANCELLED").getList("items.week")).containsExactly("2025-W36");

        // back home early (ended on 17/10, Friday of W42): the later weeks are no longer owed
        a.end = LocalDate.of(2025, 10, 17);
        a.arrivedOn = LocalDate.of(2025, 9, 10);
        publish(a.event(AssignmentEvents.ASSIGNMENT_ENDED, Status.COMPLETED, t.plusSeconds(120)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(reports(a, "DUE").getList("items.week")).containsExactlyElementsOf(weeks(37, 42)));
    }

    @Test
    void aWithdrawnAssignmentOwesNothingAndOldOrRepeatedEventsChangeNothing() {
        Secondment a = new Secondment("BNV", "01", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 28));
        Instant t = now();
        ObjectNode created = a.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, t);
        publish(created);
        awaitReports(a, 4);
        publish(a.event(AssignmentEvents.ASSIGNMENT_WITHDRAWN, Status.WITHDRAWN, t.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(reports(a, "DUE").getInt("totalItems")).isZero());
        // the creation delivered again, and an older reschedule under a new id: both change nothing
        publish(created);
        a.end = LocalDate.of(2026, 1, 31);
        RecordMetadata old = publish(a.event(AssignmentEvents.ASSIGNMENT_RESCHEDULED, Status.PLANNED, t.plusSeconds(30)));
        awaitConsumedPast(old);
        assertThat(reports(a, "DUE").getInt("totalItems")).isZero();
        assertThat(reports(a, "CANCELLED").getInt("totalItems")).isEqualTo(4);

        // replaced before the official went: nothing owed either
        Secondment b = new Secondment("BNV", "01", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 14));
        publish(b.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, t));
        awaitReports(b, 2);
        publish(b.event(AssignmentEvents.ASSIGNMENT_REPLACED, Status.REPLACED, t.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(reports(b, "DUE").getInt("totalItems")).isZero());
    }

    @Test
    void eachRoleReadsItsOwnScope() {
        Secondment hcm = new Secondment("BNV", "79", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 8));
        publish(hcm.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now()));
        awaitReports(hcm, 1);
        String week = "2026-W06";
        assertThat(list(BNV_COORDINATOR, hcm, week)).isEqualTo(1);
        assertThat(list(LIAISON_HCM, hcm, week)).isEqualTo(1);
        assertThat(list(VIEWER, hcm, week)).isEqualTo(1);
        assertThat(list(BCT_ADMIN, hcm, week)).isZero();
        assertThat(list(LIAISON_HANOI, hcm, week)).isZero();
        assertThat(list(OFFICER, hcm, week)).isZero();
        given().auth().oauth2(VIEWER).queryParam("week", "2026-6").when().get(REPORTS)
                .then().statusCode(400).body("violations[0].field", equalTo("week"));
        given().when().get(REPORTS).then().statusCode(401);
    }

    @Test
    void aRecordThatIsNotAnEnvelopeGoesToTheDeadLetterTopic() {
        String poison = "{not an envelope " + UUID.randomUUID();
        try (TopicRecords dead = kafka.read("report-service.dlq")) {
            RecordMetadata bad = kafka.publishRaw(Topics.ASSIGNMENT, "x", poison);
            awaitConsumedPast(bad);
            dead.await(r -> poison.equals(r.value()), 1);
        }
    }

    // --- helpers

    private RecordMetadata publish(ObjectNode envelope) {
        return publish(envelope, null);
    }

    private RecordMetadata publish(ObjectNode envelope, Integer partition) {
        return kafka.publish(Topics.ASSIGNMENT, envelope, partition);
    }

    /** Waits until the consumer has handled everything up to {@code record}: a marker behind it took effect. */
    private void awaitConsumedPast(RecordMetadata record) {
        Secondment marker = new Secondment("BNV", "04", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 7));
        kafka.awaitCaughtUp(record, marker.event(AssignmentEvents.ASSIGNMENT_CREATED, Status.PLANNED, now()),
                () -> awaitReports(marker, 1));
    }

    private static JsonPath awaitReports(Secondment a, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> reports(a, "DUE").getInt("totalItems") == count);
        return reports(a, "DUE");
    }

    private static JsonPath reports(Secondment a, String status) {
        return given().auth().oauth2(VIEWER).queryParam("assignment", a.id).queryParam("status", status)
                .queryParam("size", 100)
                .when().get(REPORTS)
                .then().statusCode(200).extract().jsonPath();
    }

    private static int list(String token, Secondment a, String week) {
        return given().auth().oauth2(token).queryParam("assignment", a.id).queryParam("week", week)
                .when().get(REPORTS)
                .then().statusCode(200).extract().path("totalItems");
    }

    /** 2025-W{from} … 2025-W{to}, newest first as the list answers. */
    private static List<String> weeks(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).map(w -> to - (w - from))
                .mapToObj(w -> "2025-W%02d".formatted(w)).toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
