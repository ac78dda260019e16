package vn.secondment.notification.service;

import io.opentelemetry.api.trace.Span;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.secondment.data.audit.AuditTrail;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.tracing.EventTracing;
import vn.secondment.notification.InboxEntry;
import vn.secondment.notification.WebhookDelivery;
import vn.secondment.notification.config.WebhookConfig;
import vn.secondment.notification.service.DeliveryQueue.Outcome;
import vn.secondment.notification.service.DeliveryQueue.Trace;
import vn.secondment.rest.security.Roles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook deliveries: queued in the consumer's transaction ({@link #enqueue}), sent later by a scheduled job
 * ({@link #sendDue}) through the {@link DeliveryQueue} shared with e-mail, so that a slow or dead receiver never
 * holds a Kafka consumer or a database transaction. A success resets the webhook's consecutive failures; enough
 * of them disable it. A delivery keeps the trace it was queued in ({@code traceparent}); its POST is made in a span
 * continuing that trace and carries that span's {@code traceparent} header, so a receiver can continue it too.
 */
@ApplicationScoped
public class WebhookSender implements DeliveryQueue.Channel<WebhookSender.Claimed> {

    public static final String CONTENT_TYPE = EventEnvelope.STRUCTURED_CONTENT_TYPE;
    static final String DISABLED_TYPE = "vn.secondment.notification.webhook.disabled";
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    /** The time receivers check a signature against; not the service's business time. */
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final EntityManager em;
    private final EventCodec codec;
    private final Clock clock;
    private final WebhookConfig config;
    private final Event<InboxEntriesAdded> added;
    private final HttpClient http;
    private final AuditTrail audit;
    private final DeliveryQueue queue;
    private final DeliveryQueue.Retry retry;
    private final WebhookTargets targets;
    private final NotificationMetrics metrics;
    private final ActiveWebhookTypes activeTypes;

    public WebhookSender(EntityManager em, EventCodec codec, Clock clock, WebhookConfig config,
                         Event<InboxEntriesAdded> added, AuditTrail audit, DeliveryQueue queue,
                         WebhookTargets targets, NotificationMetrics metrics, ActiveWebhookTypes activeTypes) {
        this.em = em;
        this.activeTypes = activeTypes;
        this.metrics = metrics;
        this.queue = queue;
        this.retry = new DeliveryQueue.Retry(config.backoff(), config.maxAttempts());
        this.audit = audit;
        this.codec = codec;
        this.config = config;
        this.added = added;
        this.clock = clock;
        // redirects are not followed: a signed body must not be replayed to wherever a receiver points
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.targets = targets;
    }

    /**
     * Queues the event for every active webhook whose filters match, in the caller's transaction (the inbox's
     * receive): the deliveries commit with the processed-event row or not at all. The unique (subscription, event)
     * keeps a redelivered event from being queued twice even past the processed-event check. Each delivery keeps
     * the current trace (the consumer's span), for its send to continue. An event no active webhook subscribes to
     * costs no statement (the prefixes are read once per transaction, {@link ActiveWebhookTypes}).
     */
    public int enqueue(EventEnvelope event) {
        if (!activeTypes.anyFor(event.type())) {
            return 0;
        }
        String province = event.data() != null && event.data().path("provinceCode").isTextual()
                ? event.data().get("provinceCode").asText() : null;
        Instant now = clock.instant();
        return em.createNativeQuery("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, attempt, status,
                                                      next_attempt_at, created_at, traceparent)
                        SELECT gen_random_uuid(), s.id, :eventId, :type, :body, 0, 'PENDING', :now, :now,
                               CAST(:traceparent AS varchar)
                          FROM webhook_subscription s
                         WHERE s.active
                           AND EXISTS (SELECT 1 FROM unnest(s.event_types) p WHERE starts_with(:type, p))
                           AND CASE WHEN cardinality(s.ministries) = 0 THEN s.ministry_code = CAST(:ministry AS text)
                                    ELSE CAST(:ministry AS text) = ANY (s.ministries) END
                           AND (cardinality(s.provinces) = 0 OR CAST(:province AS text) = ANY (s.provinces))
                        ON CONFLICT (subscription_id, event_id) DO NOTHING""")
                .setParameter("eventId", event.id())
                .setParameter("type", event.type())
                .setParameter("body", codec.encode(event))
                .setParameter("now", now)
                .setParameter("ministry", event.ministry())
                .setParameter("province", province)
                .setParameter("traceparent", EventTracing.currentTraceparent())
                .executeUpdate();
    }

    @Scheduled(every = "${notification.webhooks.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        sendDue(clock.instant());
    }

    /**
     * Sends what is due at {@code now}, one batch, through the {@link DeliveryQueue}.
     *
     * @return how many attempts were made
     */
    public int sendDue(Instant now) {
        return queue.sendDue(this, now);
    }

    @Override
    public String table() {
        return "webhook_delivery";
    }

    @Override
    public Duration sendTimeout() {
        return config.timeout();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.id, d.body, s.url, s.secret, d.subscription_id, d.event_id, d.event_type, d.attempt,
                               d.traceparent
                          FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                         WHERE d.status IN ('PENDING', 'FAILED') AND d.next_attempt_at <= :now AND s.active
                         ORDER BY d.next_attempt_at
                         LIMIT :limit
                           FOR UPDATE OF d SKIP LOCKED""")
                .setParameter("now", now)
                .setParameter("limit", config.batchSize())
                .getResultList();
        return rows.stream().map(r -> new Claimed((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (UUID) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8])).toList();
    }

    @Override
    public String spanName() {
        return "webhook deliver";
    }

    @Override
    public Trace trace(List<Claimed> message) {
        Claimed c = message.get(0);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("delivery.id", c.id().toString());
        attributes.put("webhook.subscription.id", c.subscriptionId().toString());
        attributes.put("event.id", c.eventId());
        attributes.put("event.type", c.eventType());
        attributes.put("delivery.attempt", Integer.toString(c.attempt() + 1));
        return new Trace(c.traceparent(), attributes, c.eventId(), c.eventType());
    }

    @Override
    public void count(String outcome) {
        metrics.webhookDelivery(outcome);
    }

    @Override
    public Outcome send(List<Claimed> message, Instant now) {
        Claimed c = message.get(0);
        Optional<String> refused = targets.refusal(URI.create(c.url()));
        if (refused.isPresent()) {
            // the name resolves inside a network now (DNS rebinding, or a changed record): never called
            return new Outcome(null, "target refused: " + refused.get());
        }
        // the wall clock, not the service clock: receivers compare it with their own time to refuse replays
        long timestamp = WALL_CLOCK.instant().getEpochSecond();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", CONTENT_TYPE)
                    .header(WebhookSignature.DELIVERY_HEADER, c.id().toString())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(c.secret(), timestamp, c.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
            // this delivery's span (DeliveryQueue makes it current), for the receiver to continue the trace
            String traceparent = EventTracing.currentTraceparent();
            if (traceparent != null) {
                request.header(EventTracing.TRACEPARENT, traceparent);
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            Span.current().setAttribute("http.response.status_code", status);
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (Exception e) {
            return Outcome.failed(e);
        }
    }

    @Override
    public String record(List<UUID> ids, Outcome outcome, Instant now) {
        WebhookDelivery d = em.find(WebhookDelivery.class, ids.get(0));
        if (d == null) {
            return null; // the webhook was deleted while its delivery was in flight
        }
        d.attempt++;
        d.responseStatus = outcome.responseStatus();
        d.error = outcome.error();
        if (outcome.succeeded()) {
            d.status = WebhookDelivery.Status.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
            // failures and disabling are the sender's bookkeeping, not an edit: the admin's ETag stays valid
            em.createNativeQuery("UPDATE webhook_subscription SET failures = 0 WHERE id = :id AND failures <> 0")
                    .setParameter("id", d.subscriptionId).executeUpdate();
            return "delivered";
        }
        d.nextAttemptAt = retry.next(d.attempt, now);
        d.status = d.nextAttemptAt == null ? WebhookDelivery.Status.GAVE_UP : WebhookDelivery.Status.FAILED;
        if (d.nextAttemptAt == null) {
            LOG.warnf("Webhook delivery %s to subscription %s failed (attempt %d, %s): given up", d.id,
                    d.subscriptionId, d.attempt, outcome.kind());
        } else {
            LOG.infof("Webhook delivery %s to subscription %s failed (attempt %d, %s): next attempt at %s", d.id,
                    d.subscriptionId, d.attempt, outcome.kind(), d.nextAttemptAt);
        }
        countFailure(d.subscriptionId, now);
        return d.nextAttemptAt == null ? "gave_up" : "failed";
    }

    /** One more consecutive failure; the one that reaches the limit disables the webhook and tells its admins. */
    private void countFailure(UUID subscriptionId, Instant now) {
        em.createNativeQuery("UPDATE webhook_subscription SET failures = failures + 1 WHERE id = :id AND active")
                .setParameter("id", subscriptionId).executeUpdate();
        int failures = ((Number) em.createNativeQuery("SELECT failures FROM webhook_subscription WHERE id = :id")
                .setParameter("id", subscriptionId).getSingleResult()).intValue();
        if (failures < config.disableAfter()) {
            return;
        }
        String reason = failures + " lần gửi lỗi liên tiếp";
        // "AND active": only the run that flips it sends the notice, so one notice per disable
        int flipped = em.createNativeQuery("""
                        UPDATE webhook_subscription
                           SET active = false, disabled_at = :now, disabled_reason = :reason, version = version + 1
                         WHERE id = :id AND active""")
                .setParameter("now", now).setParameter("reason", reason).setParameter("id", subscriptionId)
                .executeUpdate();
        if (flipped == 1) {
            Object[] row = (Object[]) em.createNativeQuery(
                            "SELECT ministry_code, url FROM webhook_subscription WHERE id = :id")
                    .setParameter("id", subscriptionId).getSingleResult();
            Map<String, Object> disabled = new LinkedHashMap<>();
            disabled.put("active", false);
            disabled.put("disabledReason", reason);
            audit.record(WebhookService.AUDIT_TYPE, subscriptionId, (String) row[0], "disabled",
                    Map.of("active", true), disabled, "system", reason);
            InboxEntry notice = disabledNotice(subscriptionId, (String) row[0], (String) row[1], failures, now);
            em.persist(notice);
            added.fire(new InboxEntriesAdded(List.of(notice)));
            metrics.endpointDisabled();
            LOG.warnf("Webhook %s of %s disabled after %d consecutive failures", subscriptionId, row[0], failures);
        }
    }

    private static InboxEntry disabledNotice(UUID subscriptionId, String ministry, String url, int failures,
                                             Instant now) {
        InboxEntry entry = new InboxEntry();
        entry.id = UUID.randomUUID();
        // not made from an event: the id names the disable, so it stays unique if the webhook is disabled again
        entry.eventId = "webhook-disabled:" + subscriptionId + ":" + now.toEpochMilli();
        entry.eventType = DISABLED_TYPE;
        entry.audienceRole = Roles.MINISTRY_ADMIN;
        entry.ministry = ministry;
        String shown = url.length() > 200 ? url.substring(0, 199) + "…" : url;
        entry.title = nfc("Webhook " + shown + " đã bị tạm dừng sau " + failures + " lần gửi lỗi");
        entry.body = nfc("Hệ thống nhận tại " + url + " không trả lời thành công " + failures
                + " lần liên tiếp nên việc gửi sự kiện đã dừng. Sau khi khắc phục, hãy bật lại webhook "
                + "(POST /api/notification/webhooks/" + subscriptionId + "/enable); các lần gửi còn chờ sẽ được gửi tiếp.");
        entry.subjectType = "vn.secondment.notification.webhook";
        entry.subjectId = subscriptionId.toString();
        entry.createdAt = now;
        return entry;
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A claimed delivery with what its POST needs. */
    public record Claimed(UUID id, String body, String url, String secret, UUID subscriptionId, String eventId,
                          String eventType, int attempt, String traceparent) implements DeliveryQueue.Claimed {
    }
}
