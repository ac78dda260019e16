package vn.secondment.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.secondment.events.EventType;
import vn.secondment.events.Topics;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.SupportRequestSnapshot;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.assignment.DeploymentSnapshot;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.FinalReportSnapshot;
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

/**
 * The event types {@link RoutingTest} leaves out, published to the real broker, reach the recipients
 * {@code InboxRouting}'s table names (in the words it uses) and nobody else: not another ministry's coordinators or
 * units, not another province's liaisons, not another unit of the same ministry, not an unrelated officer.
 * <p>
 * Each test publishes a realistic sequence of one aggregate's events (keyed by its id, so consumed in order on one
 * partition), waits for the last one to arrive, then reads each reader's entries about that aggregate: the entries of
 * one event commit in one transaction, so once one recipient has them, every recipient has theirs.
 */
@QuarkusTest
@WithRealInfrastructure
class RoutingCoverageTest {

    private static final String BNV_ADMIN = TestTokens.user("coverage.bnv.admin").roles(Roles.MINISTRY_ADMIN)
            .ministry("BNV").token();
    private static final String BNV_COORDINATOR = TestTokens.user("coverage.bnv.coordinator")
            .roles(Roles.COORDINATOR).ministry("BNV").token();
    private static final String BCT_COORDINATOR = TestTokens.user("coverage.bct.coordinator")
            .roles(Roles.COORDINATOR).ministry("BCT").token();
    private static final String BNV_IT_CENTRE = TestTokens.user("coverage.bnv.tt-cntt").roles(Roles.MINISTRY_UNIT)
            .ministry("BNV").unit("TT-CNTT").token();
    private static final String BNV_LOCAL_GOVERNMENT_DEPARTMENT = TestTokens.user("coverage.bnv.vu-cqdp")
            .roles(Roles.MINISTRY_UNIT).ministry("BNV").unit("VU-CQDP").token();
    private static final String BCT_IT_CENTRE = TestTokens.user("coverage.bct.tt-cntt").roles(Roles.MINISTRY_UNIT)
            .ministry("BCT").unit("TT-CNTT").token();
    /** Sở Nội vụ Thành phố Hồ Chí Minh. */
    private static final String LIAISON_79 = TestTokens.user("coverage.liaison.79").roles(Roles.PROVINCE_LIAISON)
            .province("79").token();
    /** Sở Nội vụ Thành phố Hà Nội. */
    private static final String LIAISON_01 = TestTokens.user("coverage.liaison.01").roles(Roles.PROVINCE_LIAISON)
            .province("01").token();
    /** Sở Nội vụ Thành phố Đà Nẵng: a province no event here targets. */
    private static final String LIAISON_48 = TestTokens.user("coverage.liaison.48").roles(Roles.PROVINCE_LIAISON)
            .province("48").token();
    /** A BNV officer no event here is about. */
    private static final String UNRELATED_OFFICER = TestTokens.user("coverage.khanh").roles(Roles.OFFICER)
            .ministry("BNV").email("khanh.pv." + UUID.randomUUID() + "@moha.gov.vn").token();

    @InjectTestKafka
    TestKafka kafka;

    @BeforeEach
    void consumersJoined() {
        kafka.awaitConsumersJoined();
    }

    @Test
    void sendsAFinalReportsDeadlineAndReviewToItsOfficialAndItsSubmissionsToTheCoordinators() {
        String email = "thao.pt." + UUID.randomUUID() + "@moha.gov.vn";
        UUID officialId = register("Phạm Thu Thảo", email);
        String official = officer("coverage.thao", email);
        UUID reportId = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        Instant dueAt = Instant.parse("2025-11-03T10:00:00Z");
        Instant firstSubmission = Instant.parse("2025-11-05T02:30:00Z");
        Instant secondSubmission = Instant.parse("2025-11-10T03:00:00Z");

        // the life of one final report: overdue, submitted late, returned, submitted again, accepted
        publish(Topics.REPORT, event(ReportEvents.FINAL_REPORT_OVERDUE, reportId, "BNV", new FinalReportSnapshot(
                reportId, assignmentId, officialId, "BNV", "79", dueAt, "DUE", null, false, null, null, null, null)));
        publish(Topics.REPORT, event(ReportEvents.FINAL_REPORT_SUBMITTED, reportId, "BNV", new FinalReportSnapshot(
                reportId, assignmentId, officialId, "BNV", "79", dueAt, "SUBMITTED", firstSubmission, true, null,
                null, null, null)));
        publish(Topics.REPORT, event(ReportEvents.FINAL_REPORT_RETURNED, reportId, "BNV", new FinalReportSnapshot(
                reportId, assignmentId, officialId, "BNV", "79", dueAt, "RETURNED", firstSubmission, true, null,
                null, "Bổ sung kết quả hỗ trợ phường Sài Gòn vận hành bộ phận một cửa.",
                null)));
        publish(Topics.REPORT, event(ReportEvents.FINAL_REPORT_SUBMITTED, reportId, "BNV", new FinalReportSnapshot(
                reportId, assignmentId, officialId, "BNV", "79", dueAt, "SUBMITTED", secondSubmission, true, null,
                null, null, null)));
        publish(Topics.REPORT, event(ReportEvents.FINAL_REPORT_ACCEPTED, reportId, "BNV", new FinalReportSnapshot(
                reportId, assignmentId, officialId, "BNV", "79", dueAt, "ACCEPTED", secondSubmission, true,
                Instant.parse("2025-11-12T08:00:00Z"), "coverage.bnv.coordinator", "Hoàn thành tốt nhiệm vụ.",
                null)));

        // the acceptance is the last on the report's partition: once the official has it, all five were consumed
        awaitEntry(official, reportId, ReportEvents.FINAL_REPORT_ACCEPTED);

        JsonPath mine = entriesAbout(official, reportId);
        assertThat(mine.getList("items.eventType", String.class)).containsExactlyInAnyOrder(
                ReportEvents.FINAL_REPORT_OVERDUE.name(), ReportEvents.FINAL_REPORT_RETURNED.name(),
                ReportEvents.FINAL_REPORT_ACCEPTED.name());
        assertEntry(mine, ReportEvents.FINAL_REPORT_OVERDUE, "Báo cáo tổng hợp cuối đợt quá hạn",
                "Hạn nộp 17:00 03/11/2025 (giờ Việt Nam) đã qua mà báo cáo chưa được nộp.");
        assertEntry(mine, ReportEvents.FINAL_REPORT_RETURNED, "Báo cáo tổng hợp cuối đợt bị trả lại",
                "Nhận xét: Bổ sung kết quả hỗ trợ phường Sài Gòn vận hành bộ phận một cửa.");
        assertEntry(mine, ReportEvents.FINAL_REPORT_ACCEPTED, "Báo cáo tổng hợp cuối đợt đã được chấp nhận",
                "Đợt tăng cường của bạn tại Thành phố Hồ Chí Minh đã hoàn thành. Nhận xét: Hoàn thành tốt nhiệm vụ.");
        assertEnglish(mine, ReportEvents.FINAL_REPORT_RETURNED, "Final report returned",
                "Comment: Bổ sung kết quả hỗ trợ phường Sài Gòn vận hành bộ phận một cửa.");
        assertEnglish(mine, ReportEvents.FINAL_REPORT_ACCEPTED, "Final report accepted",
                "Your secondment to Ho Chi Minh City is complete. Comment: Hoàn thành tốt nhiệm vụ.");

        JsonPath coordinators = entriesAbout(BNV_COORDINATOR, reportId);
        assertThat(coordinators.getList("items.eventType", String.class)).containsExactlyInAnyOrder(
                ReportEvents.FINAL_REPORT_OVERDUE.name(), ReportEvents.FINAL_REPORT_SUBMITTED.name(),
                ReportEvents.FINAL_REPORT_SUBMITTED.name());
        assertEntry(coordinators, ReportEvents.FINAL_REPORT_OVERDUE,
                "Báo cáo tổng hợp cuối đợt quá hạn: Phạm Thu Thảo",
                "Phạm Thu Thảo (tại Thành phố Hồ Chí Minh) chưa nộp báo cáo tổng hợp cuối đợt, hạn 17:00 03/11/2025 (giờ Việt Nam).");
        assertThat(coordinators.getList("items.findAll { it.eventType == '"
                + ReportEvents.FINAL_REPORT_SUBMITTED.name() + "' }.title", String.class))
                .containsOnly("Báo cáo tổng hợp cuối đợt đã nộp: Phạm Thu Thảo");
        assertThat(coordinators.getList("items.findAll { it.eventType == '"
                + ReportEvents.FINAL_REPORT_SUBMITTED.name() + "' }.body", String.class))
                .containsOnly("Phạm Thu Thảo (tại Thành phố Hồ Chí Minh) đã nộp báo cáo tổng hợp cuối đợt, muộn hạn.");

        assertInboxLacks(BCT_COORDINATOR, reportId);
        assertInboxLacks(LIAISON_79, reportId);
        assertInboxLacks(BNV_IT_CENTRE, reportId);
        assertInboxLacks(BNV_ADMIN, reportId);
        assertInboxLacks(UNRELATED_OFFICER, reportId);
    }

    @Test
    void sendsAnOverdueIssueToTheCoordinatorsAndTheUnitAndItsClosingAndReopeningToTheCoordinatorsOnly() {
        String email = "tuan.dm." + UUID.randomUUID() + "@moha.gov.vn";
        UUID raiserId = register("Đỗ Minh Tuấn", email);
        String raiser = officer("coverage.tuan", email);
        UUID issueId = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        String title = "Chưa có hướng dẫn kết nối phần mềm một cửa với cơ sở dữ liệu dân cư";
        LocalDate deadline = LocalDate.of(2025, 9, 20);

        // escalated to BNV's IT centre, no answer by the deadline; answered later, closed, then reopened
        publish(Topics.REPORT, event(ReportEvents.ISSUE_OVERDUE, issueId, "BNV", new IssueSnapshot(issueId, "BNV",
                "79", "26734", "PHAN_MEM_HA_TANG_SO", title, false, "ESCALATED", assignmentId, raiserId, "TT-CNTT",
                deadline, null, true, Instant.parse("2025-09-20T17:00:00Z"), null)));
        publish(Topics.REPORT, event(ReportEvents.ISSUE_CLOSED, issueId, "BNV", new IssueSnapshot(issueId, "BNV",
                "79", "26734", "PHAN_MEM_HA_TANG_SO", title, false, "CLOSED", assignmentId, raiserId, "TT-CNTT",
                deadline, null, false, Instant.parse("2025-09-25T02:00:00Z"), null)));
        publish(Topics.REPORT, event(ReportEvents.ISSUE_REOPENED, issueId, "BNV", new IssueSnapshot(issueId, "BNV",
                "79", "26734", "PHAN_MEM_HA_TANG_SO", title, false, "OPEN", assignmentId, raiserId, null, null, null,
                false, Instant.parse("2025-09-29T03:00:00Z"), null)));

        awaitEntry(BNV_COORDINATOR, issueId, ReportEvents.ISSUE_REOPENED);

        JsonPath coordinators = entriesAbout(BNV_COORDINATOR, issueId);
        assertThat(coordinators.getList("items.eventType", String.class)).containsExactlyInAnyOrder(
                ReportEvents.ISSUE_OVERDUE.name(), ReportEvents.ISSUE_CLOSED.name(),
                ReportEvents.ISSUE_REOPENED.name());
        assertEntry(coordinators, ReportEvents.ISSUE_OVERDUE, "Vướng mắc quá hạn trả lời: " + title,
                "Hạn 20/09/2025 đã qua, đơn vị TT-CNTT chưa trả lời.");
        assertEntry(coordinators, ReportEvents.ISSUE_CLOSED, "Vướng mắc đã đóng: " + title,
                "Tại Thành phố Hồ Chí Minh, lĩnh vực phần mềm và hạ tầng số.");
        assertEntry(coordinators, ReportEvents.ISSUE_REOPENED, "Vướng mắc được mở lại: " + title,
                "Tại Thành phố Hồ Chí Minh, lĩnh vực phần mềm và hạ tầng số.");

        // the unit it was escalated to hears of the missed deadline, not of the closing or the reopening
        JsonPath unit = entriesAbout(BNV_IT_CENTRE, issueId);
        assertThat(unit.getList("items.eventType", String.class)).containsExactly(ReportEvents.ISSUE_OVERDUE.name());
        assertEntry(unit, ReportEvents.ISSUE_OVERDUE, "Vướng mắc quá hạn trả lời: " + title,
                "Hạn 20/09/2025 đã qua, đơn vị TT-CNTT chưa trả lời.");

        assertInboxLacks(BNV_LOCAL_GOVERNMENT_DEPARTMENT, issueId);
        assertInboxLacks(BCT_IT_CENTRE, issueId);
        assertInboxLacks(BCT_COORDINATOR, issueId);
        // the raiser hears of answers (issue.answered), and the province's liaisons of new issues, not of these
        assertInboxLacks(raiser, issueId);
        assertInboxLacks(LIAISON_79, issueId);
        assertInboxLacks(UNRELATED_OFFICER, issueId);
    }

    @Test
    void sendsAReferredIssueToTheCoordinatorsOfTheMinistryItWasReferredToOnly() {
        UUID issueId = UUID.randomUUID();
        String title = "Thủ tục cấp lại giấy phép bán lẻ xăng dầu sau khi sáp nhập phường";

        // raised by Hà Nội's liaisons to BNV, which hands it to BCT: report-service then publishes as BCT (the
        // ministry that answers it), and the issue keeps the ministry it was addressed to
        publish(Topics.REPORT, event(ReportEvents.ISSUE_REFERRED, issueId, "BCT", new IssueSnapshot(issueId, "BNV",
                "01", "00004", "THU_TUC_HANH_CHINH", title, false, "REFERRED", null, null, null, null, "BCT", false,
                Instant.parse("2025-10-02T04:00:00Z"), null)));

        awaitEntry(BCT_COORDINATOR, issueId, ReportEvents.ISSUE_REFERRED);
        JsonPath referredTo = entriesAbout(BCT_COORDINATOR, issueId);
        assertThat(referredTo.getList("items.eventType", String.class))
                .containsExactly(ReportEvents.ISSUE_REFERRED.name());
        assertEntry(referredTo, ReportEvents.ISSUE_REFERRED, "Vướng mắc được chuyển đến Bộ Công Thương: " + title,
                "Tại Thành phố Hà Nội, lĩnh vực thủ tục hành chính; Bộ Công Thương trả lời vướng mắc này (gửi đầu tiên tới Bộ Nội vụ).");

        // the ministry that handed it on, and the liaisons who raised it, are not told again
        assertInboxLacks(BNV_COORDINATOR, issueId);
        assertInboxLacks(LIAISON_01, issueId);
        assertInboxLacks(BCT_IT_CENTRE, issueId);
        assertInboxLacks(BNV_IT_CENTRE, issueId);
        assertInboxLacks(UNRELATED_OFFICER, issueId);
    }

    @Test
    void sendsAReferredIssuesLaterEventsToTheMinistryAnsweringItAndAReferralBackToTheFirstOne() {
        UUID issueId = UUID.randomUUID();
        String title = "Chưa rõ thẩm quyền cấp phép kinh doanh rượu sau khi sắp xếp xã";
        LocalDate deadline = LocalDate.of(2025, 10, 15);

        // BNV referred it to BCT, whose coordinator escalated it to BCT's IT centre; the deadline passed, BCT
        // closed it, then handed it back to BNV (report-service clears referredToMinistry on the way back)
        publish(Topics.REPORT, event(ReportEvents.ISSUE_OVERDUE, issueId, "BCT", new IssueSnapshot(issueId, "BNV",
                "01", "00004", "THU_TUC_HANH_CHINH", title, false, "ESCALATED", null, null, "TT-CNTT", deadline,
                "BCT", true, Instant.parse("2025-10-15T17:00:00Z"), null)));
        publish(Topics.REPORT, event(ReportEvents.ISSUE_CLOSED, issueId, "BCT", new IssueSnapshot(issueId, "BNV",
                "01", "00004", "THU_TUC_HANH_CHINH", title, false, "CLOSED", null, null, "TT-CNTT", deadline,
                "BCT", false, Instant.parse("2025-10-16T02:00:00Z"), null)));
        publish(Topics.REPORT, event(ReportEvents.ISSUE_REFERRED, issueId, "BNV", new IssueSnapshot(issueId, "BNV",
                "01", "00004", "THU_TUC_HANH_CHINH", title, false, "REFERRED", null, null, null, null, null, false,
                Instant.parse("2025-10-17T02:00:00Z"), null)));

        awaitEntry(BNV_COORDINATOR, issueId, ReportEvents.ISSUE_REFERRED);
        JsonPath answering = entriesAbout(BCT_COORDINATOR, issueId);
        assertThat(answering.getList("items.eventType", String.class)).containsExactlyInAnyOrder(
                ReportEvents.ISSUE_OVERDUE.name(), ReportEvents.ISSUE_CLOSED.name());
        JsonPath bctUnit = entriesAbout(BCT_IT_CENTRE, issueId);
        assertThat(bctUnit.getList("items.eventType", String.class)).containsExactly(ReportEvents.ISSUE_OVERDUE.name());
        assertEntry(bctUnit, ReportEvents.ISSUE_OVERDUE, "Vướng mắc quá hạn trả lời: " + title,
                "Hạn 15/10/2025 đã qua, đơn vị TT-CNTT chưa trả lời.");
        // back with the ministry first addressed: its coordinators hear of it, and of nothing BCT did before
        JsonPath first = entriesAbout(BNV_COORDINATOR, issueId);
        assertThat(first.getList("items.eventType", String.class)).containsExactly(ReportEvents.ISSUE_REFERRED.name());
        assertEntry(first, ReportEvents.ISSUE_REFERRED, "Vướng mắc được chuyển đến Bộ Nội vụ: " + title,
                "Tại Thành phố Hà Nội, lĩnh vực thủ tục hành chính; Bộ Nội vụ trả lời vướng mắc này.");
        assertInboxLacks(BNV_IT_CENTRE, issueId);
        assertInboxLacks(LIAISON_01, issueId);
    }

    @Test
    void sendsAReplacedAssignmentAndAnOverdueWeeklyReportToTheirOfficialAndTheCoordinators() {
        String namEmail = "nam.tv." + UUID.randomUUID() + "@moha.gov.vn";
        UUID namId = register("Trần Văn Nam", namEmail);
        String nam = officer("coverage.nam", namEmail);
        String lanEmail = "lan.ht." + UUID.randomUUID() + "@moha.gov.vn";
        UUID lanId = register("Hoàng Thị Lan", lanEmail);
        String lan = officer("coverage.lan", lanEmail);
        UUID deploymentId = UUID.randomUUID();
        UUID namsAssignment = UUID.randomUUID();
        UUID lansAssignment = UUID.randomUUID();
        UUID lansReport = UUID.randomUUID();

        // Lan takes over Nam's assignment in Thành phố Hồ Chí Minh, then misses a weekly report there
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.ASSIGNMENT_REPLACED, namsAssignment, "BNV",
                new AssignmentSnapshot(namsAssignment, deploymentId, namId, "BNV", "79", LocalDate.of(2025, 9, 3),
                        LocalDate.of(2025, 11, 3), AssignmentSnapshot.Status.REPLACED, lansAssignment, null)));
        publish(Topics.REPORT, event(ReportEvents.WEEKLY_REPORT_OVERDUE, lansReport, "BNV", new WeeklyReportSnapshot(
                lansReport, lansAssignment, lanId, "BNV", "79", "2025-W39", LocalDate.of(2025, 9, 22),
                Instant.parse("2025-09-28T10:00:00Z"), "DUE", null, false, null, null)));

        awaitEntry(nam, namsAssignment, AssignmentEvents.ASSIGNMENT_REPLACED);
        JsonPath namsEntries = entriesAbout(nam, namsAssignment);
        assertThat(namsEntries.getList("items.eventType", String.class))
                .containsExactly(AssignmentEvents.ASSIGNMENT_REPLACED.name());
        assertEntry(namsEntries, AssignmentEvents.ASSIGNMENT_REPLACED,
                "Phân công tăng cường tại Thành phố Hồ Chí Minh đã chuyển cho cán bộ khác",
                "Phân công 03/09/2025 – 03/11/2025 đã được giao cho cán bộ khác.");
        JsonPath coordinatorsOnReplacement = entriesAbout(BNV_COORDINATOR, namsAssignment);
        assertThat(coordinatorsOnReplacement.getList("items.eventType", String.class))
                .containsExactly(AssignmentEvents.ASSIGNMENT_REPLACED.name());
        assertEntry(coordinatorsOnReplacement, AssignmentEvents.ASSIGNMENT_REPLACED,
                "Thay cán bộ tăng cường tại Thành phố Hồ Chí Minh: Trần Văn Nam",
                "Trần Văn Nam được thay bằng cán bộ khác, 03/09/2025 – 03/11/2025.");
        // the successor hears through the new assignment's created event, the province through nothing here
        assertInboxLacks(lan, namsAssignment);
        assertInboxLacks(LIAISON_79, namsAssignment);
        assertInboxLacks(BCT_COORDINATOR, namsAssignment);
        assertInboxLacks(UNRELATED_OFFICER, namsAssignment);

        awaitEntry(lan, lansReport, ReportEvents.WEEKLY_REPORT_OVERDUE);
        JsonPath lansEntries = entriesAbout(lan, lansReport);
        assertThat(lansEntries.getList("items.eventType", String.class))
                .containsExactly(ReportEvents.WEEKLY_REPORT_OVERDUE.name());
        assertEntry(lansEntries, ReportEvents.WEEKLY_REPORT_OVERDUE, "Báo cáo tuần 2025-W39 quá hạn",
                "Hạn nộp 17:00 28/09/2025 (giờ Việt Nam) đã qua mà báo cáo chưa được nộp.");
        JsonPath coordinatorsOnReport = entriesAbout(BNV_COORDINATOR, lansReport);
        assertThat(coordinatorsOnReport.getList("items.eventType", String.class))
                .containsExactly(ReportEvents.WEEKLY_REPORT_OVERDUE.name());
        assertEntry(coordinatorsOnReport, ReportEvents.WEEKLY_REPORT_OVERDUE,
                "Báo cáo tuần 2025-W39 quá hạn: Hoàng Thị Lan",
                "Hoàng Thị Lan (tại Thành phố Hồ Chí Minh) chưa nộp báo cáo tuần 2025-W39, hạn 17:00 28/09/2025 (giờ Việt Nam).");
        assertInboxLacks(nam, lansReport);
        assertInboxLacks(LIAISON_79, lansReport);
        assertInboxLacks(BCT_COORDINATOR, lansReport);
        assertInboxLacks(UNRELATED_OFFICER, lansReport);
    }

    @Test
    void sendsACancelledDeploymentToTheCoordinatorsAndTheLiaisonsOfEachTargetProvince() {
        UUID deploymentId = UUID.randomUUID();
        String name = "Hỗ trợ Thành phố Hồ Chí Minh và Thành phố Hà Nội vận hành chính quyền địa phương hai cấp";

        publish(Topics.ASSIGNMENT, event(AssignmentEvents.DEPLOYMENT_CANCELLED, deploymentId, "BNV",
                new DeploymentSnapshot(deploymentId, "BNV", "PROVINCE_REQUEST", name, "1012/QĐ-BNV",
                        LocalDate.of(2025, 10, 6), LocalDate.of(2025, 12, 5), List.of("79", "01"), "CANCELLED",
                        null, true)));

        awaitEntry(BNV_COORDINATOR, deploymentId, AssignmentEvents.DEPLOYMENT_CANCELLED);
        String title = "Đợt tăng cường 1012/QĐ-BNV bị hủy";
        String body = name + " (Bộ Nội vụ) đã bị hủy.";
        for (String reader : List.of(BNV_COORDINATOR, LIAISON_79, LIAISON_01)) {
            JsonPath entries = entriesAbout(reader, deploymentId);
            // one entry each: a liaison is not addressed once as a liaison and again through another audience
            assertThat(entries.getList("items.eventType", String.class))
                    .containsExactly(AssignmentEvents.DEPLOYMENT_CANCELLED.name());
            assertEntry(entries, AssignmentEvents.DEPLOYMENT_CANCELLED, title, body);
        }
        assertInboxLacks(LIAISON_48, deploymentId);
        assertInboxLacks(BCT_COORDINATOR, deploymentId);
        assertInboxLacks(BNV_ADMIN, deploymentId);
        assertInboxLacks(BNV_LOCAL_GOVERNMENT_DEPARTMENT, deploymentId);
        assertInboxLacks(UNRELATED_OFFICER, deploymentId);
    }

    /** Registers a BNV official with personnel-service's event and waits until this service knows them. */
    /**
     * Sở Nội vụ Thành phố Hồ Chí Minh asks Bộ Nội vụ for support: the coordinators hear of the request and of the
     * province's answers, the province's liaisons of the ministry's questions, and both of the decline.
     */
    @Test
    void tellsBothSidesOfAProvinceSupportRequestEachWhatTheOtherDid() {
        UUID requestId = UUID.randomUUID();
        SupportRequestSnapshot open = supportRequest(requestId, "OPEN", null, null);
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.SUPPORT_REQUEST_FILED, requestId, "BNV", open));
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED, requestId, "BNV",
                supportRequest(requestId, "OPEN", "MINISTRY", null)));
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED, requestId, "BNV",
                supportRequest(requestId, "OPEN", "PROVINCE", null)));
        publish(Topics.ASSIGNMENT, event(AssignmentEvents.SUPPORT_REQUEST_DECLINED, requestId, "BNV",
                supportRequest(requestId, "DECLINED", null, "Đoàn của Bộ đã làm việc tại Thành phố trong tháng 11")));

        awaitEntry(LIAISON_79, requestId, AssignmentEvents.SUPPORT_REQUEST_DECLINED);
        JsonPath coordinators = entriesAbout(BNV_COORDINATOR, requestId);
        assertThat(coordinators.getList("items.eventType", String.class)).containsExactlyInAnyOrder(
                AssignmentEvents.SUPPORT_REQUEST_FILED.name(), AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED.name(),
                AssignmentEvents.SUPPORT_REQUEST_DECLINED.name());
        assertEntry(coordinators, AssignmentEvents.SUPPORT_REQUEST_FILED,
                "[Khẩn] Đề nghị hỗ trợ của Thành phố Hồ Chí Minh: Hỗ trợ vận hành bộ phận một cửa",
                "Gửi Bộ Nội vụ; xã, phường: Phường Sài Gòn; thời gian mong muốn 01/12/2025 – 19/12/2025.");
        assertEnglish(coordinators, AssignmentEvents.SUPPORT_REQUEST_FILED,
                "[Urgent] Support request from Ho Chi Minh City: Hỗ trợ vận hành bộ phận một cửa",
                "To the Ministry of Home Affairs; communes: Sai Gon Ward; wished for 01/12/2025 – 19/12/2025.");
        assertEntry(coordinators, AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED,
                "Thành phố Hồ Chí Minh trả lời về đề nghị hỗ trợ: Hỗ trợ vận hành bộ phận một cửa",
                "Thành phố Hồ Chí Minh đã viết thêm về đề nghị hỗ trợ gửi Bộ Nội vụ.");

        JsonPath liaisons = entriesAbout(LIAISON_79, requestId);
        assertThat(liaisons.getList("items.eventType", String.class)).containsExactlyInAnyOrder(
                AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED.name(), AssignmentEvents.SUPPORT_REQUEST_DECLINED.name());
        assertEntry(liaisons, AssignmentEvents.SUPPORT_REQUEST_MESSAGE_POSTED,
                "Bộ Nội vụ hỏi về đề nghị hỗ trợ: Hỗ trợ vận hành bộ phận một cửa",
                "Đề nghị hỗ trợ của Thành phố Hồ Chí Minh có câu hỏi mới, cần tỉnh trả lời.");
        assertEntry(liaisons, AssignmentEvents.SUPPORT_REQUEST_DECLINED,
                "Bộ Nội vụ không chấp nhận đề nghị hỗ trợ của Thành phố Hồ Chí Minh: Hỗ trợ vận hành bộ phận một cửa",
                "Đề nghị không được chấp nhận. Lý do: Đoàn của Bộ đã làm việc tại Thành phố trong tháng 11");

        assertInboxLacks(BCT_COORDINATOR, requestId);
        assertInboxLacks(LIAISON_01, requestId);
        assertInboxLacks(BNV_IT_CENTRE, requestId);
        assertInboxLacks(UNRELATED_OFFICER, requestId);
    }

    private static SupportRequestSnapshot supportRequest(UUID id, String status, String lastMessageBy, String reason) {
        return new SupportRequestSnapshot(id, "79", "BNV", "Hỗ trợ vận hành bộ phận một cửa", List.of("26740"),
                "URGENT", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 19), status, lastMessageBy, reason, null,
                Instant.parse("2025-11-19T08:30:00Z"));
    }

    private UUID register(String name, String email) {
        UUID officialId = UUID.randomUUID();
        publish(Topics.PERSONNEL, TestEvents.envelope(PersonnelEvents.OFFICIAL_REGISTERED.name(), 1,
                "/personnel-service", officialId.toString(), "BNV", Instant.now(),
                new OfficialSnapshot(officialId, name, "BNV", null, "Chuyên viên chính", "CIVIL_SERVANT", email,
                        List.of(), true, null)));
        // the registration's inbox entry and the directory row commit together
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(entriesAbout(BNV_ADMIN, officialId).getList("items.subjectId", String.class))
                        .contains(officialId.toString()));
        return officialId;
    }

    /** A BNV officer whose verified email is the one personnel-service announced for them. */
    private static String officer(String username, String email) {
        return TestTokens.user(username).roles(Roles.OFFICER).ministry("BNV").email(email).token();
    }

    private static ObjectNode event(EventType type, UUID subject, String ministry, Object data) {
        String source = type.name().startsWith("vn.secondment.report.") ? "/report-service" : "/assignment-service";
        return TestEvents.envelope(type.name(), type.schemaVersion(), source, subject.toString(), ministry,
                Instant.now(), data);
    }

    private void publish(String topic, ObjectNode envelope) {
        kafka.publish(topic, envelope);
    }

    /** The reader's entries about one aggregate (the inbox's subjectId filter: other tests' entries stay out). */
    private static JsonPath entriesAbout(String token, UUID subjectId) {
        return given().auth().oauth2(token).queryParam("subjectId", subjectId.toString()).queryParam("size", 100)
                .when().get("/api/notification/inbox")
                .then().statusCode(OK.getStatusCode())
                .extract().jsonPath();
    }

    private static void awaitEntry(String token, UUID subjectId, EventType type) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(entriesAbout(token, subjectId).getList("items.eventType", String.class))
                        .contains(type.name()));
    }

    /**
     * The reader's one entry made from an event of this type says exactly this, and says something in English too
     * (every kind of entry is bilingual: mail in English and the console's English switch read it).
     */
    private static void assertEntry(JsonPath entries, EventType type, String title, String body) {
        String entry = "items.find { it.eventType == '" + type.name() + "' }";
        assertThat(entries.getString(entry + ".title")).as(type.name() + " title").isEqualTo(title);
        assertThat(entries.getString(entry + ".body")).as(type.name() + " body").isEqualTo(body);
        assertThat(entries.getString(entry + ".titleEn")).as(type.name() + " English title").isNotBlank()
                .isNotEqualTo(title);
        assertThat(entries.getString(entry + ".bodyEn")).as(type.name() + " English body").isNotBlank()
                .isNotEqualTo(body);
    }

    /** The reader's one entry made from an event of this type says exactly this in English. */
    private static void assertEnglish(JsonPath entries, EventType type, String titleEn, String bodyEn) {
        String entry = "items.find { it.eventType == '" + type.name() + "' }";
        assertThat(entries.getString(entry + ".titleEn")).as(type.name() + " English title").isEqualTo(titleEn);
        assertThat(entries.getString(entry + ".bodyEn")).as(type.name() + " English body").isEqualTo(bodyEn);
    }

    private static void assertInboxLacks(String token, UUID subjectId) {
        assertThat(entriesAbout(token, subjectId).getList("items", Object.class)).isEmpty();
    }
}
