package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.FinalReport;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FinalReportRepository implements PanacheRepositoryBase<FinalReport, UUID> {

    public Optional<FinalReport> ofAssignment(UUID assignmentId) {
        return find("assignment.assignmentId", assignmentId).firstResultOptional();
    }
}
