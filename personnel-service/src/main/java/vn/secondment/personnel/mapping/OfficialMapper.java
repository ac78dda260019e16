package vn.secondment.personnel.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.events.personnel.OfficialSnapshot;
import vn.secondment.personnel.Official;
import vn.secondment.personnel.OrgUnit;
import vn.secondment.personnel.rest.LoginView;
import vn.secondment.personnel.rest.OfficialRequest;
import vn.secondment.personnel.rest.OfficialView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The one place where officials become API views, editable documents, audit states and event payloads. */
@ApplicationScoped
public class OfficialMapper {

    /**
     * @param showPersonal whether the caller may see the date of birth and phone
     * @param showLogin    whether the caller may see the official's login (admins of the official's ministry)
     */
    public OfficialView toView(Official official, boolean showPersonal, boolean showLogin) {
        return new OfficialView(official.id, official.fullName, official.gender,
                showPersonal ? official.dateOfBirth : null, official.ministryCode, unitRef(official.unit),
                official.position, official.grade, official.category, official.email,
                showPersonal ? official.phone : mask(official.phone), List.copyOf(official.expertise),
                official.active, official.secondmentStatus,
                !showPersonal && (official.phone != null || official.dateOfBirth != null),
                official.version, official.createdAt, official.updatedAt, showLogin ? login(official) : null);
    }

    /** The official's login, or null when they have none. */
    public LoginView login(Official official) {
        return official.hasLogin() ? new LoginView(official.loginUsername, official.loginRole,
                Boolean.TRUE.equals(official.loginEnabled), official.loginCreatedAt) : null;
    }

    /** The official as a full-update document, the base a merge patch is applied to. */
    public OfficialRequest toRequest(Official official) {
        return new OfficialRequest(official.fullName, official.gender, official.dateOfBirth, official.ministryCode,
                official.unit == null ? null : official.unit.id, official.position, official.grade, official.category,
                official.email, official.phone, List.copyOf(official.expertise));
    }

    /** What the audit log compares, in the API's field names; personal fields included, readers are admins. */
    public Map<String, Object> auditState(Official official) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("fullName", official.fullName);
        state.put("gender", official.gender == null ? null : official.gender.name());
        state.put("dateOfBirth", official.dateOfBirth == null ? null : official.dateOfBirth.toString());
        state.put("ministryCode", official.ministryCode);
        state.put("unitId", official.unit == null ? null : official.unit.id.toString());
        state.put("position", official.position);
        state.put("grade", official.grade);
        state.put("category", official.category == null ? null : official.category.name());
        state.put("email", official.email);
        state.put("phone", official.phone);
        state.put("expertise", official.expertise.isEmpty() ? null : List.copyOf(official.expertise));
        state.put("active", official.active);
        state.put("deactivationReason", official.deactivationReason);
        return state;
    }

    public OfficialSnapshot toSnapshot(Official official, UUID importId) {
        return new OfficialSnapshot(official.id, official.fullName, official.ministryCode,
                official.unit == null ? null : official.unit.id, official.position,
                official.category == null ? null : official.category.name(), official.email,
                List.copyOf(official.expertise), official.active, importId);
    }

    private static OfficialView.UnitRef unitRef(OrgUnit unit) {
        return unit == null ? null : new OfficialView.UnitRef(unit.id, unit.code, unit.name);
    }

    /** Keeps the last 3 digits, so a colleague can tell numbers apart without learning them. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        int keep = Math.min(3, phone.length());
        return "*".repeat(phone.length() - keep) + phone.substring(phone.length() - keep);
    }
}
