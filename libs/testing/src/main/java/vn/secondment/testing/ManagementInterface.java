package vn.secondment.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the application under test: health and metrics are served there, on a port of their
 * own that the public port and the gateway never expose. Tests run it on a free port; Quarkus records which.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** {@code path} (e.g. {@code /q/health/ready}) on the running application's management port. */
    public static String url(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port + path;
    }
}
