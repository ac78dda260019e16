package vn.secondment.assignment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.assignment.service.ReportFollower;
import vn.secondment.events.EventCodec;
import vn.secondment.events.MalformedEventException;

/**
 * Reads report-service's topic: an accepted final report completes its assignment. A record that cannot be read
 * goes to the dead-letter topic and the next one is processed; other failures (locks, connections) are retried
 * first, each attempt in a new transaction.
 */
@ApplicationScoped
public class ReportEventConsumer {

    public static final String CHANNEL = "report-events";

    private final EventCodec codec;
    private final ReportFollower follower;

    public ReportEventConsumer(EventCodec codec, ReportFollower follower) {
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
