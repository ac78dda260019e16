package vn.secondment.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.inbox.EventProcessing;
import vn.secondment.notification.service.InboxService;

import java.util.concurrent.CompletionStage;

/**
 * Reads assignment-service's topic (assignments, deployments, work plans) into the inbox, through the same
 * idempotent path as every topic: the records of each poll together, as {@link PersonnelEventConsumer} reads its own.
 */
@ApplicationScoped
public class AssignmentEventConsumer {

    public static final String CHANNEL = "assignment-events";

    private final EventProcessing processing;
    private final InboxService inbox;

    public AssignmentEventConsumer(EventProcessing processing, InboxService inbox) {
        this.processing = processing;
        this.inbox = inbox;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return processing.processBatch(CHANNEL, batch, inbox::prepare, inbox::receive);
    }
}
