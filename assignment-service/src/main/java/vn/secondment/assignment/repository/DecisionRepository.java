package vn.secondment.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.AssignmentRevision;
import vn.secondment.assignment.Decision;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentRevision;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<Decision, UUID> {

    /** A deployment revision that a decision made, with its deployment. */
    public record DeploymentAmendment(DeploymentRevision revision, Deployment deployment) {
    }

    /** An assignment revision that a decision made, with its assignment. */
    public record AssignmentAmendment(AssignmentRevision revision, Assignment assignment) {
    }

    public Optional<Decision> byNumber(String ministryCode, String number) {
        return find("ministryCode = ?1 and number = ?2", ministryCode, number).firstResultOptional();
    }

    public Map<UUID, Decision> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return list("id in ?1", ids).stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
    }

    /** Later decisions that amend {@code id}, oldest first. */
    public List<Decision> amending(UUID id) {
        return list("amendsId = ?1 order by signedOn, number", id);
    }

    /** The deployments the decision issues (a live one, and any cancelled before), oldest first. */
    public List<Deployment> issued(UUID id) {
        return getEntityManager().createQuery("select d from Deployment d where d.decisionId = :id order by d.createdAt",
                        Deployment.class)
                .setParameter("id", id).getResultList();
    }

    /** What the decision changed in deployments it does not issue (reschedules, cancellations...), oldest first. */
    public List<DeploymentAmendment> deploymentAmendments(UUID id) {
        return getEntityManager().createQuery("""
                        select r, d from DeploymentRevision r, Deployment d
                        where d.id = r.deploymentId and r.decisionId = :id and d.decisionId <> :id
                        order by r.effectiveFrom, r.recordedAt""", Object[].class)
                .setParameter("id", id).getResultStream()
                .map(row -> new DeploymentAmendment((DeploymentRevision) row[0], (Deployment) row[1])).toList();
    }

    /** What the decision changed in assignments of deployments it does not issue, oldest first. */
    public List<AssignmentAmendment> assignmentAmendments(UUID id) {
        return getEntityManager().createQuery("""
                        select r, a from AssignmentRevision r, Assignment a
                        where a.id = r.assignmentId and r.decisionId = :id and a.deployment.decisionId <> :id
                        order by r.effectiveFrom, r.recordedAt""", Object[].class)
                .setParameter("id", id).getResultStream()
                .map(row -> new AssignmentAmendment((AssignmentRevision) row[0], (Assignment) row[1])).toList();
    }

    /**
     * The copies of the decision's number, date, signer and subject kept on deployments and revisions follow a
     * corrected record. Bulk updates: the deployments' versions (their ETags) stay, as nothing of theirs changed.
     */
    public void updateCopies(Decision d) {
        getEntityManager().createQuery("""
                        update Deployment x set x.decisionNumber = :number, x.decisionDate = :date,
                        x.decisionSigner = :signer, x.decisionSubject = :subject where x.decisionId = :id""")
                .setParameter("number", d.number).setParameter("date", d.signedOn)
                .setParameter("signer", d.signer).setParameter("subject", d.subject).setParameter("id", d.id)
                .executeUpdate();
        for (String revision : List.of("DeploymentRevision", "AssignmentRevision")) {
            getEntityManager().createQuery("update " + revision + " x set x.decisionNumber = :number, "
                            + "x.decisionDate = :date where x.decisionId = :id")
                    .setParameter("number", d.number).setParameter("date", d.signedOn).setParameter("id", d.id)
                    .executeUpdate();
        }
    }
}
