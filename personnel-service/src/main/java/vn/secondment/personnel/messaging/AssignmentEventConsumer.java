package vn.secondment.personnel.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.secondment.events.inbox.EventProcessing;
import vn.secondment.personnel.service.AssignmentFollower;
import vn.secondment.personnel.service.DeploymentFollower;

/**
 * Reads assignment-service's topic to keep officials' secondment status and the deployments an annex may be
 * imported into (each follower in a transaction of its own, each skipping what it already applied). A record that cannot be read goes to the
 * dead-letter topic and the next one is processed; other failures (locks, connections) are retried first, each
 * attempt in a new transaction.
 */
@ApplicationScoped
public class AssignmentEventConsumer {

    public static final String CHANNEL = "assignment-events";

    private final EventProcessing processing;
    private final AssignmentFollower status;
    private final DeploymentFollower deployments;

    public AssignmentEventConsumer(EventProcessing processing, AssignmentFollower status,
                                   DeploymentFollower deployments) {
        this.processing = processing;
        this.status = status;
        this.deployments = deployments;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(String record) {
        processing.process(CHANNEL, record, event -> {
            status.apply(event);
            deployments.apply(event);
        });
    }
}
