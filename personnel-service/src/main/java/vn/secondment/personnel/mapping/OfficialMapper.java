package vn.secondment.personnel.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.events.personnel.OfficialRegistered;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.rest.OfficialView;

/** The one place where officials become API views and event payloads. */
@ApplicationScoped
public class OfficialMapper {

    public OfficialView toView(Official official) {
        return new OfficialView(official.id, official.fullName, official.ministryCode, official.position,
                official.email, official.active, official.version, official.createdAt, official.updatedAt);
    }

    public OfficialRegistered toRegistered(Official official) {
        return new OfficialRegistered(official.id, official.fullName, official.ministryCode, official.position,
                official.active);
    }
}
