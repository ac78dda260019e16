package vn.secondment.notification.service;

import vn.secondment.notification.EmailDelivery;
import vn.secondment.notification.config.EmailConfig;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.secondment.rest.VietnamTime;

import java.time.Clock;
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
 * Sends queued e-mail ({@link EmailQueue}) later, from a scheduled job, so that a slow or absent SMTP server never
 * holds a Kafka consumer or a database transaction: claimed in a short transaction ({@code SKIP LOCKED}, so
 * instances share the work), sent with no transaction open, each outcome recorded in its own.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final int ERROR_MAX = 1000;

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

    public EmailSender(EntityManager em, Clock clock, EmailConfig config, ReactiveMailer mailer, Engine templates,
                       Vertx vertx) {
        this.em = em;
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

    @Scheduled(every = "${notification.email.poll:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        Instant now = clock.instant();
        sendDue(now);
        sendDigests(now);
    }

    /**
     * Sends the single messages due at {@code now} (digest rows wait for {@link #sendDigests}).
     *
     * @return how many sends were attempted
     */
    public int sendDue(Instant now) {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(now, false));
        for (Claimed c : claimed) {
            Item item = new Item(c.title(), c.body());
            String error = send(c.email(), "email/entry-" + c.language(),
                    Map.of("title", item.title(), "body", item.body(), "inboxUrl", config.inboxUrl()));
            QuarkusTransaction.requiringNew().run(() -> record(List.of(c.id()), error, now));
        }
        return claimed.size();
    }

    /**
     * Sends every digest due at {@code now}: one message per address listing all its waiting entries, oldest first.
     * Digest rows are queued due at the next digest time, so a day's entries go out together once a day.
     *
     * @return how many digest messages were attempted
     */
    public int sendDigests(Instant now) {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(now, true));
        Map<String, List<Claimed>> byAddress = new LinkedHashMap<>();
        claimed.forEach(c -> byAddress.computeIfAbsent(c.email(), k -> new ArrayList<>()).add(c));
        String day = now.atZone(VietnamTime.ZONE).toLocalDate().toString();
        for (List<Claimed> group : byAddress.values()) {
            List<Item> items = group.stream().map(c -> new Item(c.title(), c.body())).toList();
            String error = send(group.get(0).email(), "email/digest-" + group.get(0).language(),
                    Map.of("entries", items, "day", day, "inboxUrl", config.inboxUrl()));
            List<UUID> ids = group.stream().map(Claimed::id).toList();
            QuarkusTransaction.requiringNew().run(() -> record(ids, error, now));
        }
        return byAddress.size();
    }

    private List<Claimed> claim(Instant now, boolean digest) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.id, d.recipient_email, d.language, e.title, e.body
                          FROM email_delivery d JOIN inbox_entry e ON e.id = d.entry_id
                         WHERE d.status IN ('PENDING', 'FAILED') AND d.next_attempt_at <= :now AND d.digest = :digest
                         ORDER BY d.recipient_email, e.created_at, d.id
                         LIMIT :limit
                           FOR UPDATE OF d SKIP LOCKED""")
                .setParameter("now", now)
                .setParameter("digest", digest)
                // a digest lists a day's entries: claim them all in one run, not a batch
                .setParameter("limit", digest ? 10_000 : config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Claimed> claimed = rows.stream().map(r -> new Claimed((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4])).toList();
        // a lease: another instance does not pick these up while this one sends; if this one dies mid-send they
        // become due again when the lease ends. Long enough for every message to time out once: a digest is one
        // message per address, however many rows it lists
        long messages = digest ? claimed.stream().map(Claimed::email).distinct().count() : claimed.size();
        em.createNativeQuery("UPDATE email_delivery SET next_attempt_at = :lease WHERE id IN (:ids)")
                .setParameter("lease", now.plus(config.sendTimeout().multipliedBy(messages + 1)))
                .setParameter("ids", claimed.stream().map(Claimed::id).toList())
                .executeUpdate();
        return claimed;
    }

    /** Renders {@code <template>-subject.txt}, {@code .txt} and {@code .html} and sends them; the error or null. */
    private String send(String to, String template, Map<String, Object> data) {
        try {
            String subject = render(template + "-subject.txt", data).strip();
            Mail mail = Mail.withText(to, subject, render(template + ".txt", data))
                    .setHtml(render(template + ".html", data));
            deliver(mail);
            return null;
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            return message.length() > ERROR_MAX ? message.substring(0, ERROR_MAX) : message;
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

    private void record(List<UUID> ids, String error, Instant now) {
        for (UUID id : ids) {
            EmailDelivery d = em.find(EmailDelivery.class, id);
            if (d == null) {
                continue; // its entry was removed while it was in flight
            }
            d.attempts++;
            d.error = error;
            if (error == null) {
                d.status = EmailDelivery.Status.SENT;
                d.sentAt = now;
                d.nextAttemptAt = null;
            } else if (d.attempts >= config.maxAttempts()) {
                d.status = EmailDelivery.Status.GAVE_UP;
                d.nextAttemptAt = null;
            } else {
                d.status = EmailDelivery.Status.FAILED;
                d.nextAttemptAt = now.plus(config.backoff().multipliedBy(1L << Math.min(d.attempts - 1, 30)));
            }
        }
        if (error != null) {
            LOG.infof("E-mail to %d deliveries failed: %s", ids.size(), error);
        }
    }

    private record Claimed(UUID id, String email, String language, String title, String body) {
    }
}
