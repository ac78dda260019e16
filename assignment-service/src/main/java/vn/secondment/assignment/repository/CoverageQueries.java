package vn.secondment.assignment.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.jpa.HibernateHints;
import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.AssignmentStatus;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.data.Where;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reads behind coverage and timelines. Each answer is one statement whatever the number of ministries,
 * provinces or assignments: the grouping happens in Java.
 */
@ApplicationScoped
public class CoverageQueries {

    /**
     * Deployments whose rule counts on a day: issued, under way, or completed (a completed round still asked for its
     * officials on the days of its period). Drafts are not decided yet; cancelled rounds were called off.
     */
    public static final List<DeploymentStatus> DECIDED =
            List.of(DeploymentStatus.ISSUED, DeploymentStatus.IN_PROGRESS, DeploymentStatus.COMPLETED);

    private final EntityManager entityManager;

    public CoverageQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The assignments holding a province on {@code date}: the day lies within the assignment's current period and
     * the assignment occupies its days (not withdrawn, not replaced before the official arrived; an official replaced
     * after arriving counts until the day before the successor starts). In ministry, province, role, name order.
     *
     * @param ministries          only these deployments' ministries; null for every ministry
     * @param type                only deployments of this type; null for every type
     * @param deploymentId        only this deployment; null for every deployment
     * @param deploymentStatuses  only deployments in these states; null for every state
     */
    public List<Holding> holdings(LocalDate date, Collection<String> ministries, DeploymentType type,
                                  UUID deploymentId, Collection<DeploymentStatus> deploymentStatuses) {
        Where where = Where.from("Assignment a join a.deployment d left join KnownOfficial o on o.id = a.officialId")
                .and("a.startDate <= :date and a.endDate >= :date", "date", date)
                .and("a.status <> :withdrawn", "withdrawn", AssignmentStatus.WITHDRAWN)
                .and("not (a.status = :replaced and a.arrivedOn is null)", "replaced", AssignmentStatus.REPLACED)
                .and("a.ministryCode in :ministries", "ministries", ministries)
                .and("d.type = :type", "type", type)
                .and("d.id = :deployment", "deployment", deploymentId)
                .and("d.status in :statuses", "statuses", deploymentStatuses);
        TypedQuery<Holding> query = entityManager.createQuery("""
                select new vn.secondment.assignment.repository.Holding(a.id, a.ministryCode, a.provinceCode,
                       a.officialId, o.fullName, a.role, a.status, d.id, d.decisionNumber)
                """ + where.jpql() + " order by a.ministryCode, a.provinceCode, a.role, o.fullName, a.startDate, a.id",
                Holding.class);
        where.parameterMap().forEach(query::setParameter);
        return query.getResultList();
    }

    /** The decided deployments ({@link #DECIDED}) whose current period contains {@code date}. */
    public List<Deployment> inForce(LocalDate date, Collection<String> ministries, DeploymentType type) {
        Where where = Where.from("Deployment d")
                .and("d.startDate <= :date and d.endDate >= :date", "date", date)
                .and("d.status in :statuses", "statuses", DECIDED)
                .and("d.ministryCode in :ministries", "ministries", ministries)
                .and("d.type = :type", "type", type);
        TypedQuery<Deployment> query = entityManager.createQuery(
                        "select d " + where.jpql() + " order by d.ministryCode, d.startDate, d.id", Deployment.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        where.parameterMap().forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * The leaders of {@code deploymentIds} on {@code date}: per deployment, its LEAD going with the whole group (no
     * province) whose period contains the day and who occupies it (as {@link #holdings}).
     */
    public Map<UUID, GroupLeader> leaders(Collection<UUID> deploymentIds, LocalDate date) {
        if (deploymentIds.isEmpty()) {
            return Map.of();
        }
        List<GroupLeader> rows = entityManager.createQuery("""
                        select new vn.secondment.assignment.repository.GroupLeader(a.deployment.id, a.id,
                               a.officialId, o.fullName, a.leadTitle)
                        from Assignment a left join KnownOfficial o on o.id = a.officialId
                        where a.deployment.id in :ids and a.role = :lead and a.provinceCode is null
                          and a.startDate <= :date and a.endDate >= :date and a.status <> :withdrawn
                          and not (a.status = :replaced and a.arrivedOn is null)
                        order by a.startDate desc, a.id""", GroupLeader.class)
                .setParameter("ids", deploymentIds).setParameter("lead", AssignmentRole.LEAD)
                .setParameter("date", date).setParameter("withdrawn", AssignmentStatus.WITHDRAWN)
                .setParameter("replaced", AssignmentStatus.REPLACED)
                .getResultList();
        Map<UUID, GroupLeader> leaders = new HashMap<>();
        rows.forEach(row -> leaders.putIfAbsent(row.deploymentId(), row));
        return leaders;
    }
}
