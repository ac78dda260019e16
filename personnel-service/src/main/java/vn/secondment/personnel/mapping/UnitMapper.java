package vn.secondment.personnel.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.rest.UnitView;

/** The one place where organisational units (Vụ, Cục, Phòng...) become API views. */
@ApplicationScoped
public class UnitMapper {

    public UnitView toView(OrgUnit unit) {
        return new UnitView(unit.id, unit.ministryCode, unit.parent == null ? null : unit.parent.id, unit.code,
                unit.name, unit.type, unit.type.vietnamese(), unit.active, unit.version, unit.createdAt,
                unit.updatedAt);
    }
}
