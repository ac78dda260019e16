package vn.secondment.personnel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.secondment.events.EventCodec;
import vn.secondment.events.EventEnvelope;
import vn.secondment.events.MalformedEventException;
import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.assignment.DeploymentSnapshot;
import vn.secondment.events.inbox.ProcessedEvents;
import vn.secondment.personnel.readmodel.KnownDeployment;

import java.util.ArrayList;

/**
 * Keeps the deployments assignment-service announced ({@link KnownDeployment}), which an annex imported into a
 * deployment is checked against. The newest event of each deployment wins, so they may arrive in any order.
 */
@ApplicationScoped
public class DeploymentFollower {

    public static final String CONSUMER = "personnel-service.deployments";

    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final EntityManager entityManager;

    public DeploymentFollower(ProcessedEvents processed, EventCodec codec, EntityManager entityManager) {
        this.processed = processed;
        this.codec = codec;
        this.entityManager = entityManager;
    }

    /** Applies one deployment event, once; other events of the topic are skipped. */
    @Transactional
    public void apply(EventEnvelope event) {
        if (!event.type().startsWith(AssignmentEvents.DEPLOYMENT_TYPE_PREFIX)
                || !processed.firstDelivery(CONSUMER, event)) {
            return;
        }
        DeploymentSnapshot snapshot = codec.data(event, DeploymentSnapshot.class);
        if (snapshot.deploymentId() == null || snapshot.ministryCode() == null || snapshot.status() == null
                || snapshot.startDate() == null || snapshot.endDate() == null) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type()
                    + ") lacks the deployment's id, ministry, status or period");
        }
        KnownDeployment known = entityManager.find(KnownDeployment.class, snapshot.deploymentId());
        if (known != null && known.eventTime.isAfter(event.time())) {
            // an older state arriving after a newer one changes nothing
            return;
        }
        boolean first = known == null;
        if (first) {
            known = new KnownDeployment();
            known.deploymentId = snapshot.deploymentId();
        }
        known.ministryCode = snapshot.ministryCode();
        known.type = snapshot.type();
        known.name = snapshot.name();
        known.decisionNumber = snapshot.decisionNumber();
        known.status = snapshot.status();
        known.startDate = snapshot.startDate();
        known.endDate = snapshot.endDate();
        known.provinceCodes = snapshot.provinceCodes() == null ? new ArrayList<>()
                : new ArrayList<>(snapshot.provinceCodes());
        known.eventTime = event.time();
        if (first) {
            entityManager.persist(known);
        }
    }
}
