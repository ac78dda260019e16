package vn.secondment.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentRevision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class DeploymentRepository implements PanacheRepositoryBase<Deployment, UUID> {

    /** The deployment, other than {@code except}, that the decision orders (cancelled ones aside). */
    public Optional<Deployment> orderedBy(UUID decisionId, UUID except) {
        return find("decisionId = ?1 and id <> ?2 and status <> ?3", decisionId, except, DeploymentStatus.CANCELLED)
                .firstResultOptional();
    }

    public void persist(DeploymentRevision revision) {
        getEntityManager().persist(revision);
    }

    /** The deployment's versions, oldest first. */
    public List<DeploymentRevision> revisions(UUID deploymentId) {
        return getEntityManager().createQuery("""
                        select r from DeploymentRevision r where r.deploymentId = :id
                        order by r.effectiveFrom, r.recordedAt""", DeploymentRevision.class)
                .setParameter("id", deploymentId)
                .getResultList();
    }

    /** The version of each deployment in force on {@code date}; deployments not yet decided then are absent. */
    public Map<UUID, DeploymentRevision> asOf(List<UUID> deploymentIds, LocalDate date) {
        if (deploymentIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("""
                        select r from DeploymentRevision r where r.deploymentId in :ids and r.effectiveFrom <= :date
                        order by r.effectiveFrom, r.recordedAt""", DeploymentRevision.class)
                .setParameter("ids", deploymentIds)
                .setParameter("date", date)
                .getResultStream()
                // ordered oldest first: the last one per deployment wins
                .collect(Collectors.toMap(r -> r.deploymentId, r -> r, (older, newer) -> newer));
    }

    /** The version in force on {@code date}: the newest effective on or before it; empty before the first. */
    public Optional<DeploymentRevision> asOf(UUID deploymentId, LocalDate date) {
        return getEntityManager().createQuery("""
                        select r from DeploymentRevision r where r.deploymentId = :id and r.effectiveFrom <= :date
                        order by r.effectiveFrom desc, r.recordedAt desc""", DeploymentRevision.class)
                .setParameter("id", deploymentId)
                .setParameter("date", date)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
