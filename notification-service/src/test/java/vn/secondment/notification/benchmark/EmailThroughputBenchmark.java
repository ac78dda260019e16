package vn.secondment.notification.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.secondment.notification.service.GreenMailResource;
import vn.secondment.testing.BenchmarkReport;
import vn.secondment.testing.WithRealInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queues 10,000 single e-mails at once, as a round's events would, and lets the service's own scheduled sender send
 * them to a real SMTP server on this machine (GreenMail, as the local stack runs): prints the send rate and how long
 * the oldest and the newest mail waited between being queued and arriving at the server. A benchmark reports
 * figures; it does not pass or fail on them (it only checks that every mail arrived, once).
 * <p>
 * Run: {@code ./mvnw -B -Pbenchmark -pl notification-service -am verify -Dtest=EmailThroughputBenchmark}
 * (figures also in {@code notification-service/target/benchmark/email-throughput.txt}).
 */
@QuarkusTest
@WithRealInfrastructure
@WithTestResource(GreenMailResource.class)
@TestProfile(EmailThroughputBenchmark.ScheduledSender.class)
@Tag("benchmark")
class EmailThroughputBenchmark {

    private static final int MAILS = 10_000;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    private static final Pattern INDEX = Pattern.compile("thư (\\d{5})");

    /** The sender on its schedule, as in production (the tests switch it off to drive it themselves). */
    public static class ScheduledSender implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.email.poll", "1s");
        }
    }

    @Inject
    EntityManager em;

    private final BenchmarkReport report = new BenchmarkReport("email-throughput.txt");

    @Test
    void sendsTenThousandQueuedMails() throws Exception {
        GreenMail server = GreenMailResource.server();
        server.purgeEmailFromAllMailboxes();

        Instant queuedFrom = Instant.now();
        queue(MAILS);
        Instant queuedUntil = Instant.now();

        // arrival times as the SMTP server saw them, sampled every 50 ms: index of the mail → when it had arrived
        Instant[] arrived = new Instant[MAILS];
        int seen = 0;
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (seen < MAILS && System.nanoTime() < deadline) {
            MimeMessage[] received = server.getReceivedMessages();
            Instant now = Instant.now();
            for (int i = seen; i < received.length; i++) {
                int index = indexOf(received[i]);
                assertThat(arrived[index]).as("mail %d arrived twice", index).isNull();
                arrived[index] = now;
            }
            seen = received.length;
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(seen).as("mails that arrived within %s", GIVE_UP_AFTER).isEqualTo(MAILS);

        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (Instant at : arrived) {
            first = at.isBefore(first) ? at : first;
            last = at.isAfter(last) ? at : last;
        }
        double sendingSeconds = Duration.between(first, last).toNanos() / 1e9;
        double overallSeconds = Duration.between(queuedUntil, last).toNanos() / 1e9;
        report.line("%,d e-mails queued in %.1f s (one transaction), sent by the scheduled sender to GreenMail",
                MAILS, Duration.between(queuedFrom, queuedUntil).toMillis() / 1000.0);
        report.line("send rate, first to last arrival:     %7.1f e-mails/s (%.1f s)", MAILS / sendingSeconds,
                sendingSeconds);
        report.line("send rate, queued to last arrival:    %7.1f e-mails/s (%.1f s)", MAILS / overallSeconds,
                overallSeconds);
        report.line("wait of the oldest (queued first):    %7.1f s", waited(queuedFrom, arrived[0]));
        report.line("wait of the newest (queued last):     %7.1f s", waited(queuedUntil, arrived[MAILS - 1]));
        report.line("first arrival after the queueing:     %7.1f s", waited(queuedUntil, first));
        report.write();
    }

    /**
     * Queues {@code count} single e-mails as {@code EmailQueue} does for an entry (one inbox entry, one delivery
     * each), mail {@code i} queued {@code i} microseconds after mail {@code i - 1}, all due now; all to one address,
     * so that the server keeps them in the order they arrived.
     */
    private void queue(int count) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        WITH entries AS (
                            INSERT INTO inbox_entry (id, event_id, event_type, recipient_email, title, body,
                                                     created_at)
                            SELECT gen_random_uuid(), 'benchmark-' || i, 'vn.secondment.report.weekly-report.returned',
                                   'benchmark@moha.gov.vn',
                                   'Báo cáo tuần 2025-W37 bị trả lại (thư ' || lpad(i::text, 5, '0') || ')',
                                   'Nhận xét: Bổ sung số liệu thủ tục hành chính của phường.',
                                   clock_timestamp() + i * interval '1 microsecond'
                              FROM generate_series(0, :last) AS i
                            RETURNING id, event_id, event_type, recipient_email, created_at)
                        INSERT INTO email_delivery (id, entry_id, event_id, event_type, ministry, recipient_email,
                                                    language, digest, status, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), id, event_id, event_type, 'BNV', recipient_email, 'vi', false,
                               'PENDING', created_at, created_at
                          FROM entries""")
                .setParameter("last", count - 1)
                .executeUpdate());
    }

    /** The mail's index, from its subject ("… (thư 00042)"). */
    private static int indexOf(MimeMessage mail) throws MessagingException {
        Matcher index = INDEX.matcher(mail.getSubject());
        assertThat(index.find()).as(mail.getSubject()).isTrue();
        return Integer.parseInt(index.group(1));
    }

    private static double waited(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
