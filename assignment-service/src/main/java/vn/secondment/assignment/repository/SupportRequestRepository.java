package vn.secondment.assignment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.SupportRequest;
import vn.secondment.assignment.SupportRequestMessage;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SupportRequestRepository implements PanacheRepositoryBase<SupportRequest, UUID> {

    /** The request's messages, oldest first. */
    public List<SupportRequestMessage> messages(UUID requestId) {
        return getEntityManager().createQuery(
                        "select m from SupportRequestMessage m where m.requestId = :id order by m.postedAt, m.id",
                        SupportRequestMessage.class)
                .setParameter("id", requestId).getResultList();
    }

    public void persist(SupportRequestMessage message) {
        getEntityManager().persist(message);
    }

    /** The requests a deployment answers. */
    public List<SupportRequest> answeredBy(UUID deploymentId) {
        return list("deploymentId = ?1 order by createdAt", deploymentId);
    }
}
