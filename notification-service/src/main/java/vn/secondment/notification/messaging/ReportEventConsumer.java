package vn.secondment.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.inbox.EventProcessing;
import vn.secondment.notification.service.InboxService;

/**
 * Reads report-service's topic (weekly and final reports, issues) into the inbox, through the same idempotent
 * path as every topic. A record that cannot be read goes straight to the dead-letter topic;
 * any other failure is retried first, each attempt in a new transaction.
 */
@ApplicationScoped
public class ReportEventConsumer {

    public static final String CHANNEL = "report-events";

    private final EventProcessing processing;
    private final InboxService inbox;

    public ReportEventConsumer(EventProcessing processing, InboxService inbox) {
        this.processing = processing;
        this.inbox = inbox;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String record) {
        processing.process(CHANNEL, record, inbox::receive);
    }
}
