package vn.secondment.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.secondment.notification.EmailDelivery;
import vn.secondment.notification.config.EmailConfig;
import vn.secondment.notification.service.DeliveryQueue.Outcome;
import vn.secondment.notification.service.DeliveryQueue.Trace;
import vn.secondment.rest.VietnamTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends queued e-mail ({@link EmailQueue}) later, from a scheduled job, through the {@link DeliveryQueue} shared with
 * webhooks, so that a slow or absent SMTP server never holds a Kafka consumer or a database transaction. A single
 * message is sent in a span continuing the trace it was queued in; a digest in a trace of its own.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private final EntityManager em;
    private final Clock clock;
    private final EmailConfig config;
    private final ReactiveMailer mailer;
    private final Engine templates;
    /**
     * Every send starts on this one event loop. Started from any other thread, the Vert.x mail client (4.5) may
     * open the socket on one event loop and attach its reader on another; a server that greets at once (as
     * GreenMail on the same machine does) then loses its greeting, or half of it, and the session stalls until the
     * server's timeout. Started here, connecting and reading share one thread.
     */
    private final Context mailContext;
    private final DeliveryQueue queue;
    private final DeliveryQueue.Retry retry;
    private final Mails singles = new Mails(false);
    private final Mails digests = new Mails(true);
    private final NotificationMetrics metrics;

    public EmailSender(EntityManager em, Clock clock, EmailConfig config, ReactiveMailer mailer, Engine templates,
                       Vertx vertx, DeliveryQueue queue, NotificationMetrics metrics) {
        this.em = em;
        this.metrics = metrics;
        this.queue = queue;
        this.retry = new DeliveryQueue.Retry(config.backoff(), config.maxAttempts());
        this.clock = clock;
        this.config = config;
        this.mailer = mailer;
        this.templates = templates;
        this.mailContext = ((VertxInternal) vertx).createEventLoopContext();
    }

    /** One entry as the templates read it. */
    @TemplateData
    public record Item(String title, String body) {
    }

    @Scheduled(every = "${notification.email.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        // a backlog goes out batch after batch, not one batch per poll: a full batch means more is due
        int attempted;
        do {
            attempted = sendDue(clock.instant());
        } while (attempted == config.batchSize());
        sendDigests(clock.instant());
    }

    /**
     * Sends the single messages due at {@code now} (digest rows wait for {@link #sendDigests}).
     *
     * @return how many sends were attempted
     */
    public int sendDue(Instant now) {
        return queue.sendDue(singles, now);
    }

    /**
     * Sends every digest due at {@code now}: one message per address listing all its waiting entries, oldest first.
     * Digest rows are queued due at the next digest time, so a day's entries go out together once a day.
     *
     * @return how many digest messages were attempted
     */
    public int sendDigests(Instant now) {
        return queue.sendDue(digests, now);
    }

    /** The e-mail channel of the {@link DeliveryQueue}: single messages, or daily digests (one per address). */
    private final class Mails implements DeliveryQueue.Channel<Claimed> {

        private final boolean digest;

        Mails(boolean digest) {
            this.digest = digest;
        }

        @Override
        public String table() {
            return "email_delivery";
        }

        @Override
        public Duration sendTimeout() {
            return config.sendTimeout();
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Claimed> claim(Instant now) {
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT d.id, d.recipient_email, d.language,
                                   CASE WHEN d.language = 'en' THEN coalesce(e.title_en, e.title) ELSE e.title END,
                                   CASE WHEN d.language = 'en' THEN coalesce(e.body_en, e.body) ELSE e.body END,
                                   d.event_id, d.event_type,
                                   d.attempts, d.traceparent
                              FROM email_delivery d JOIN inbox_entry e ON e.id = d.entry_id
                             WHERE d.status IN ('PENDING', 'FAILED') AND d.next_attempt_at <= :now
                               AND d.digest = :digest
                             ORDER BY d.next_attempt_at, e.created_at, d.id
                             LIMIT :limit
                               FOR UPDATE OF d SKIP LOCKED""")
                    .setParameter("now", now)
                    .setParameter("digest", digest)
                    // a digest lists a day's entries: claim them all in one run, not a batch
                    .setParameter("limit", digest ? 10_000 : config.batchSize())
                    .getResultList();
            return rows.stream().map(r -> new Claimed((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8])).toList();
        }

        @Override
        public String spanName() {
            return "email send";
        }

        /** Bounded attributes without the address: the delivery, its event, the attempt. */
        @Override
        public Trace trace(List<Claimed> message) {
            Claimed first = message.get(0);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("delivery.id", first.id().toString());
            attributes.put("delivery.attempt", Integer.toString(first.attempts() + 1));
            attributes.put("email.digest", Boolean.toString(digest));
            if (!digest) {
                attributes.put("event.id", first.eventId());
                attributes.put("event.type", first.eventType());
                return new Trace(first.traceparent(), attributes, first.eventId(), first.eventType());
            }
            // a digest is caused by the morning's digest time, not by one event: hanging it under one entry's trace
            // would misplace it in that trace and leave the others' out, so it starts a trace of its own (each
            // entry's trace ends at its queueing, where the row records that it waits for the digest)
            attributes.put("email.digest.entries", Integer.toString(message.size()));
            return new Trace(null, attributes, null, null);
        }

        @Override
        public void count(String outcome) {
            metrics.emailSend(outcome);
        }

        /** A digest is one message per address, however many rows it lists. */
        @Override
        public List<List<Claimed>> messages(List<Claimed> claimed) {
            if (!digest) {
                return DeliveryQueue.Channel.super.messages(claimed);
            }
            Map<String, List<Claimed>> byAddress = new LinkedHashMap<>();
            claimed.forEach(c -> byAddress.computeIfAbsent(c.email(), k -> new ArrayList<>()).add(c));
            return List.copyOf(byAddress.values());
        }

        @Override
        public Outcome send(List<Claimed> message, Instant now) {
            Claimed first = message.get(0);
            if (!digest) {
                return EmailSender.this.send(first.email(), "email/entry-" + first.language(),
                        Map.of("title", first.title(), "body", first.body(), "inboxUrl", config.inboxUrl()));
            }
            List<Item> items = message.stream().map(c -> new Item(c.title(), c.body())).toList();
            String day = now.atZone(VietnamTime.ZONE).toLocalDate().toString();
            return EmailSender.this.send(first.email(), "email/digest-" + first.language(),
                    Map.of("entries", items, "day", day, "inboxUrl", config.inboxUrl()));
        }

        @Override
        public String record(List<UUID> ids, Outcome outcome, Instant now) {
            EmailDelivery first = null;
            for (UUID id : ids) {
                EmailDelivery d = em.find(EmailDelivery.class, id);
                if (d == null) {
                    continue; // its entry was removed while it was in flight
                }
                first = first == null ? d : first;
                d.attempts++;
                d.error = outcome.error();
                if (outcome.succeeded()) {
                    d.status = EmailDelivery.Status.SENT;
                    d.sentAt = now;
                    d.nextAttemptAt = null;
                } else {
                    d.nextAttemptAt = retry.next(d.attempts, now);
                    d.status = d.nextAttemptAt == null ? EmailDelivery.Status.GAVE_UP : EmailDelivery.Status.FAILED;
                }
            }
            if (first == null) {
                return null;
            }
            if (outcome.succeeded()) {
                return "sent";
            }
            // the kind only: an SMTP server's reply may quote the address
            String what = digest ? "Digest e-mail of " + ids.size() + " deliveries (first " + first.id + ")"
                    : "E-mail delivery " + first.id;
            if (first.nextAttemptAt == null) {
                LOG.warnf("%s failed (attempt %d, %s): given up", what, first.attempts, outcome.kind());
                return "gave_up";
            }
            LOG.infof("%s failed (attempt %d, %s): next attempt at %s", what, first.attempts, outcome.kind(),
                    first.nextAttemptAt);
            return "failed";
        }
    }

    /** Renders {@code <template>-subject.txt}, {@code .txt} and {@code .html} and sends them. */
    private Outcome send(String to, String template, Map<String, Object> data) {
        try {
            String subject = render(template + "-subject.txt", data).strip();
            Mail mail = Mail.withText(to, subject, render(template + ".txt", data))
                    .setHtml(render(template + ".html", data));
            deliver(mail);
            return Outcome.SENT;
        } catch (Exception e) {
            return Outcome.failed(e);
        }
    }

    /** Sends over SMTP from {@link #mailContext}, waiting at most {@code notification.email.send-timeout}. */
    private void deliver(Mail mail) throws ExecutionException, InterruptedException, TimeoutException {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        mailContext.runOnContext(ignored -> mailer.send(mail).subscribe()
                .with(done -> sent.complete(null), sent::completeExceptionally));
        try {
            sent.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer from the SMTP server within " + config.sendTimeout());
        }
    }

    private String render(String name, Map<String, Object> data) {
        var instance = templates.getTemplate(name).instance();
        data.forEach(instance::data);
        return instance.render();
    }

    /** A claimed delivery with what its message needs. */
    private record Claimed(UUID id, String email, String language, String title, String body, String eventId,
                           String eventType, int attempts, String traceparent) implements DeliveryQueue.Claimed {
    }
}
