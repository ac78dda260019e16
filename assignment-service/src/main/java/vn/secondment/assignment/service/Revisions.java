package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.Decision;
import vn.secondment.assignment.AssignmentRevision;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentRevision;
import vn.secondment.assignment.Revision;
import vn.secondment.assignment.RevisionChange;
import vn.secondment.assignment.repository.AssignmentRepository;
import vn.secondment.assignment.repository.DeploymentRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Writes the dated versions of deployments and assignments: after every change, the state as it now stands, from
 * the day the change takes effect, linked to the decision that ordered it (if one did). Nothing is overwritten, so
 * any date's state can be read back.
 */
@ApplicationScoped
public class Revisions {

    private final DeploymentRepository deployments;
    private final AssignmentRepository assignments;
    private final Clock clock;

    public Revisions(DeploymentRepository deployments, AssignmentRepository assignments, Clock clock) {
        this.deployments = deployments;
        this.assignments = assignments;
        this.clock = clock;
    }

    public void record(Deployment d, RevisionChange change, LocalDate effectiveFrom, String reason,
                       Decision decision, String actor) {
        DeploymentRevision r = fill(new DeploymentRevision(), d.startDate, d.endDate, change, effectiveFrom, reason,
                decision, actor);
        r.deploymentId = d.id;
        r.status = d.status;
        r.itinerary = d.itinerary == null ? null : List.copyOf(d.itinerary);
        deployments.persist(r);
    }

    public void record(Assignment a, RevisionChange change, LocalDate effectiveFrom, String reason,
                       Decision decision, String actor) {
        AssignmentRevision r = fill(new AssignmentRevision(), a.startDate, a.endDate, change, effectiveFrom, reason,
                decision, actor);
        r.assignmentId = a.id;
        r.status = a.status;
        assignments.persist(r);
    }

    private <R extends Revision> R fill(R r, LocalDate start, LocalDate end, RevisionChange change,
                                               LocalDate effectiveFrom, String reason, Decision decision,
                                               String actor) {
        r.id = UUID.randomUUID();
        r.change = change;
        r.effectiveFrom = effectiveFrom;
        r.recordedAt = clock.instant();
        r.recordedBy = actor;
        r.startDate = start;
        r.endDate = end;
        r.reason = reason;
        r.decisionId = decision == null ? null : decision.id;
        r.decisionNumber = decision == null ? null : decision.number;
        r.decisionDate = decision == null ? null : decision.signedOn;
        return r;
    }
}
