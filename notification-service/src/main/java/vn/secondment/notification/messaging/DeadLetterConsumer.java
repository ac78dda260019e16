package vn.secondment.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.tracing.EventTracing;
import vn.secondment.notification.service.DeadLetterService;
import vn.secondment.notification.service.NotificationMetrics;

import java.nio.charset.StandardCharsets;

/**
 * Reads this service's dead-letter topic into the {@code dead_letter} table, where an admin can see and replay it.
 * SmallRye's dead-letter queue names the original place and the failure in headers (values are UTF-8 text); a
 * record without them (put there by hand) is stored under its own place on the dead-letter topic. The record's
 * {@code traceparent} header (the dead-letter topic keeps the original headers) is stored for its replay.
 */
@ApplicationScoped
public class DeadLetterConsumer {

    public static final String CHANNEL = "dead-letters";

    private final DeadLetterService service;
    private final NotificationMetrics metrics;

    public DeadLetterConsumer(DeadLetterService service, NotificationMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 250)
    public void consume(ConsumerRecord<String, String> record) {
        String topic = header(record, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC);
        Integer partition = number(header(record, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION), Integer::valueOf);
        Long offset = number(header(record, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET), Long::valueOf);
        boolean origin = topic != null && partition != null && offset != null;
        String reason = header(record, KafkaDeadLetterQueue.DEAD_LETTER_REASON);
        String cause = header(record, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE);
        String error = reason == null ? "(no dead-letter-reason header)"
                : cause == null || cause.equals(reason) ? reason : reason + " (cause: " + cause + ")";
        String storedTopic = origin ? topic : record.topic();
        // counted once committed, and once per original place (a letter read again is not new)
        if (service.store(storedTopic, origin ? partition : record.partition(), origin ? offset : record.offset(),
                record.key(), record.value(), error, header(record, EventTracing.TRACEPARENT))) {
            metrics.deadLetterStored(storedTopic);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> T number(String text, java.util.function.Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
