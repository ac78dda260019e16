package vn.secondment.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.notification.KnownOfficial;

import java.util.UUID;

@ApplicationScoped
public class KnownOfficialRepository implements PanacheRepositoryBase<KnownOfficial, UUID> {
}
