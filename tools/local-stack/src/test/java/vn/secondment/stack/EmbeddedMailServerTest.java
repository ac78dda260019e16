package vn.secondment.stack;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import vn.secondment.embedded.FreePorts;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedMailServerTest {

    private static final String RECIPIENT = "bnv.officer@secondment.local";
    private static final int ABANDONED_CONNECTIONS = 4;
    private static final String SUBJECT = "[Tăng cường cơ sở] Báo cáo tuần 2025-W37 bị trả lại";

    @Test
    void mailSentWhereNotificationServiceIsPointedCanBeReadOverImapWithTheAddressAsLoginAndPassword() throws Exception {
        Ports ports = Ports.free();
        Map<String, String> environment =
                ProcessEnvironments.application(ports, PlatformApplication.named("notification-service"));

        // started as LocalStack starts it
        try (EmbeddedMailServer server =
                     EmbeddedMailServer.start(ProcessEnvironments.MAIL_HOST, ports.smtp(), ports.imap())) {
            // as Quarkus Mailer sends: plain SMTP without a login, to the host and port of the service's environment
            Properties smtp = new Properties();
            smtp.setProperty("mail.smtp.host", environment.get("QUARKUS_MAILER_HOST"));
            smtp.setProperty("mail.smtp.port", environment.get("QUARKUS_MAILER_PORT"));
            MimeMessage sent = new MimeMessage(Session.getInstance(smtp));
            sent.setFrom("thongbao@secondment.gov.vn");
            sent.setRecipients(Message.RecipientType.TO, RECIPIENT);
            sent.setSubject(SUBJECT, "UTF-8");
            sent.setText("Vui lòng bổ sung số liệu của Phường Dĩ An.", "UTF-8");
            Transport.send(sent);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.receivedMessages().length == 1);

            // as a person reads it: IMAP at the URL the launcher prints, login = password = the address
            URI imap = URI.create(ProcessEnvironments.imapUrl(ports));
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect(imap.getHost(), imap.getPort(), RECIPIENT, RECIPIENT);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isEqualTo(1);
                Message read = inbox.getMessage(1);
                assertThat(read.getSubject()).isEqualTo(SUBJECT);
                assertThat(read.getFrom()[0].toString()).isEqualTo("thongbao@secondment.gov.vn");
                assertThat((String) read.getContent()).contains("Phường Dĩ An");
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void bothPortsGreetClientsWhileRunningAndAreFreeAfterClose() throws Exception {
        Ports ports = Ports.free();
        EmbeddedMailServer server = EmbeddedMailServer.start(ProcessEnvironments.MAIL_HOST, ports.smtp(),
                ports.imap());
        try {
            assertThat(server.isRunning()).isTrue();
            assertThat(greeting(ports.smtp())).startsWith("220 ");
            assertThat(greeting(ports.imap())).startsWith("* OK");
        } finally {
            server.close();
        }

        assertThat(server.isRunning()).isFalse();
        assertThat(FreePorts.isTaken(ports.smtp())).isFalse();
        assertThat(FreePorts.isTaken(ports.imap())).isFalse();
        server.close(); // a second stop (shutdown hook after close) is harmless
    }

    @Test
    void imapConnectionsClosedWithoutLogoutLeaveNoServerThreadBusy() throws Exception {
        Ports ports = Ports.free();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (EmbeddedMailServer server =
                     EmbeddedMailServer.start(ProcessEnvironments.MAIL_HOST, ports.smtp(), ports.imap())) {
            int baseline = threads.getThreadCount();

            // as a mail client that is killed, or a check that only logs in: LOGIN answered, then the socket closed
            for (int i = 0; i < ABANDONED_CONNECTIONS; i++) {
                try (Socket socket = new Socket(ProcessEnvironments.MAIL_HOST, ports.imap())) {
                    socket.setSoTimeout(5_000);
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    assertThat(in.readLine()).startsWith("* OK");
                    socket.getOutputStream().write(
                            ("a1 LOGIN " + RECIPIENT + " " + RECIPIENT + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    assertThat(in.readLine()).startsWith("a1 ");
                }
            }

            // each connection's handler thread must end once its client has gone...
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (threads.getThreadCount() > baseline && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            int left = threads.getThreadCount() - baseline;
            // ...and no thread of this JVM may keep burning CPU afterwards
            long busyMillis = cpuMillisOverWindow(threads, Duration.ofSeconds(1));
            System.out.printf("IMAP connections closed without LOGOUT: %d, threads left above baseline: %d, "
                    + "CPU used by all threads in the 1 s after: %d ms%n", ABANDONED_CONNECTIONS, left, busyMillis);
            assertThat(left).as("handler threads left after their clients closed").isLessThanOrEqualTo(0);
            assertThat(busyMillis).as("CPU ms used in 1 s by the JVM's threads, idle server").isLessThan(500);
            assertThat(server.isRunning()).isTrue();
        }
    }

    /** CPU time all live threads of this JVM use during {@code window}, in ms. */
    private static long cpuMillisOverWindow(ThreadMXBean threads, Duration window) throws InterruptedException {
        Map<Long, Long> before = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            before.put(id, threads.getThreadCpuTime(id));
        }
        Thread.sleep(window.toMillis());
        long used = 0;
        for (long id : threads.getAllThreadIds()) {
            long now = threads.getThreadCpuTime(id);
            Long then = before.get(id);
            if (now > 0 && then != null && then > 0) {
                used += now - then;
            }
        }
        return used / 1_000_000;
    }

    private static String greeting(int port) throws Exception {
        try (Socket socket = new Socket(ProcessEnvironments.MAIL_HOST, port)) {
            socket.setSoTimeout(5_000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
