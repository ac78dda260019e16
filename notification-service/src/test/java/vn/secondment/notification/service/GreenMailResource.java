package vn.secondment.notification.service;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free port for the service's Quarkus Mailer: mail really travels over SMTP,
 * and tests read what arrived. {@link #stop()}/{@link #start()} let a test take it away for a while.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static volatile int port;
    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static GreenMail server() {
        return server;
    }

    public static synchronized void startServer() {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        server = greenMail;
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
        }
    }
}
