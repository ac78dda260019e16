package vn.secondment.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The web console in headless Chromium, as a coordinator or liaison opens it: Debian's {@code chromium} package
 * driven by Playwright for Java, never a browser Playwright downloads (the build and CI are offline-capable and
 * a downloaded build would not be the one a ministry's IT team can patch). One browser for a test class (open in
 * {@code @BeforeAll}, {@link #close()} in {@code @AfterAll}); a fresh context, so a fresh Keycloak session, per
 * user signed in.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** Debian's {@code chromium}; {@code -De2e.chromium=...} for another Chromium build installed by hand. */
    static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    /** Where every view renders, and says it is showing its data ({@code aria-busy="false"}). */
    static final String VIEW_READY = "#view[aria-busy=false]";

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final String gatewayUrl;
    private final Playwright playwright;
    private final Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    private ConsoleBrowser(String gatewayUrl, Playwright playwright, Browser browser) {
        this.gatewayUrl = gatewayUrl;
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts headless Chromium; fails, saying how to install it, when Debian's package is missing (no skip). */
    static ConsoleBrowser open(String gatewayUrl) {
        return open(gatewayUrl, CHROMIUM);
    }

    static ConsoleBrowser open(String gatewayUrl, Path chromium) {
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium at " + chromium + ", which is "
                    + "missing. Install it with 'sudo apt-get update && sudo apt-get install -y chromium' (.ci/run "
                    + "does this itself), or point -De2e.chromium= at another Chromium. Playwright never downloads a "
                    + "browser here.");
        }
        // without it, Playwright.create() tries to download its own Chromium build and fails offline
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
            System.out.printf("[e2e] console: Chromium %s (%s)%n", browser.version(), chromium);
            return new ConsoleBrowser(gatewayUrl, playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * Opens the console at the gateway's {@code /} in a new context (desktop, 1366 x 900, Vietnamese), signs in on
     * Keycloak's form with the realm's development password and waits for the first view to show its data.
     */
    Page signIn(String username) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 900)
                .setLocale("vi-VN")
                .setAcceptDownloads(true));
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(gatewayUrl + "/");
        signInOnKeycloaksForm(page, username);
        waitFor(page, VIEW_READY, "the console's first view with its data");
        return page;
    }

    /** Keycloak's own login form, where the console sends a visitor without a session. */
    static void signInOnKeycloaksForm(Page page, String username) {
        waitFor(page, "#username", "Keycloak's login form");
        page.fill("#username", username);
        page.fill("#password", KeycloakTokens.DEV_PASSWORD);
        page.click("#kc-login");
    }

    /** Waits for the selector; on a timeout, says what the browser shows instead (e.g. Keycloak's error page). */
    static void waitFor(Page page, String selector, String what) {
        try {
            page.waitForSelector(selector);
        } catch (TimeoutError e) {
            String text;
            try {
                text = String.valueOf(page.evaluate("() => document.body ? document.body.innerText : ''"));
            } catch (PlaywrightException unreadable) {
                text = "(unreadable: " + unreadable.getMessage().lines().findFirst().orElse("") + ")";
            }
            throw new AssertionError("%s (%s) did not appear; the browser is at %s showing: %s".formatted(what,
                    selector, page.url(), text.length() > 400 ? text.substring(0, 400) + "…" : text), e);
        }
    }

    /** The whole page into {@code target/screenshots/<name>.png}. */
    static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        System.out.printf("[e2e] console: screenshot %s%n", file);
        return file;
    }

    /**
     * axe-core (bundled in Deque's jar, injected into the page) on the page as it is, WCAG 2 A and AA rules: the
     * violations of impact serious or critical, one line each (rule, impact, help, the first elements' selectors).
     */
    static List<String> accessibilityViolations(Page page) {
        List<Rule> violations = new AxeBuilder(page).withTags(WCAG_A_AA).analyze().getViolations();
        return violations.stream()
                .filter(rule -> rule.getImpact() != null && BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(ConsoleBrowser::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        List<CheckedNode> nodes = rule.getNodes() == null ? List.of() : rule.getNodes();
        String targets = nodes.stream().limit(3).map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
        return "%s (%s): %s; %d element(s), e.g. %s".formatted(rule.getId(), rule.getImpact(), rule.getHelp(),
                nodes.size(), targets);
    }

    @Override
    public void close() {
        for (BrowserContext context : contexts) {
            context.close();
        }
        browser.close();
        playwright.close();
    }
}
