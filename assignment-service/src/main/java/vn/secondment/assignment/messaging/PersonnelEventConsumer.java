package vn.secondment.assignment.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.assignment.service.AnnexFollower;
import vn.secondment.assignment.service.PersonnelFollower;
import vn.secondment.events.inbox.EventProcessing;

/**
 * Reads personnel-service's topic to know which officials exist, in which ministry, and whether they are active,
 * and to create the assignments of the annexes imported into a deployment (each follower in a transaction of its
 * own, each skipping what it already applied).
 * A record that cannot be read goes to the dead-letter topic and the next one is processed; other failures (locks,
 * connections) are retried first, each attempt in a new transaction.
 */
@ApplicationScoped
public class PersonnelEventConsumer {

    public static final String CHANNEL = "personnel-events";

    private final EventProcessing processing;
    private final PersonnelFollower follower;
    private final AnnexFollower annexes;

    public PersonnelEventConsumer(EventProcessing processing, PersonnelFollower follower, AnnexFollower annexes) {
        this.processing = processing;
        this.follower = follower;
        this.annexes = annexes;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String record) {
        processing.process(CHANNEL, record, event -> {
            follower.apply(event);
            annexes.apply(event);
        });
    }
}
