package vn.secondment.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentRevision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeploymentRepository implements PanacheRepositoryBase<Deployment, UUID> {

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
