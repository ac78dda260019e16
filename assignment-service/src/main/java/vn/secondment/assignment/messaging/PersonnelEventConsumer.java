package vn.secondment.assignment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.assignment.service.PersonnelFollower;
import vn.secondment.events.inbox.EventProcessing;

/**
 * Reads personnel-service's topic to know which officials exist, in which ministry, and whether they are active.
 * A record that cannot be read goes to the dead-letter topic and the next one is processed; other failures (locks,
 * connections) are retried first, each attempt in a new transaction.
 */
@ApplicationScoped
public class PersonnelEventConsumer {

    public static final String CHANNEL = "personnel-events";

    private final EventProcessing processing;
    private final PersonnelFollower follower;

    public PersonnelEventConsumer(EventProcessing processing, PersonnelFollower follower) {
        this.processing = processing;
        this.follower = follower;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String record) {
        processing.process(CHANNEL, record, follower::apply);
    }
}
