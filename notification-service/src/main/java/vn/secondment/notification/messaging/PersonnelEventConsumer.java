package vn.secondment.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.EventCodec;
import vn.secondment.notification.service.InboxService;

/**
 * Reads personnel-service's topic. A record that fails (malformed envelope or payload) is sent to the
 * dead-letter topic by the channel's failure strategy and the next record is processed.
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
    public void consume(String record) {
        inbox.receive(codec.decode(record));
    }
}
