package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.WeeklyReport;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WeeklyReportRepository implements PanacheRepositoryBase<WeeklyReport, UUID> {

    public List<WeeklyReport> ofAssignment(UUID assignmentId) {
        return list("assignment.assignmentId = ?1 order by weekStart", assignmentId);
    }
}
