package vn.secondment.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.EventCodec;
import vn.secondment.events.MalformedEventException;
import vn.secondment.notification.service.InboxService;

/**
 * Reads personnel-service's topic. A record that cannot be read (malformed envelope or payload) goes straight
 * to the dead-letter topic by the channel's failure strategy and the next record is processed; any other
 * failure (a lock or connection problem) is retried first, each attempt in a new transaction.
 */
@ApplicationScoped
public class PersonnelEventConsumer {

    public static final String CHANNEL = "personnel-events";

    private final EventCodec codec;
    private final InboxService inbox;

    public PersonnelEventConsumer(EventCodec codec, InboxService inbox) {
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
