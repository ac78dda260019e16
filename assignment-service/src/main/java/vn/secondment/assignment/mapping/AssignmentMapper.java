package vn.secondment.assignment.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.AssignmentRevision;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentStatus;
import vn.secondment.assignment.DeploymentRevision;
import vn.secondment.assignment.ItineraryStop;
import vn.secondment.assignment.Revision;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.assignment.rest.AssignmentView;
import vn.secondment.assignment.rest.DecisionRef;
import vn.secondment.assignment.rest.DeploymentRequest;
import vn.secondment.assignment.rest.DeploymentView;
import vn.secondment.assignment.rest.RevisionView;
import vn.secondment.assignment.service.AssignmentService;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.events.assignment.DeploymentSnapshot;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entities to API views, event payloads and audit states, in one place. */
@ApplicationScoped
public class AssignmentMapper {

    /** The deployment now ({@code asOf} null), or as its revision in force on {@code asOf} says. */
    public DeploymentView toView(Deployment d, DeploymentRevision inForce, LocalDate asOf,
                                 List<DeploymentRevision> revisions) {
        return toView(d, inForce, asOf, revisions, null);
    }

    /** @param moved the assignments that moved with a reschedule (in its answer only) */
    public DeploymentView toView(Deployment d, DeploymentRevision inForce, LocalDate asOf,
                                 List<DeploymentRevision> revisions, List<AssignmentService.Moved> moved) {
        boolean past = inForce != null;
        return new DeploymentView(d.id, d.ministryCode, d.type, d.name,
                new DecisionRef(d.decisionNumber, d.decisionDate, d.decisionSigner, d.decisionSubject), d.decisionId,
                past ? inForce.startDate : d.startDate, past ? inForce.endDate : d.endDate,
                past ? inForce.status : d.status, asOf, List.copyOf(d.provinceCodes), d.officialsPerProvince,
                Map.copyOf(d.provinceQuotas), List.copyOf(d.partnerMinistries),
                revisions == null ? null : revisions.stream().map(this::toView).toList(),
                revisions == null ? null : revisions.stream()
                        .filter(r -> r.decisionId != null && !r.decisionId.equals(d.decisionId))
                        .map(r -> new DeploymentView.Amendment(r.decisionId, r.decisionNumber, r.decisionDate,
                                r.change, r.effectiveFrom)).toList(),
                moved == null ? null : moved.stream().map(m -> new DeploymentView.MovedAssignment(m.assignmentId(),
                        m.previousStartDate(), m.previousEndDate(), m.startDate(), m.endDate(), m.clipped())).toList(),
                d.version, d.createdAt, d.updatedAt,
                past ? copy(inForce.itinerary) : copy(d.itinerary));
    }

    private static List<ItineraryStop> copy(List<ItineraryStop> itinerary) {
        return itinerary == null ? null : List.copyOf(itinerary);
    }

    public AssignmentView toView(Assignment a, KnownOfficial official, AssignmentRevision inForce, LocalDate asOf,
                                 List<AssignmentRevision> revisions) {
        boolean past = inForce != null;
        AssignmentView.OfficialRef who = official == null
                ? new AssignmentView.OfficialRef(a.officialId, null, null, a.officialMinistryCode)
                : new AssignmentView.OfficialRef(official.id, official.fullName, official.position,
                official.ministryCode);
        return new AssignmentView(a.id, a.deployment.id, a.deployment.name, a.deployment.decisionNumber,
                a.ministryCode, who, a.provinceCode, a.role, List.copyOf(a.focusCommunes),
                past ? inForce.startDate : a.startDate, past ? inForce.endDate : a.endDate,
                past ? inForce.status : a.status, asOf, a.arrivedOn, a.replacesId, a.replacedById,
                revisions == null ? null : revisions.stream().map(this::toView).toList(),
                a.version, a.createdAt, a.updatedAt, a.leadTitle);
    }

    public RevisionView toView(Revision r) {
        return new RevisionView(r.change, r.effectiveFrom, r.recordedAt, r.recordedBy, r.statusName(), r.startDate,
                r.endDate, r.reason, r.decisionNumber, r.decisionDate, r.decisionId);
    }

    public DeploymentRequest toRequest(Deployment d) {
        return new DeploymentRequest(d.ministryCode, d.type, d.name,
                new DecisionRef(d.decisionNumber, d.decisionDate, d.decisionSigner, d.decisionSubject),
                d.startDate, d.endDate, d.itinerary == null ? List.copyOf(d.provinceCodes) : null,
                d.officialsPerProvince, new LinkedHashMap<>(d.provinceQuotas), List.copyOf(d.partnerMinistries), null,
                copy(d.itinerary));
    }

    public AssignmentSnapshot toSnapshot(Assignment a) {
        return new AssignmentSnapshot(a.id, a.deployment.id, a.officialId, a.ministryCode, a.provinceCode,
                a.startDate, a.endDate, AssignmentSnapshot.Status.valueOf(a.status.name()), a.replacedById,
                a.arrivedOn, a.role.name(), a.leadTitle);
    }

    public DeploymentSnapshot toSnapshot(Deployment d, DeploymentSnapshot.Amendment amendment) {
        return toSnapshot(d, amendment, d.status != DeploymentStatus.DRAFT);
    }

    /** @param issued whether its decision was ever issued: for a cancellation, told by the status it had before */
    public DeploymentSnapshot toSnapshot(Deployment d, DeploymentSnapshot.Amendment amendment, boolean issued) {
        return new DeploymentSnapshot(d.id, d.ministryCode, d.type.name(), d.name, d.decisionNumber, d.startDate,
                d.endDate, List.copyOf(d.provinceCodes), d.status.name(), amendment, issued, d.decisionId,
                d.itinerary == null ? null : d.itinerary.stream().map(stop -> new DeploymentSnapshot.ItineraryStop(
                        stop.provinceCode(), stop.startDate(), stop.endDate())).toList());
    }

    /** The audited fields of a deployment, in the API's names. */
    public Map<String, Object> auditState(Deployment d) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", d.type);
        state.put("name", d.name);
        state.put("decision.number", d.decisionNumber);
        state.put("decision.date", d.decisionDate);
        state.put("decision.signer", d.decisionSigner);
        state.put("decision.subject", d.decisionSubject);
        state.put("startDate", d.startDate);
        state.put("endDate", d.endDate);
        state.put("provinceCodes", List.copyOf(d.provinceCodes));
        state.put("officialsPerProvince", d.officialsPerProvince);
        state.put("provinceQuotas", Map.copyOf(d.provinceQuotas));
        state.put("partnerMinistries", List.copyOf(d.partnerMinistries));
        state.put("itinerary", d.itinerary == null ? null : d.itinerary.stream()
                .map(stop -> stop.provinceCode() + " " + stop.startDate() + "/" + stop.endDate()).toList());
        state.put("status", d.status);
        return state;
    }

    public Map<String, Object> auditState(Assignment a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("officialId", a.officialId);
        state.put("provinceCode", a.provinceCode);
        state.put("role", a.role);
        state.put("leadTitle", a.leadTitle);
        state.put("focusCommunes", List.copyOf(a.focusCommunes));
        state.put("startDate", a.startDate);
        state.put("endDate", a.endDate);
        state.put("status", a.status);
        state.put("arrivedOn", a.arrivedOn);
        state.put("replacesId", a.replacesId);
        state.put("replacedById", a.replacedById);
        return state;
    }
}
