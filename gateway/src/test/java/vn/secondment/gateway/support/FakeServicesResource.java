package vn.secondment.gateway.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The services behind the gateway during tests: personnel-service (and report-service) is a WireMock server,
 * assignment-service refuses connections (nothing listens on its port), notification-service never completes a
 * connection.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer personnel;
    private UnansweredPort notification;

    @Override
    public Map<String, String> start() {
        // no gzip: answers should reach the test as the fake service wrote them, ETags included
        personnel = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
        personnel.start();
        notification = new UnansweredPort();
        return Map.of(
                "gateway.routes.personnel.url", personnel.baseUrl(),
                "gateway.routes.report.url", personnel.baseUrl(),
                "gateway.routes.assignment.url", "http://localhost:" + portNobodyListensOn(),
                "gateway.routes.notification.url", notification.url(),
                "gateway.timeouts.connect", "1s",
                "gateway.timeouts.response", "2s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(personnel,
                new TestInjector.AnnotatedAndMatchesType(FakePersonnelService.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (personnel != null) {
            personnel.stop();
        }
        if (notification != null) {
            try {
                notification.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
