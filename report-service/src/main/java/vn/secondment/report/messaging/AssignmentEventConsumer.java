package vn.secondment.report.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.inbox.EventProcessing;
import vn.secondment.report.service.AssignmentFollower;

/**
 * Reads assignment-service's topic to keep the weekly report schedule. A record that cannot be read goes to the
 * dead-letter topic and the next one is processed; other failures (locks, connections) are retried first, each
 * attempt in a new transaction.
 */
@ApplicationScoped
public class AssignmentEventConsumer {

    public static final String CHANNEL = "assignment-events";

    private final EventProcessing processing;
    private final AssignmentFollower follower;

    public AssignmentEventConsumer(EventProcessing processing, AssignmentFollower follower) {
        this.processing = processing;
        this.follower = follower;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String record) {
        processing.process(CHANNEL, record, follower::apply);
    }
}
