package vn.secondment.report.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.report.FieldVisitRecorded;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Commune;
import vn.secondment.report.FieldVisit;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.report.rest.FieldVisitView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Field visits to API views, event payloads and audit states. */
@ApplicationScoped
public class FieldVisitMapper {

    private final AdministrativeUnits units;

    public FieldVisitMapper(AdministrativeUnits units) {
        this.units = units;
    }

    /** @param personal whether the people met may be shown (not to a viewer) */
    public FieldVisitView toView(FieldVisit v, List<UUID> issueIds, boolean personal) {
        KnownAssignment a = v.assignment;
        String communeName = units.commune(v.communeCode, v.visitDate.isBefore(AdministrativeUnits.FIRST_DAY)
                ? AdministrativeUnits.FIRST_DAY : v.visitDate).map(Commune::fullName).orElse(null);
        return new FieldVisitView(v.id, a.assignmentId, a.officialId, a.ministryCode, a.provinceCode, v.communeCode,
                communeName, v.visitDate, v.communeGroup, v.communeGroup.label(), personal ? v.peopleMet : null,
                v.activities, v.findings, issueIds, v.enteredAfterTheFact(), v.version, v.createdAt, v.updatedAt,
                v.companions.stream().map(c -> new FieldVisitView.Companion(c.officialId, c.assignmentId,
                        c.provinceCode)).toList());
    }

    /** @param entered who entered the visit after it happened and when; null for one the official recorded */
    public FieldVisitRecorded toRecorded(FieldVisit v, List<UUID> issueIds, AfterTheFact entered) {
        KnownAssignment a = v.assignment;
        return new FieldVisitRecorded(v.id, a.assignmentId, a.officialId, a.ministryCode, a.provinceCode,
                v.communeCode, v.visitDate, v.communeGroup.name(), issueIds, entered, companionOfficialIds(v));
    }

    /** The companions' official ids, in the visit's order (by official id). */
    public List<UUID> companionOfficialIds(FieldVisit v) {
        return v.companions.stream().map(c -> c.officialId).toList();
    }

    /** The visit in the API's field names, for the audit trail. */
    public Map<String, Object> auditState(FieldVisit v) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("visitDate", v.visitDate.toString());
        state.put("communeCode", v.communeCode);
        state.put("communeGroup", v.communeGroup.name());
        state.put("peopleMet", v.peopleMet);
        state.put("activities", v.activities);
        state.put("findings", v.findings);
        state.put("companionOfficialIds", companionOfficialIds(v).stream().map(UUID::toString).toList());
        return state;
    }
}
