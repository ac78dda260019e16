package vn.secondment.personnel.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.EventCodec;
import vn.secondment.events.MalformedEventException;
import vn.secondment.personnel.service.AssignmentFollower;

/**
 * Reads assignment-service's topic to keep officials' secondment status. A record that cannot be read goes to the
 * dead-letter topic and the next one is processed; other failures (locks, connections) are retried first, each
 * attempt in a new transaction.
 */
@ApplicationScoped
public class AssignmentEventConsumer {

    public static final String CHANNEL = "assignment-events";

    private final EventCodec codec;
    private final AssignmentFollower status;

    public AssignmentEventConsumer(EventCodec codec, AssignmentFollower status) {
        this.codec = codec;
        this.status = status;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 250, abortOn = MalformedEventException.class)
    public void consume(String record) {
        status.apply(codec.decode(record));
    }
}
