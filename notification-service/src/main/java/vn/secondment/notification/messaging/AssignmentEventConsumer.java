package vn.secondment.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.EventCodec;
import vn.secondment.events.MalformedEventException;
import vn.secondment.notification.service.InboxService;

/**
 * Reads assignment-service's topic (assignments, deployments, work plans) into the inbox, through the same
 * idempotent path as every topic. A record that cannot be read goes straight to the dead-letter topic;
 * any other failure is retried first, each attempt in a new transaction.
 */
@ApplicationScoped
public class AssignmentEventConsumer {

    public static final String CHANNEL = "assignment-events";

    private final EventCodec codec;
    private final InboxService inbox;

    public AssignmentEventConsumer(EventCodec codec, InboxService inbox) {
        this.codec = codec;
        this.inbox = inbox;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 250, abortOn = MalformedEventException.class)
    public void consume(String record) {
        inbox.receive(codec.decode(record));
    }
}
