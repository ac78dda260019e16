package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.ReportStatus;
import vn.secondment.report.WeeklyReport;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WeeklyReportRepository implements PanacheRepositoryBase<WeeklyReport, UUID> {

    public List<WeeklyReport> ofAssignment(UUID assignmentId) {
        return list("assignment.assignmentId = ?1 order by weekStart", assignmentId);
    }

    /** The newest report of the assignment before {@code weekStart} that the official wrote (not DUE, not cancelled). */
    public Optional<WeeklyReport> previousWritten(UUID assignmentId, LocalDate weekStart) {
        return find("assignment.assignmentId = ?1 and weekStart < ?2 and status not in ?3 order by weekStart desc",
                assignmentId, weekStart, List.of(ReportStatus.DUE, ReportStatus.CANCELLED)).firstResultOptional();
    }
}
