package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.IssueHistory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IssueHistoryRepository implements PanacheRepositoryBase<IssueHistory, UUID> {

    /** The whole history of an issue, oldest first. */
    public List<IssueHistory> of(UUID issueId) {
        return list("issueId = ?1 order by step", issueId);
    }

    /** When the issue's last step happened (a step entered after the fact cannot come before it). */
    public Instant lastAt(UUID issueId) {
        return getEntityManager().createQuery("select max(h.at) from IssueHistory h where h.issueId = :issue",
                Instant.class).setParameter("issue", issueId).getSingleResult();
    }

    public int nextStep(UUID issueId) {
        return (int) count("issueId", issueId) + 1;
    }
}
