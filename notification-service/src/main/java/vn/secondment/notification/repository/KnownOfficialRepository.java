package vn.secondment.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.readmodel.KnownOfficial;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class KnownOfficialRepository implements PanacheRepositoryBase<KnownOfficial, UUID> {

    /** The official, if personnel-service announced them; empty for a null id (events naming no official). */
    public Optional<KnownOfficial> findOptional(UUID officialId) {
        return officialId == null ? Optional.empty() : findByIdOptional(officialId);
    }
}
