package vn.secondment.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The web console's other views in a real browser, on what PlatformIT left in the platform (BNV's round of
 * 878/QĐ-BNV rescheduled by 1013/QĐ-BNV, the realm's officer in Hồ Chí Minh City with the report of 2025-W37 sent
 * late and accepted, the IT centre TT-CNTT): the timeline after the amendment, the reports grid down to a report's
 * review, an issue escalated from the board, an officer submitting the week's report while the coordinator's inbox
 * shows it live, and a BCT admin reading BNV's officials with their personal details masked. Each view is checked
 * by axe-core (no serious or critical WCAG 2 A/AA violation) and photographed into {@code target/screenshots/}.
 */
@Order(9)
@ExtendWith(Platform.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneysIT {

    private static final LocatorAssertions.ContainsTextOptions LIVE = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(30_000);

    private static Platform platform;
    private static ConsoleBrowser browser;
    private static String gateway;

    @BeforeAll
    static void openTheBrowser() {
        platform = Platform.current();
        gateway = platform.gatewayUrl();
        browser = ConsoleBrowser.open(gateway);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theTimelineShowsTheRoundAsAmendedAndAsItWasBefore() {
        String round = given().auth().oauth2(platform.tokens().forUser("bnv.coordinator"))
                .queryParam("ministry", "BNV").queryParam("decision", "878/QĐ-BNV")
            .when().get(gateway + "/api/assignment/deployments")
            .then().statusCode(200).extract().path("items[0].id");
        Page page = browser.signIn("bnv.coordinator");

        show(page, "#/timeline?deployment=" + round + "&asOf=2025-09-15", "timeline");
        Locator rows = page.locator("#gantt .gantt-row");
        assertThat(rows.count()).as("the round's row and one per official (35)").isGreaterThanOrEqualTo(36);
        // planned 20/8–20/10, moved to 3/9–3/11: the earlier period is drawn dashed beside the one in force
        assertThat(page.locator("#gantt .gantt-row").first().locator(".bar.old").count()).isPositive();
        PlaywrightAssertions.assertThat(rows.first()).containsText("3/9/2025");
        PlaywrightAssertions.assertThat(page.locator("#milestones")).containsText("RESCHEDULED 1013/QĐ-BNV");
        noSeriousViolation(page, "timeline");
        ConsoleBrowser.screenshot(page, "timeline");

        // as decided on 25/8/2025, before the amendment: the round still ran 20/8–20/10
        show(page, "#/timeline?deployment=" + round + "&asOf=2025-08-25", "timeline");
        PlaywrightAssertions.assertThat(page.locator("#gantt .gantt-row").first()).containsText("20/8/2025");
    }

    @Test
    @Order(2)
    void theReportsGridLeadsToAReportAndItsReview() {
        Page page = browser.signIn("bnv.coordinator");
        show(page, "#/reports?from=2025-W36&to=2025-W40&ministry=BNV", "reports");
        Locator hcm = page.locator("#reports-grid tbody tr", new Page.LocatorOptions().setHasText("Thành phố Hồ Chí Minh"));
        assertThat(page.locator("#reports-grid tbody tr").count()).as("BNV's 34 provinces").isEqualTo(34);
        // week 37 in Hồ Chí Minh City: the officer's report sent late, the other official's overdue
        Locator week37 = hcm.locator("td[data-week='2025-W37']");
        PlaywrightAssertions.assertThat(week37).containsText("muộn");
        PlaywrightAssertions.assertThat(week37).containsText("quá hạn");
        week37.locator("button").click();
        page.locator("#report-detail button", new Page.LocatorOptions().setHasText("Cán Bộ Thử")).click();
        PlaywrightAssertions.assertThat(page.locator("#report-detail")).containsText("ACCEPTED");
        PlaywrightAssertions.assertThat(page.locator("#report-detail")).containsText("Tiếp thu");
        noSeriousViolation(page, "reports");
        ConsoleBrowser.screenshot(page, "reports");
    }

    @Test
    @Order(3)
    void aCoordinatorEscalatesAnIssueFromTheBoard() {
        String officer = platform.tokens().forUser("bnv.officer");
        String assignment = given().auth().oauth2(officer).when().get(gateway + "/api/assignment/assignments")
                .then().statusCode(200).extract().path("items[0].id");
        String title = "Chưa có hướng dẫn liên thông hồ sơ đất đai " + UUID.randomUUID().toString().substring(0, 6);
        String issue = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("""
                        {"assignmentId": "%s", "communeCode": "25942", "field": "THU_TUC_HANH_CHINH",
                         "kind": "DIFFICULTY", "title": "%s",
                         "description": "Phường chưa có quy trình liên thông sau sắp xếp"}""".formatted(assignment, title))
            .when().post(gateway + "/api/report/issues")
            .then().statusCode(201).extract().path("id");

        Page page = browser.signIn("bnv.coordinator");
        show(page, "#/issues?ministry=BNV", "issues");
        Locator card = page.locator("[data-column=OPEN] [data-issue='" + issue + "']");
        PlaywrightAssertions.assertThat(card).containsText(title);
        noSeriousViolation(page, "issues");
        card.locator("button", new Locator.LocatorOptions().setHasText("Chuyển đơn vị của bộ")).click();
        card.locator("select[name=unit]").selectOption("TT-CNTT");
        card.locator("textarea[name=note]").fill("Đề nghị Trung tâm hướng dẫn");
        card.locator("form button[type=submit]").click();

        // the board drawn again: the card under "escalated", as the API has it
        Locator escalated = page.locator("[data-column=ESCALATED] [data-issue='" + issue + "']");
        PlaywrightAssertions.assertThat(escalated).hasAttribute("data-status", "ESCALATED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        PlaywrightAssertions.assertThat(escalated).containsText("TT-CNTT");
        given().auth().oauth2(platform.tokens().forUser("bnv.coordinator"))
            .when().get(gateway + "/api/report/issues/" + issue)
            .then().statusCode(200).body("status", equalTo("ESCALATED")).body("escalatedToUnit", equalTo("TT-CNTT"));
        escalated.locator("button", new Locator.LocatorOptions().setHasText("Diễn biến")).click();
        PlaywrightAssertions.assertThat(escalated.locator(".history")).containsText("ESCALATED");
        ConsoleBrowser.screenshot(page, "issues");
    }

    @Test
    @Order(4)
    void anOfficerSubmitsTheWeeksReportAndTheCoordinatorsInboxShowsItLive() {
        Page inbox = browser.signIn("bnv.coordinator");
        show(inbox, "#/inbox", "inbox");
        noSeriousViolation(inbox, "inbox");
        inbox.evaluate("() => { window.sameDocument = true; }");

        String officer = platform.tokens().forUser("bnv.officer");
        String report = given().auth().oauth2(officer).queryParam("week", "2025-W38")
            .when().get(gateway + "/api/report/weekly-reports")
            .then().statusCode(200).body("items[0].status", equalTo("DUE")).extract().path("items[0].id");
        Page week = browser.signIn("bnv.officer");
        show(week, "#/my-week?report=" + report, "my-week");
        // the API drafted it on opening, prefilled (the issue raised above is among the difficulties)
        PlaywrightAssertions.assertThat(week.locator("#report-status")).containsText("DRAFT");
        week.fill("#report-summary", "Phường Dĩ An tiếp nhận hồ sơ trực tuyến ổn định");
        noSeriousViolation(week, "my-week");
        ConsoleBrowser.screenshot(week, "my-week");
        // sent without the week's activities: the API's answer shown field by field, nothing submitted
        week.locator("#report-form button[type=submit]").click();
        PlaywrightAssertions.assertThat(week.locator("#report-form [role=alert]")).containsText("activities", LIVE);
        PlaywrightAssertions.assertThat(week.locator("#report-status")).containsText("DRAFT");
        week.fill("#report-activities", "Làm việc với UBND phường Dĩ An về tiếp nhận hồ sơ trực tuyến");
        week.locator("#report-form button[type=submit]").click();
        PlaywrightAssertions.assertThat(week.locator("#report-status")).containsText("Đã nộp báo cáo tuần 2025-W38",
                LIVE);
        given().auth().oauth2(officer).when().get(gateway + "/api/report/weekly-reports/" + report)
            .then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("summary", equalTo("Phường Dĩ An tiếp nhận hồ sơ trực tuyến ổn định"));

        // the coordinator's inbox, open all along, shows it without a reload (the SSE stream)
        PlaywrightAssertions.assertThat(inbox.locator("#inbox-list li").first())
                .containsText(Pattern.compile("Báo cáo tuần 2025-W38 đã nộp"), LIVE);
        assertThat(inbox.evaluate("() => window.sameDocument === true")).as("no reload of the inbox").isEqualTo(true);
        ConsoleBrowser.screenshot(inbox, "inbox");
    }

    @Test
    @Order(5)
    void aBctAdminReadsBnvsOfficialsWithTheirPersonalDetailsMasked() {
        Page page = browser.signIn("bct.admin");
        // the first official of BNV's annex (PlatformIT imported it), who has a phone; the directory holds many more
        show(page, "#/officials?ministry=BNV&q=nguyen%20thi%20thu%20ha", "officials");
        Locator rows = page.locator("#officials tbody tr");
        assertThat(rows.count()).as("BNV's officials, readable by another ministry").isPositive();
        PlaywrightAssertions.assertThat(page.locator("#officials tbody")).containsText("Nguyễn Thị Thu Hà");
        // the API gives BCT the last three digits of the phone only, and no whole number
        assertThat(page.locator("#officials tbody tr[data-masked=true]").count()).isPositive();
        PlaywrightAssertions.assertThat(page.locator("#officials tbody")).containsText("*******");
        assertThat(page.locator("#officials tbody").textContent()).doesNotContainPattern("0\\d{9}");
        PlaywrightAssertions.assertThat(page.locator("#officials tbody")).containsText("thông tin cá nhân đã ẩn");
        noSeriousViolation(page, "officials");
        ConsoleBrowser.screenshot(page, "officials-as-bct");
    }

    /**
     * Opens a view by its address and waits until it has drawn its data: the heading drawn before is marked, so the
     * wait is for the one drawn after (a change of the hash redraws the view without reloading the page).
     */
    private static void show(Page page, String hash, String view) {
        page.evaluate("() => document.querySelectorAll('#view h1').forEach(h => h.dataset.testPrevious = '')");
        page.navigate(gateway + "/" + hash);
        page.locator("#view[data-view='" + view + "'][aria-busy=false] h1:not([data-test-previous])")
                .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        PlaywrightAssertions.assertThat(page.locator("#view h1")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#view .error")).hasCount(0);
    }

    private static void noSeriousViolation(Page page, String view) {
        assertThat(ConsoleBrowser.accessibilityViolations(page))
                .as("axe-core on the %s view, WCAG 2 A/AA, impact serious or critical", view).isEmpty();
    }
}
