package vn.secondment.notification.service;

import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.secondment.events.EventCodec;
import vn.secondment.events.MalformedEventException;
import vn.secondment.events.tracing.EventTracing;
import vn.secondment.notification.DeadLetter;
import vn.secondment.notification.repository.DeadLetterRepository;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Keeps the dead letters and replays them through the one path every event takes ({@link InboxService#receive}). */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);
    private static final int REASON_LOGGED = 300;

    private final DeadLetterRepository letters;
    private final EventCodec codec;
    private final InboxService inbox;
    private final Clock clock;
    private final EventTracing tracing;

    public DeadLetterService(DeadLetterRepository letters, EventCodec codec, InboxService inbox, Clock clock,
                             EventTracing tracing) {
        this.tracing = tracing;
        this.letters = letters;
        this.codec = codec;
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * Stores a dead letter once per original place.
     *
     * @return whether it was new (a letter read again is not)
     */
    @Transactional
    public boolean store(String topic, int partition, long offset, String key, String payload, String error,
                         String traceparent) {
        boolean stored = letters.storeOnce(topic, partition, offset, key, payload, error, traceparent,
                clock.instant());
        if (stored) {
            // never the key or payload (they may name a person); the reason is the failure's message, capped
            LOG.warnf("Dead letter from %s partition %d offset %d stored: %s", topic, partition, offset,
                    error.length() > REASON_LOGGED ? error.substring(0, REASON_LOGGED) + "…" : error);
        }
        return stored;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<DeadLetter> list(Boolean replayed, Paging paging) {
        PanacheQuery<DeadLetter> query = letters.list(replayed).page(paging.page, paging.size);
        return new PageView<>(query.list(), paging.page, paging.size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeadLetter get(UUID id) {
        return letters.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Dead letter", id));
    }

    /**
     * Runs the stored record through the inbox again. The inbox is idempotent by event id, so replaying a letter
     * twice, or one whose event was meanwhile processed, adds nothing. Not transactional itself: the receive
     * commits or rolls back on its own, and the outcome is recorded in a transaction of its own either way. The
     * processing runs in a span continuing the trace the record carried, so what it queues (mail, webhook
     * deliveries) joins the event's trace; the admin's request is that span's attribute, not its parent.
     *
     * @throws ProblemException 422 when the record still cannot be processed (its reason is kept as replay_error)
     */
    public DeadLetter replay(UUID id) {
        DeadLetter letter = get(id);
        String request = EventTracing.currentTraceparent();
        Map<String, String> attributes = new HashMap<>();
        attributes.put("dead_letter.id", id.toString());
        attributes.put("messaging.source.topic", letter.topic);
        attributes.put("request.traceparent", request);
        try {
            // a letter that carried no trace stays in the admin's request's
            tracing.inSpan("dead letter replay", SpanKind.CONSUMER,
                    letter.traceparent != null ? letter.traceparent : request, attributes,
                    () -> inbox.receive(codec.decode(letter.payload)));
        } catch (MalformedEventException e) {
            LOG.warnf("Dead letter %s (%s partition %d offset %d) replayed: still cannot be processed: %s", id,
                    letter.topic, letter.partition, letter.offset, e.getMessage());
            recordReplay(id, e.getMessage());
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The dead letter still cannot be processed: " + e.getMessage()).with("deadLetterId", id);
        }
        DeadLetter replayed = recordReplay(id, null);
        LOG.infof("Dead letter %s (%s partition %d offset %d) replayed: processed in trace %s", id, letter.topic,
                letter.partition, letter.offset, letter.traceparent != null ? letter.traceparent : request);
        return replayed;
    }

    private DeadLetter recordReplay(UUID id, String failure) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter letter = get(id);
            letter.replayError = failure;
            if (failure == null && letter.replayedAt == null) {
                letter.replayedAt = clock.instant();
            }
            return letter;
        });
    }
}
