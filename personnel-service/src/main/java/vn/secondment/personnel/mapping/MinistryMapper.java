package vn.secondment.personnel.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.personnel.Ministry;
import vn.secondment.personnel.rest.MinistryView;

/** The one place where ministries become API views. */
@ApplicationScoped
public class MinistryMapper {

    public MinistryView toView(Ministry ministry) {
        return new MinistryView(ministry.code, ministry.nameVi, ministry.nameEn, ministry.kind, ministry.validFrom,
                ministry.validTo, ministry.version);
    }
}
