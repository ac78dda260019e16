package vn.secondment.report.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.EventCodec;
import vn.secondment.events.MalformedEventException;
import vn.secondment.report.service.AssignmentFollower;

/**
 * Reads assignment-service's topic to keep the weekly report schedule. A record that cannot be read goes to the
 * dead-letter topic and the next one is processed; other failures (locks, connections) are retried first, each
 * attempt in a new transaction.
 */
@ApplicationScoped
public class AssignmentEventConsumer {

    public static final String CHANNEL = "assignment-events";

    private final EventCodec codec;
    private final AssignmentFollower follower;

    public AssignmentEventConsumer(EventCodec codec, AssignmentFollower follower) {
        this.codec = codec;
        this.follower = follower;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 250, abortOn = MalformedEventException.class)
    public void consume(String record) {
        follower.apply(codec.decode(record));
    }
}
