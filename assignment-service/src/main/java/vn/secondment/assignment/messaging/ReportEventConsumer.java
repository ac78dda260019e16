package vn.secondment.assignment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.assignment.service.ReportFollower;
import vn.secondment.events.inbox.EventProcessing;

/**
 * Reads report-service's topic: an accepted final report completes its assignment. A record that cannot be read
 * goes to the dead-letter topic and the next one is processed; other failures (locks, connections) are retried
 * first, each attempt in a new transaction.
 */
@ApplicationScoped
public class ReportEventConsumer {

    public static final String CHANNEL = "report-events";

    private final EventProcessing processing;
    private final ReportFollower follower;

    public ReportEventConsumer(EventProcessing processing, ReportFollower follower) {
        this.processing = processing;
        this.follower = follower;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String record) {
        processing.process(CHANNEL, record, follower::apply);
    }
}
