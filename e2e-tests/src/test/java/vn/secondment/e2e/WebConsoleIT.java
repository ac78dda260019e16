package vn.secondment.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * The web console in a real browser (headless Debian Chromium, {@link ConsoleBrowser}) against the packaged platform
 * and the real Keycloak, after PlatformIT's annex imports and BNV's round to the 34 provinces: a Vụ Tổ chức cán bộ
 * coordinator signs in on Keycloak's form, sees the side-by-side map of the round's day with Hồ Chí Minh City's
 * officials, the ministry x province grid and the CSV export, reaches the map by keyboard, and signs out; axe-core
 * finds no serious or critical WCAG 2 A/AA violation. The time to the side-by-side's data (BNV's round, then 17
 * ministries' rounds seeded through the API) is printed, not asserted.
 * Screenshots go to {@code target/screenshots/}.
 */
@Order(8)
@ExtendWith(Platform.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleIT {

    /** Inside PlatformIT's round for BNV (20/8–20/10/2025, rescheduled to 3/9–3/11/2025): every province has one. */
    private static final String ROUND_DAY = "2025-09-15";
    private static final String HCM = "79";
    private static final String TILES = "#province-map [data-province]";

    private static Platform platform;
    private static ConsoleBrowser browser;
    private static JsonPath bnvCoverage;

    @BeforeAll
    static void openTheBrowser() {
        platform = Platform.current();
        bnvCoverage = given().auth().oauth2(platform.tokens().forUser("bnv.coordinator"))
                .queryParam("date", ROUND_DAY).queryParam("ministry", "BNV")
            .when().get(platform.gatewayUrl() + "/api/assignment/coverage")
            .then().statusCode(200).extract().jsonPath();
        browser = ConsoleBrowser.open(platform.gatewayUrl());
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aCoordinatorSeesTheRoundsProvincesSideBySideWithTheirOfficialsAndExportsThem() throws Exception {
        Page page = browser.signIn("bnv.coordinator");
        AtomicReference<String> pagesToken = new AtomicReference<>();
        page.onRequest(request -> {
            String authorization = request.headers().get("authorization");
            if (request.url().contains("/api/") && authorization != null && authorization.startsWith("Bearer ")) {
                pagesToken.set(authorization.substring("Bearer ".length()));
            }
        });
        Locator view = page.locator("#view");
        PlaywrightAssertions.assertThat(view).hasAttribute("data-view", "side-by-side");
        PlaywrightAssertions.assertThat(page.locator("#user-name")).not().isEmpty();
        PlaywrightAssertions.assertThat(view.locator("h1")).hasCount(1);

        showTheRound(page);
        PlaywrightAssertions.assertThat(page.locator(TILES)).hasCount(34);
        PlaywrightAssertions.assertThat(page.locator(TILES + "[data-state]")).hasCount(34);
        assertThat(page.locator(TILES + "[data-state=COVERED]").count()).as("provinces covered for BNV on " + ROUND_DAY)
                .isPositive();

        // Hồ Chí Minh City's tile: a button naming the province and its state, opening the officials sent there
        Locator hcm = page.locator("#province-map [data-province='" + HCM + "']");
        assertThat(hcm.evaluate("e => e.tagName === 'BUTTON' || e.getAttribute('role') === 'button'"))
                .as("the tile is a button").isEqualTo(true);
        assertThat(hcm.getAttribute("aria-label")).as("the tile's label").contains("Hồ Chí Minh");
        hcm.click();
        List<String> hcmOfficials = officialsIn(HCM);
        assertThat(hcmOfficials).as("BNV's officials in Hồ Chí Minh City on " + ROUND_DAY + " (API)").isNotEmpty();
        for (String name : hcmOfficials) {
            PlaywrightAssertions.assertThat(page.locator("#province-detail")).containsText(name);
        }

        // the grid: ministries x the 34 provinces, whichever way round it is drawn
        Locator grid = page.locator("#coverage-grid");
        PlaywrightAssertions.assertThat(grid).isVisible();
        int bodyRows = grid.locator("tbody tr").count();
        int headerCells = grid.locator("thead tr").last().locator("th").count();
        System.out.printf("[e2e] console: grid of %d body rows, %d header cells%n", bodyRows, headerCells);
        assertThat(List.of(bodyRows, headerCells - 1)).as("34 provinces as rows or as columns (after the first)")
                .contains(34);

        theCsvExportIsTheApis(page, pagesToken.get());
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tải XLSX")))
                .isVisible();

        ConsoleBrowser.screenshot(page, "side-by-side");
        page.setViewportSize(390, 844);
        PlaywrightAssertions.assertThat(page.locator(TILES).first()).isVisible();
        ConsoleBrowser.screenshot(page, "side-by-side-phone");
        page.setViewportSize(1366, 900);

        printTheTimeToTheSideBySidesData(page, "BNV's round", "?date=" + ROUND_DAY + "&ministry=BNV");
    }

    @Test
    @Order(2)
    void theMapIsReachedByKeyboardAndEnterOpensAProvince() {
        Page page = browser.signIn("bnv.coordinator");
        showTheRound(page);
        page.focus("#date");
        String province = null;
        for (int tab = 0; tab < 80 && province == null; tab++) {
            page.keyboard().press("Tab");
            province = (String) page.evaluate("() => document.activeElement && document.activeElement.closest("
                    + "'#province-map [data-province]') ? document.activeElement.closest('[data-province]')"
                    + ".getAttribute('data-province') : null");
        }
        assertThat(province).as("a province tile reached with Tab from #date (80 presses at most)").isNotNull();
        page.keyboard().press("Enter");
        List<String> officials = officialsIn(province);
        assertThat(officials).as("BNV's officials in province " + province + " (API)").isNotEmpty();
        for (String name : officials) {
            PlaywrightAssertions.assertThat(page.locator("#province-detail")).containsText(name);
        }
    }

    @Test
    @Order(3)
    void theSideBySideHasNoSeriousAccessibilityViolation() {
        Page page = browser.signIn("bnv.coordinator");
        showTheRound(page);
        page.click("#province-map [data-province='" + HCM + "']");
        PlaywrightAssertions.assertThat(page.locator("#province-detail")).not().isEmpty();
        long begin = System.nanoTime();
        List<String> violations = ConsoleBrowser.accessibilityViolations(page);
        System.out.printf("[e2e] console: axe on the side-by-side in %d ms, %d serious/critical%n",
                (System.nanoTime() - begin) / 1_000_000, violations.size());
        assertThat(violations).as("axe-core, WCAG 2 A/AA, impact serious or critical").isEmpty();
    }

    @Test
    @Order(4)
    void theConsoleSpeaksEnglishOnRequestAndSignsOutToKeycloak() {
        Page page = browser.signIn("bnv.coordinator");
        assertThat(page.locator("html").getAttribute("lang")).startsWith("vi");
        Locator nav = page.locator("nav[aria-label='Chính']");
        Map<String, String> links = Map.of("Toàn cảnh", "#/side-by-side", "Tiến độ", "#/timeline",
                "Báo cáo", "#/reports", "Khó khăn, vướng mắc", "#/issues", "Hộp thư", "#/inbox");
        links.forEach((name, href) -> PlaywrightAssertions.assertThat(nav.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name))).hasAttribute("href", href));
        PlaywrightAssertions.assertThat(page.locator("#unread-count")).isAttached();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", Pattern.compile("^en"));
        PlaywrightAssertions.assertThat(page.locator("nav[aria-label='Main']")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếng Việt")).click();
        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", Pattern.compile("^vi"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();
        PlaywrightAssertions.assertThat(page.locator("#username")).isVisible();
        // the Keycloak session ended too: opening the console again asks for the password again
        page.navigate(platform.gatewayUrl() + "/");
        PlaywrightAssertions.assertThat(page.locator("#username")).isVisible();
    }

    @Test
    @Order(5)
    void theSideBySideOfSeventeenMinistriesIsTimed() {
        long begin = System.nanoTime();
        List<String> ministries = SeventeenMinistries.seed(platform.gatewayUrl(),
                platform.tokens().forUser("platform.admin"));
        System.out.printf("[e2e] console: %d ministries' rounds seeded in %d s%n", ministries.size(),
                (System.nanoTime() - begin) / 1_000_000_000);
        Page page = browser.signIn("bnv.coordinator");
        StringBuilder query = new StringBuilder("?date=" + SeventeenMinistries.DAY);
        ministries.forEach(code -> query.append("&ministry=").append(code));
        printTheTimeToTheSideBySidesData(page, ministries.size() + " ministries", query.toString());
        PlaywrightAssertions.assertThat(page.locator("#coverage-grid thead th")).hasCount(ministries.size() + 1);
        ConsoleBrowser.screenshot(page, "side-by-side-17-ministries");
    }

    /**
     * BNV only, on a day of PlatformIT's round, through the view's own form (its submit button), until the view has
     * drawn the map again with that day's data.
     */
    private static void showTheRound(Page page) {
        PlaywrightAssertions.assertThat(page.locator("#view")).hasAttribute("data-view", "side-by-side");
        page.selectOption("#ministries", "BNV");
        page.fill("#date", ROUND_DAY);
        // the map drawn for the previous choice is marked, so the wait below is for the one drawn after the submit
        page.locator("#province-map").evaluate("map => map.setAttribute('data-test-previous', '')");
        page.locator("#view form button[type=submit]").click();
        page.locator(ConsoleBrowser.VIEW_READY + " #province-map:not([data-test-previous])")
                .waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        PlaywrightAssertions.assertThat(page.locator("#date")).hasValue(ROUND_DAY);
    }

    /** The names the API gives the coordinator for BNV's officials in a province on the round's day. */
    private static List<String> officialsIn(String province) {
        return bnvCoverage.getList("ministries[0].cells.find { it.provinceCode == '" + province
                + "' }.officials.fullName", String.class);
    }

    /**
     * "Tải CSV" is the API's export of that day: its link, fetched here with the token the page itself sends to the
     * API, answers the CSV; and clicking it, as a user does, downloads that file with the officials' names.
     */
    private static void theCsvExportIsTheApis(Page page, String pagesToken) throws Exception {
        Locator csv = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tải CSV"));
        PlaywrightAssertions.assertThat(csv).isVisible();
        String href = csv.getAttribute("href");
        System.out.printf("[e2e] console: Tải CSV -> %s%n", href);
        assertThat(href).as("the link's target").contains("/api/assignment/coverage/export")
                .contains("date=" + ROUND_DAY);
        assertThat(pagesToken).as("the bearer token the console sends to /api/").isNotNull();
        given().auth().oauth2(pagesToken).urlEncodingEnabled(false)
            .when().get(URI.create(platform.gatewayUrl() + "/").resolve(href).toString())
            .then().statusCode(200).contentType(startsWith("text/csv"));

        Download download = page.waitForDownload(csv::click);
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).endsWith(".csv");
        String content = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(content).contains("Mã tỉnh");
        for (String name : officialsIn(HCM)) {
            assertThat(content).contains(name);
        }
    }

    /**
     * The console opened again (a full load: the Keycloak session's single sign-on, the code exchange, the API's
     * coverage) until the side-by-side shows its 34 provinces. Printed, not asserted: the issue asks for 1 s on the
     * local stack, and this machine's load varies.
     */
    private static void printTheTimeToTheSideBySidesData(Page page, String what, String query) {
        page.navigate("about:blank"); // so that the next one is a whole load, not a change of the hash
        long begin = System.nanoTime();
        page.navigate(platform.gatewayUrl() + "/#/side-by-side" + query);
        page.locator(ConsoleBrowser.VIEW_READY + " " + TILES).nth(33).waitFor();
        long wall = (System.nanoTime() - begin) / 1_000_000;
        Object inPage = page.evaluate("() => Math.round(performance.now())");
        System.out.printf("[e2e] console: side-by-side of %s interactive %d ms after navigate() (SSO redirect "
                + "included); %s ms after the console's own page started loading%n", what, wall, inPage);
    }
}
