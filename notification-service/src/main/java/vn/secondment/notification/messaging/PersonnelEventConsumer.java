package vn.secondment.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.inbox.EventProcessing;
import vn.secondment.notification.service.InboxService;

import java.util.concurrent.CompletionStage;

/**
 * Reads personnel-service's topic, the records of each poll together ({@link EventProcessing#processBatch}: one
 * transaction per batch). A record that cannot be read (malformed envelope or payload) goes straight to the
 * dead-letter topic by the channel's failure strategy and the others are processed; if the batch fails, its events
 * are processed one by one, and any failure that is not the event's fault (a lock or connection problem) is retried
 * first, each attempt in a new transaction.
 */
@ApplicationScoped
public class PersonnelEventConsumer {

    public static final String CHANNEL = "personnel-events";

    private final EventProcessing processing;
    private final InboxService inbox;

    public PersonnelEventConsumer(EventProcessing processing, InboxService inbox) {
        this.processing = processing;
        this.inbox = inbox;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processing.processBatch(CHANNEL, batch, inbox::prepare, inbox::receive);
    }
}
