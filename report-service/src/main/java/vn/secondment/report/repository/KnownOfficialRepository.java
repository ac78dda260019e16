package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.readmodel.KnownOfficial;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KnownOfficialRepository implements PanacheRepositoryBase<KnownOfficial, UUID> {

    /** The officials signed in with this work email (case-insensitive), normally one. */
    public List<UUID> idsOfEmail(String email) {
        return getEntityManager()
                .createQuery("select o.id from KnownOfficial o where lower(o.email) = lower(:email)", UUID.class)
                .setParameter("email", email)
                .getResultList();
    }
}
