package vn.secondment.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.AssignmentRevision;
import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.AssignmentStatus;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public void persist(AssignmentRevision revision) {
        getEntityManager().persist(revision);
    }

    public List<Assignment> ofDeployment(UUID deploymentId) {
        return list("deployment.id = ?1 order by provinceCode, role, startDate", deploymentId);
    }

    /** The assignments whose days the official occupies ({@link Assignment#occupies()}), in date order. */
    public List<Assignment> occupiedBy(UUID officialId) {
        return list("officialId = ?1 and status <> ?2 and not (status = ?3 and arrivedOn is null) order by startDate",
                officialId, AssignmentStatus.WITHDRAWN, AssignmentStatus.REPLACED);
    }

    /** A group's leader: its LEAD going with the whole group (no province) that still holds (planned or active). */
    public Optional<Assignment> leaderOf(UUID deploymentId) {
        return find("deployment.id = ?1 and role = ?2 and provinceCode is null and status in ?3 order by startDate",
                deploymentId, AssignmentRole.LEAD, List.of(AssignmentStatus.PLANNED, AssignmentStatus.ACTIVE))
                .firstResultOptional();
    }

    public long countHolding(UUID deploymentId) {
        return count("deployment.id = ?1 and status in ?2", deploymentId,
                List.of(AssignmentStatus.PLANNED, AssignmentStatus.ACTIVE));
    }

    /**
     * Assignments of a deployment in a province whose period meets [start, end] and that still hold (planned or
     * active), except {@code excluded}: what a new one there would stand beside.
     */
    public List<Assignment> holdingInProvince(UUID deploymentId, String provinceCode, LocalDate start, LocalDate end,
                                              UUID excluded) {
        return list("""
                        deployment.id = ?1 and provinceCode = ?2 and startDate <= ?4 and endDate >= ?3
                        and status in ?5 and id <> ?6""",
                deploymentId, provinceCode, start, end, List.of(AssignmentStatus.PLANNED, AssignmentStatus.ACTIVE),
                excluded);
    }

    public List<AssignmentRevision> revisions(UUID assignmentId) {
        return revisions(List.of(assignmentId));
    }

    /** The versions of several assignments in one statement, oldest first within each. */
    public List<AssignmentRevision> revisions(Collection<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        select r from AssignmentRevision r where r.assignmentId in :ids
                        order by r.assignmentId, r.effectiveFrom, r.recordedAt""", AssignmentRevision.class)
                .setParameter("ids", assignmentIds)
                .getResultList();
    }

    /** The version of each assignment in force on {@code date}; assignments not yet recorded then are absent. */
    public Map<UUID, AssignmentRevision> asOf(List<UUID> assignmentIds, LocalDate date) {
        if (assignmentIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("""
                        select r from AssignmentRevision r where r.assignmentId in :ids and r.effectiveFrom <= :date
                        order by r.effectiveFrom, r.recordedAt""", AssignmentRevision.class)
                .setParameter("ids", assignmentIds)
                .setParameter("date", date)
                .getResultStream()
                // ordered oldest first: the last one per assignment wins
                .collect(Collectors.toMap(r -> r.assignmentId, r -> r, (older, newer) -> newer));
    }

    public Optional<AssignmentRevision> asOf(UUID assignmentId, LocalDate date) {
        return Optional.ofNullable(asOf(List.of(assignmentId), date).get(assignmentId));
    }
}
