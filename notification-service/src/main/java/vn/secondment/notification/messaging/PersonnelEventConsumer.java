package vn.secondment.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.inbox.EventProcessing;
import vn.secondment.notification.service.InboxService;

/**
 * Reads personnel-service's topic. A record that cannot be read (malformed envelope or payload) goes straight
 * to the dead-letter topic by the channel's failure strategy and the next record is processed; any other
 * failure (a lock or connection problem) is retried first, each attempt in a new transaction.
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
    public void consume(String record) {
        processing.process(CHANNEL, record, inbox::receive);
    }
}
