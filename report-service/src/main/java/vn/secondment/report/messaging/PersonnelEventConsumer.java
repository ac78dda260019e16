package vn.secondment.report.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.inbox.EventProcessing;
import vn.secondment.report.service.PersonnelFollower;

/**
 * Reads personnel-service's topic to know who a signed-in officer is and which units issues can be escalated to.
 * A record that cannot be read goes to the dead-letter topic; other failures are retried first.
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
