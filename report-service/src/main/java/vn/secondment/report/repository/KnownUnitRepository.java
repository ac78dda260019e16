package vn.secondment.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.readmodel.KnownUnit;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class KnownUnitRepository implements PanacheRepositoryBase<KnownUnit, UUID> {

    /** The active unit of {@code ministryCode} with this code. */
    public Optional<KnownUnit> active(String ministryCode, String code) {
        return find("ministryCode = ?1 and code = ?2 and active = true", ministryCode, code).firstResultOptional();
    }
}
