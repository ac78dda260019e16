package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.IssueHistory;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IssueHistoryRepository implements PanacheRepositoryBase<IssueHistory, UUID> {

    /** The whole history of an issue, oldest first. */
    public List<IssueHistory> of(UUID issueId) {
        return list("issueId = ?1 order by step", issueId);
    }

    public int nextStep(UUID issueId) {
        return (int) count("issueId", issueId) + 1;
    }
}
