package vn.secondment.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A real mail server (GreenMail) inside this JVM, like PostgreSQL and Kafka: SMTP receives what notification-service
 * sends, IMAP lets people read it. The first message to an address creates its mailbox, with the address as both
 * login and password; SMTP takes mail for any address without a login. Nothing is relayed further, and the mail is
 * kept in memory only: it is gone once the server stops.
 */
final class EmbeddedMailServer implements AutoCloseable {

    /** How long {@link #start} waits for each listener; the default 2 s is short on a busy 2-core machine. */
    private static final long STARTUP_TIMEOUT_MILLIS = 10_000;

    private final GreenMail greenMail;
    private final String host;
    private final int smtpPort;
    private final int imapPort;

    private EmbeddedMailServer(GreenMail greenMail, String host, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.host = host;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /**
     * Starts SMTP and IMAP on {@code host} (an address to bind, e.g. {@code 127.0.0.1}) and returns once both accept
     * connections.
     */
    static EmbeddedMailServer start(String host, int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP);
        smtp.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        imap.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop(); // one listener may be up when the other failed
            throw e;
        }
        return new EmbeddedMailServer(greenMail, host, smtpPort, imapPort);
    }

    String host() {
        return host;
    }

    int smtpPort() {
        return smtpPort;
    }

    int imapPort() {
        return imapPort;
    }

    /** Every message received so far, all mailboxes together, oldest first. */
    MimeMessage[] receivedMessages() {
        return greenMail.getReceivedMessages();
    }

    boolean isRunning() {
        return greenMail.isRunning();
    }

    /** Stops both listeners; the mail is dropped. Safe to call more than once. */
    @Override
    public void close() {
        greenMail.stop();
    }
}
