package vn.secondment.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.personnel.OrgUnit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrgUnitRepository implements PanacheRepositoryBase<OrgUnit, UUID> {

    public Optional<OrgUnit> findByCode(String ministryCode, String code) {
        return find("ministryCode = ?1 and code = ?2", ministryCode, code).firstResultOptional();
    }

    public Optional<OrgUnit> findByNameKey(String ministryCode, String nameKey) {
        return find("ministryCode = ?1 and nameKey = ?2", ministryCode, nameKey).firstResultOptional();
    }

    public List<OrgUnit> ofMinistry(String ministryCode) {
        return list("ministryCode", ministryCode);
    }
}
