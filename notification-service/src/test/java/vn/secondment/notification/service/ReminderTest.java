package vn.secondment.notification.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.assignment.WorkPlanSubmitted;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.IssueSnapshot;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.events.report.WeeklyReportSnapshot;
import vn.secondment.notification.ReminderDue;
import vn.secondment.notification.ReminderKind;
import vn.secondment.notification.repository.ReminderRepository;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static jakarta.ws.rs.core.Response.Status.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * Reminders armed by events published to the real broker fire once, at their moment: the tests choose the moments
 * (the sender's {@code sendDue(now)}, or the adjustable clock the scheduled poll reads) instead of sleeping.
 */
@QuarkusTest
@WithRealInfrastructure
class ReminderTest {

    private static final String BNV_ADMIN = TestTokens.user("reminder.bnv.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BNV").token();
    private static final String BNV_COORDINATOR = TestTokens.user("reminder.bnv.coordinator")
            .roles(Roles.COORDINATOR).ministry("BNV").token();
    private static final String BCT_COORDINATOR = TestTokens.user("reminder.bct.coordinator")
            .roles(Roles.COORDINATOR).ministry("BCT").token();
    private static final String BNV_IT_CENTRE = TestTokens.user("reminder.bnv.tt-cntt").roles(Roles.MINISTRY_UNIT)
            .ministry("BNV").unit("TT-CNTT").token();
    private static final String BNV_LOCAL_GOVERNMENT_DEPARTMENT = TestTokens.user("reminder.bnv.vu-cqdp")
            .roles(Roles.MINISTRY_UNIT).ministry("BNV").unit("VU-CQDP").token();

    private static final Instant LIVE = Instant.parse("2025-08-01T00:00:00Z");
    private static final AtomicLong TICK = new AtomicLong();

    @InjectTestKafka
    TestKafka kafka;

    @Inject
    ReminderSender sender;

    @Inject
    ReminderRepository reminders;

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void remindsOfAWeeklyReportDueTomorrowOnceAtItsMoment() {
        Officer officer = register("Nguyễn Thị Hoa");
        UUID reportId = UUID.randomUUID();
        // due 17:00 Sunday 14/09 in Vietnam: reminded 24 hours before
        Instant dueAt = Instant.parse("2025-09-14T10:00:00Z");
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_DUE, reportId,
                weeklyReport(reportId, officer.id(), "DUE", dueAt)));
        awaitReminder(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, reportId.toString(), r -> !r.cancelled);

        sender.sendDue(Instant.parse("2025-09-13T09:59:59Z"));
        assertThat(reminderTitles(officer.token(), ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, reportId)).isEmpty();

        sender.sendDue(Instant.parse("2025-09-13T10:00:00Z"));
        sender.sendDue(Instant.parse("2025-09-13T12:00:00Z"));

        assertThat(reminderTitles(officer.token(), ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, reportId))
                .containsExactly("Nhắc: báo cáo tuần 2025-W37 đến hạn ngày mai (17:00 14/09/2025)");
    }

    @Test
    void armsNoReminderWhoseMomentHadPassedWhenTheEventHappened() {
        Officer officer = register("Phan Thị Ngọc");
        UUID reportId = UUID.randomUUID();
        // the report became due at 19:00 on Saturday, after its reminder's moment (17:00, 24 hours before the deadline)
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_DUE, reportId,
                weeklyReport(reportId, officer.id(), "DUE", Instant.parse("2025-09-14T10:00:00Z")),
                Instant.parse("2025-09-13T12:00:00Z")));
        // the "due" entry itself is made (its deadline is still ahead): the event was consumed
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(titles(officer.token(), ReportEvents.WEEKLY_REPORT_DUE.name(), reportId)).hasSize(1));

        int sent = sender.sendDue(Instant.parse("2025-09-13T12:30:00Z"));

        boolean armed = QuarkusTransaction.requiringNew().call(() ->
                reminders.find(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, reportId.toString())
                        .filter(r -> !r.cancelled).isPresent());
        System.out.printf("reminder past at the event's time: armed=%s, sent by the run=%d%n", armed, sent);
        assertThat(armed).isFalse();
        assertThat(reminderTitles(officer.token(), ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, reportId)).isEmpty();
    }

    @Test
    void sendsAReminderDueDuringADowntimeOnceAfterItUnlessItsDeadlinePassedMeanwhile() {
        Officer officer = register("Trịnh Văn Khoa");
        UUID caughtUp = UUID.randomUUID();
        UUID unchanged = UUID.randomUUID();
        Instant deadline = Instant.parse("2025-09-14T10:00:00Z");
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_DUE, caughtUp,
                weeklyReport(caughtUp, officer.id(), "DUE", deadline)));
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_DUE, unchanged,
                weeklyReport(unchanged, officer.id(), "DUE", deadline)));
        awaitReminder(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, caughtUp.toString(), r -> !r.cancelled);
        awaitReminder(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, unchanged.toString(), r -> !r.cancelled);
        // the service is down from 16:00 Saturday; meanwhile the officer saved a draft (19:00): its event, consumed
        // after the restart, is dated after the reminder's moment but the reminder was armed in time and stays
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_DUE, caughtUp,
                weeklyReport(caughtUp, officer.id(), "DRAFT", deadline), Instant.parse("2025-09-13T12:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                reminders.find(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, caughtUp.toString())
                        .filter(r -> r.eventTime.equals(Instant.parse("2025-09-13T12:00:00Z"))).isPresent()));

        // back up at 08:00 Sunday, before the deadline: the missed reminder goes out once
        int first = sender.sendDue(Instant.parse("2025-09-14T01:00:00Z"));
        int second = sender.sendDue(Instant.parse("2025-09-14T01:01:00Z"));
        List<String> caughtUpTitles = reminderTitles(officer.token(), ReminderKind.WEEKLY_REPORT_DUE_TOMORROW,
                caughtUp);
        List<String> unchangedTitles = reminderTitles(officer.token(), ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, unchanged);
        System.out.printf("after the downtime: first run sent %d, second %d; entries %d and %d%n", first, second,
                caughtUpTitles.size(), unchangedTitles.size());
        assertThat(caughtUpTitles).containsExactly("Nhắc: báo cáo tuần 2025-W37 đến hạn ngày mai (17:00 14/09/2025)");
        assertThat(second).isZero();
        // the other one is sent with it: both were due during the downtime and their deadline is still ahead
        assertThat(unchangedTitles).hasSize(1);

        // a reminder whose deadline passed during a downtime is not sent: the overdue announcement covers it
        UUID passed = UUID.randomUUID();
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_DUE, passed,
                weeklyReport(passed, officer.id(), "DUE", deadline)));
        awaitReminder(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, passed.toString(), r -> !r.cancelled);
        sender.sendDue(Instant.parse("2025-09-14T10:00:00Z"));
        assertThat(reminderTitles(officer.token(), ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, passed)).isEmpty();
    }

    @Test
    void sendsAReminderOnceWhenTwoSendersRunAtTheSameMoment() throws Exception {
        Officer officer = register("Đỗ Minh Tuấn");
        UUID reportId = UUID.randomUUID();
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_DUE, reportId,
                weeklyReport(reportId, officer.id(), "DUE", Instant.parse("2025-09-14T10:00:00Z"))));
        awaitReminder(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, reportId.toString(), r -> !r.cancelled);

        // two service instances polling at once: each claims what the other has not locked
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> send = () -> {
                start.await();
                return sender.sendDue(Instant.parse("2025-09-13T10:30:00Z"));
            };
            Future<Integer> first = instances.submit(send);
            Future<Integer> second = instances.submit(send);
            start.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            instances.shutdownNow();
        }

        assertThat(reminderTitles(officer.token(), ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, reportId))
                .containsExactly("Nhắc: báo cáo tuần 2025-W37 đến hạn ngày mai (17:00 14/09/2025)");
    }

    @Test
    void sendsNoWeeklyReportReminderWhenTheReportWasSubmittedBefore() {
        Officer officer = register("Ngô Văn Lâm");
        UUID reportId = UUID.randomUUID();
        Instant dueAt = Instant.parse("2025-09-14T10:00:00Z");
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_DUE, reportId,
                weeklyReport(reportId, officer.id(), "DUE", dueAt)));
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_SUBMITTED, reportId,
                weeklyReport(reportId, officer.id(), "SUBMITTED", dueAt)));
        awaitReminder(ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, reportId.toString(), r -> r.cancelled);

        sender.sendDue(Instant.parse("2025-09-13T10:00:00Z"));

        assertThat(reminderTitles(officer.token(), ReminderKind.WEEKLY_REPORT_DUE_TOMORROW, reportId)).isEmpty();
    }

    @Test
    void remindsOfAnAssignmentEndingSevenDaysBeforeItsEndOnce() {
        Officer officer = register("Lê Thị Cúc");
        UUID assignmentId = UUID.randomUUID();
        // created on 03/09, ends 13/09: reminded at 09:00 on 06/09 (Vietnam), read from the service's clock
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_CREATED, assignmentId, assignment(assignmentId,
                officer.id(), LocalDate.of(2025, 9, 3), LocalDate.of(2025, 9, 13), AssignmentSnapshot.Status.PLANNED)));
        awaitReminder(ReminderKind.ASSIGNMENT_ENDING, assignmentId.toString(), r -> !r.cancelled);

        clock.set(Instant.parse("2025-09-06T01:59:00Z"));
        sender.poll();
        assertThat(reminderTitles(officer.token(), ReminderKind.ASSIGNMENT_ENDING, assignmentId)).isEmpty();

        clock.set(Instant.parse("2025-09-06T02:00:00Z"));
        sender.poll();
        sender.poll();

        assertThat(reminderTitles(officer.token(), ReminderKind.ASSIGNMENT_ENDING, assignmentId))
                .containsExactly("Nhắc: đợt tăng cường tại Thành phố Hồ Chí Minh kết thúc ngày 13/09/2025");
    }

    @Test
    void movesTheEndingReminderWithARescheduleAndDropsItWithAWithdrawal() {
        Officer officer = register("Trần Văn Bình");
        UUID moved = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        LocalDate start = LocalDate.of(2025, 9, 3);
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_CREATED, moved,
                assignment(moved, officer.id(), start, LocalDate.of(2025, 9, 13), AssignmentSnapshot.Status.PLANNED)));
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_RESCHEDULED, moved,
                assignment(moved, officer.id(), start, LocalDate.of(2025, 9, 20), AssignmentSnapshot.Status.PLANNED)));
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_CREATED, withdrawn, assignment(withdrawn,
                officer.id(), start, LocalDate.of(2025, 9, 13), AssignmentSnapshot.Status.PLANNED)));
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_WITHDRAWN, withdrawn, assignment(withdrawn,
                officer.id(), start, LocalDate.of(2025, 9, 13), AssignmentSnapshot.Status.WITHDRAWN)));
        awaitReminder(ReminderKind.ASSIGNMENT_ENDING, moved.toString(),
                r -> r.dueAt.equals(Instant.parse("2025-09-13T02:00:00Z")));
        awaitReminder(ReminderKind.ASSIGNMENT_ENDING, withdrawn.toString(), r -> r.cancelled);

        // the first end's moment passes: nothing for either
        sender.sendDue(Instant.parse("2025-09-06T02:00:00Z"));
        assertThat(reminderTitles(officer.token(), ReminderKind.ASSIGNMENT_ENDING, moved)).isEmpty();
        assertThat(reminderTitles(officer.token(), ReminderKind.ASSIGNMENT_ENDING, withdrawn)).isEmpty();

        sender.sendDue(Instant.parse("2025-09-13T02:00:00Z"));

        assertThat(reminderTitles(officer.token(), ReminderKind.ASSIGNMENT_ENDING, moved))
                .containsExactly("Nhắc: đợt tăng cường tại Thành phố Hồ Chí Minh kết thúc ngày 20/09/2025");
        assertThat(reminderTitles(officer.token(), ReminderKind.ASSIGNMENT_ENDING, withdrawn)).isEmpty();
    }

    @Test
    void remindsOfAMissingWorkPlanBeforeItsWeekButNotOfOneSubmitted() {
        Officer officer = register("Phạm Thị Lan");
        UUID assignmentId = UUID.randomUUID();
        // weeks 2025-W37 (from Monday 08/09) and 2025-W38; the plan of W37 is sent, W38's is not
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_CREATED, assignmentId, assignment(assignmentId,
                officer.id(), LocalDate.of(2025, 9, 8), LocalDate.of(2025, 9, 21), AssignmentSnapshot.Status.PLANNED)));
        UUID workPlanId = UUID.randomUUID();
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.WORK_PLAN_SUBMITTED, workPlanId, new WorkPlanSubmitted(
                workPlanId, assignmentId, officer.id(), "BNV", "79", "2025-W37", LocalDate.of(2025, 9, 8),
                Instant.parse("2025-09-05T03:00:00Z"), false, 6, null)));
        awaitReminder(ReminderKind.WORK_PLAN_MISSING, assignmentId + "/2025-W37", r -> r.settled);
        awaitReminder(ReminderKind.WORK_PLAN_MISSING, assignmentId + "/2025-W38", r -> !r.cancelled);

        // 17:00 Friday 05/09 in Vietnam, before W37: its plan is in
        sender.sendDue(Instant.parse("2025-09-05T10:00:00Z"));
        assertThat(reminderTitles(officer.token(), ReminderKind.WORK_PLAN_MISSING, assignmentId)).isEmpty();

        // 17:00 Friday 12/09, before W38: no plan
        sender.sendDue(Instant.parse("2025-09-12T09:59:59Z"));
        assertThat(reminderTitles(officer.token(), ReminderKind.WORK_PLAN_MISSING, assignmentId)).isEmpty();
        sender.sendDue(Instant.parse("2025-09-12T10:00:00Z"));
        sender.sendDue(Instant.parse("2025-09-12T10:00:00Z"));

        assertThat(reminderTitles(officer.token(), ReminderKind.WORK_PLAN_MISSING, assignmentId))
                .containsExactly("Nhắc: chưa gửi lịch công tác tuần 2025-W38");
    }

    @Test
    void remindsTheUnitAndTheCoordinatorsOfAnIssueDeadlineNearButNotAnotherUnit() {
        UUID issueId = UUID.randomUUID();
        UUID answeredId = UUID.randomUUID();
        LocalDate deadline = LocalDate.of(2025, 9, 20);
        publish(Topics.REPORT, event(ReportEvents.ISSUE_ESCALATED, issueId, issue(issueId, "ESCALATED", deadline)));
        publish(Topics.REPORT, event(ReportEvents.ISSUE_ESCALATED, answeredId,
                issue(answeredId, "ESCALATED", deadline)));
        publish(Topics.REPORT, event(ReportEvents.ISSUE_ANSWERED, answeredId,
                issue(answeredId, "ANSWERED", deadline)));
        awaitReminder(ReminderKind.ISSUE_DEADLINE_NEAR, issueId.toString(), r -> !r.cancelled);
        awaitReminder(ReminderKind.ISSUE_DEADLINE_NEAR, answeredId.toString(), r -> r.cancelled);

        // 09:00 on 19/09 in Vietnam, the morning before the deadline
        sender.sendDue(Instant.parse("2025-09-19T01:59:59Z"));
        assertThat(reminderTitles(BNV_IT_CENTRE, ReminderKind.ISSUE_DEADLINE_NEAR, issueId)).isEmpty();
        sender.sendDue(Instant.parse("2025-09-19T02:00:00Z"));
        sender.sendDue(Instant.parse("2025-09-19T03:00:00Z"));

        String title = "Nhắc: vướng mắc sắp đến hạn trả lời (20/09/2025): Phần mềm một cửa điện tử báo lỗi";
        assertThat(reminderTitles(BNV_IT_CENTRE, ReminderKind.ISSUE_DEADLINE_NEAR, issueId)).containsExactly(title);
        assertThat(reminderTitles(BNV_COORDINATOR, ReminderKind.ISSUE_DEADLINE_NEAR, issueId)).containsExactly(title);
        assertThat(reminderTitles(BNV_LOCAL_GOVERNMENT_DEPARTMENT, ReminderKind.ISSUE_DEADLINE_NEAR, issueId))
                .isEmpty();
        assertThat(reminderTitles(BCT_COORDINATOR, ReminderKind.ISSUE_DEADLINE_NEAR, issueId)).isEmpty();
        assertThat(reminderTitles(BNV_IT_CENTRE, ReminderKind.ISSUE_DEADLINE_NEAR, answeredId)).isEmpty();
        assertThat(reminderTitles(BNV_COORDINATOR, ReminderKind.ISSUE_DEADLINE_NEAR, answeredId)).isEmpty();
    }

    private record Officer(UUID id, String token) {
    }

    /** Registers an official with personnel-service's event, waits until this service knows them; their token. */
    private Officer register(String name) {
        UUID officialId = UUID.randomUUID();
        String email = "reminder." + officialId + "@moha.gov.vn";
        publish(Topics.PERSONNEL, TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1,
                "/personnel-service", officialId.toString(), "BNV", Instant.now(),
                new OfficialSnapshot(officialId, name, "BNV", null, "Chuyên viên chính", "CIVIL_SERVANT", email,
                        List.of(), true, null)));
        // the registration's inbox entry and the directory row commit together
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .auth().oauth2(BNV_ADMIN).queryParam("subjectId", officialId.toString())
            .when()
                .get("/api/notification/inbox")
            .then()
                .statusCode(OK.getStatusCode())
                .body("items.subjectId", hasItem(officialId.toString())));
        return new Officer(officialId, TestTokens.user("reminder." + officialId).roles(Roles.OFFICER)
                .ministry("BNV").email(email).token());
    }

    /** Waits until the consumer has kept the events in the reminder's row (no reminder is sent in between). */
    private void awaitReminder(ReminderKind kind, String aggregateId, Predicate<ReminderDue> state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                reminders.find(kind, aggregateId).filter(state).isPresent()));
    }

    private static WeeklyReportSnapshot weeklyReport(UUID reportId, UUID officialId, String status, Instant dueAt) {
        return new WeeklyReportSnapshot(reportId, UUID.randomUUID(), officialId, "BNV", "79", "2025-W37",
                LocalDate.of(2025, 9, 8), dueAt, status,
                "SUBMITTED".equals(status) ? Instant.parse("2025-09-12T09:00:00Z") : null, false, null, null);
    }

    private static AssignmentSnapshot assignment(UUID assignmentId, UUID officialId, LocalDate start, LocalDate end,
                                                 AssignmentSnapshot.Status status) {
        return new AssignmentSnapshot(assignmentId, UUID.randomUUID(), officialId, "BNV", "79", start, end, status,
                null);
    }

    private static IssueSnapshot issue(UUID issueId, String status, LocalDate deadline) {
        return new IssueSnapshot(issueId, "BNV", "79", "25942", "THU_TUC_HANH_CHINH",
                "Phần mềm một cửa điện tử báo lỗi", false, status, null, null, "TT-CNTT", deadline, null, false,
                Instant.now(), null);
    }

    /**
     * An event as it happened while the platform watched: before the moments of the fixtures (September 2025), a
     * millisecond after the previous one so that the newest published is the newest by time. (An event dated after
     * a reminder's moment arms nothing: see {@link #armsNoReminderWhoseMomentHadPassedWhenTheEventHappened}.)
     */
    private static ObjectNode event(EventType type, UUID subject, Object data) {
        return event(type, subject, data, LIVE.plusMillis(TICK.incrementAndGet()));
    }

    private static ObjectNode event(EventType type, UUID subject, Object data, Instant time) {
        String source = type.name().startsWith("vn.secondment.report.") ? "/report-service" : "/assignment-service";
        return TestEvents.envelope(type.name(), type.schemaVersion(), source, subject.toString(), "BNV", time, data);
    }

    private void publish(String topic, ObjectNode envelope) {
        kafka.publish(topic, envelope);
    }

    /** The titles of the reminders of one kind about one subject in the caller's inbox. */
    private static List<String> reminderTitles(String token, ReminderKind kind, UUID subjectId) {
        return titles(token, kind.eventType(), subjectId);
    }

    private static List<String> titles(String token, String type, UUID subjectId) {
        return given().auth().oauth2(token)
                .queryParam("type", type)
                .queryParam("subjectId", subjectId.toString())
                .queryParam("size", 100)
            .when()
                .get("/api/notification/inbox")
            .then()
                .statusCode(OK.getStatusCode())
                .extract().jsonPath().getList("items.title");
    }
}
