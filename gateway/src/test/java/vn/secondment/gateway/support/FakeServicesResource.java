package vn.secondment.gateway.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import vn.secondment.testing.FaultProxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The services behind the gateway during tests: personnel-service is a WireMock server, report-service the same
 * server behind a {@link FaultProxy} (passing everything until a test says otherwise), assignment-service refuses
 * connections (nothing listens on its port), notification-service never completes a connection.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer personnel;
    private UnansweredPort notification;
    private FaultProxy report;

    @Override
    public Map<String, String> start() {
        // no gzip: answers should reach the test as the fake service wrote them, ETags included
        personnel = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
        personnel.start();
        notification = new UnansweredPort();
        report = FaultProxy.to("127.0.0.1", personnel.port());
        return Map.of(
                "gateway.routes.personnel.url", personnel.baseUrl(),
                "gateway.routes.report.url", "http://127.0.0.1:" + report.port(),
                "gateway.routes.assignment.url", "http://localhost:" + portNobodyListensOn(),
                "gateway.routes.notification.url", notification.url(),
                "gateway.timeouts.connect", "1s",
                "gateway.timeouts.response", "2s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(personnel,
                new TestInjector.AnnotatedAndMatchesType(FakePersonnelService.class, WireMockServer.class));
        injector.injectIntoFields(report,
                new TestInjector.AnnotatedAndMatchesType(ReportServiceProxy.class, FaultProxy.class));
    }

    @Override
    public void stop() {
        if (report != null) {
            report.close();
        }
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
