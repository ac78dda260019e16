package vn.secondment.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.WorkPlan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WorkPlanRepository implements PanacheRepositoryBase<WorkPlan, UUID> {

    public Optional<WorkPlan> of(UUID assignmentId, String week) {
        return find("assignment.id = ?1 and week = ?2", assignmentId, week).firstResultOptional();
    }

    /** Every plan of an assignment, oldest week first. */
    public List<WorkPlan> ofAssignment(UUID assignmentId) {
        return list("assignment.id = ?1 order by weekStart", assignmentId);
    }
}
