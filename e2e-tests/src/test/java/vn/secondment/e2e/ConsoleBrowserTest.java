package vn.secondment.e2e;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The browser harness without a platform: a local page stands in for Keycloak's form and a console view (one input
 * without a label, which axe rates critical), so what WebConsoleIT relies on is proved on every build.
 */
class ConsoleBrowserTest {

    private static final String LOGIN = """
            <!doctype html><html lang="vi"><head><title>Đăng nhập</title></head><body><main>
            <h1>Đăng nhập</h1><form action="/console" method="get">
            <label for="username">Tên đăng nhập</label><input id="username" name="username">
            <label for="password">Mật khẩu</label><input id="password" name="password" type="password">
            <input id="kc-login" type="submit" value="Đăng nhập"></form></main></body></html>""";
    private static final String CONSOLE = """
            <!doctype html><html lang="vi"><head><title>Toàn cảnh</title></head><body>
            <main id="view" data-view="side-by-side" aria-busy="true"><h1>Toàn cảnh</h1>
            <input type="text" name="unlabelled"></main>
            <script>setTimeout(() => document.getElementById('view').setAttribute('aria-busy', 'false'), 200)</script>
            </body></html>""";

    private static HttpServer server;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean console = exchange.getRequestURI().getPath().equals("/console");
            byte[] body = (console ? CONSOLE : LOGIN).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        browser = ConsoleBrowser.open("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.stop(0);
    }

    @Test
    void signsInThroughTheFormWaitsForTheViewAndReportsSeriousViolations() throws Exception {
        Page page = browser.signIn("bnv.coordinator");
        assertThat(page.url()).contains("/console?username=bnv.coordinator&password=dev-password");
        assertThat(page.locator("#view").getAttribute("aria-busy")).isEqualTo("false");

        List<String> violations = ConsoleBrowser.accessibilityViolations(page);
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0)).startsWith("label (critical): ").endsWith("1 element(s), e.g. [input]");

        Path file = ConsoleBrowser.screenshot(page, "console-browser-test");
        assertThat(Files.size(file)).isPositive();
        Files.delete(file);
    }

    @Test
    void withoutChromiumItFailsSayingHowToInstallIt() {
        assertThatThrownBy(() -> ConsoleBrowser.open("http://127.0.0.1:1", Path.of("/nonexistent/chromium")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/chromium")
                .hasMessageContaining("apt-get install -y chromium");
    }
}
