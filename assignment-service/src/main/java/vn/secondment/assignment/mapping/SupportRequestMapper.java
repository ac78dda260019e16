package vn.secondment.assignment.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.SupportRequest;
import vn.secondment.assignment.SupportRequestMessage;
import vn.secondment.assignment.rest.SupportRequestView;
import vn.secondment.events.assignment.SupportRequestSnapshot;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.rest.VietnamTime;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class SupportRequestMapper {

    private final AdministrativeUnits units;

    public SupportRequestMapper(AdministrativeUnits units) {
        this.units = units;
    }

    /**
     * The request as a reader sees it: {@code withContact} false hides the contact person (personal data);
     * {@code messages} null leaves them out (lists).
     */
    public SupportRequestView toView(SupportRequest r, boolean withContact, List<SupportRequestMessage> messages) {
        LocalDate filed = VietnamTime.dayOf(r.createdAt);
        return new SupportRequestView(r.id, r.provinceCode, units.provinceName(r.provinceCode, filed, "vi"),
                r.ministryCode, r.topic, r.details,
                r.communeCodes.stream().map(c -> new SupportRequestView.CommuneRef(c,
                        units.communeName(c, filed, "vi"))).toList(),
                r.urgency,
                withContact ? new SupportRequestView.Contact(r.contactName, r.contactTitle, r.contactPhone,
                        r.contactEmail) : null,
                r.wishedStart, r.wishedEnd, r.status, r.outcomeReason, r.deploymentId, r.decidedAt, r.decidedBy,
                messages == null ? null : messages.stream().map(m -> new SupportRequestView.Message(m.side, m.author,
                        m.body, m.postedAt)).toList(),
                r.createdAt, r.createdBy, r.updatedAt, r.version);
    }

    /** The event payload: no contact person (personal data stays here). */
    public SupportRequestSnapshot toSnapshot(SupportRequest r, SupportRequest.Side lastMessageBy) {
        return new SupportRequestSnapshot(r.id, r.provinceCode, r.ministryCode, r.topic, List.copyOf(r.communeCodes),
                r.urgency.name(), r.wishedStart, r.wishedEnd, r.status.name(),
                lastMessageBy == null ? null : lastMessageBy.name(), r.outcomeReason, r.deploymentId, r.createdAt);
    }

    /** What the audit trail keeps of the request (the contact person too: the trail is read by admins). */
    public Map<String, Object> auditState(SupportRequest r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("provinceCode", r.provinceCode);
        state.put("ministryCode", r.ministryCode);
        state.put("topic", r.topic);
        state.put("details", r.details);
        state.put("communeCodes", List.copyOf(r.communeCodes));
        state.put("urgency", r.urgency.name());
        state.put("contactName", r.contactName);
        state.put("wishedStart", r.wishedStart);
        state.put("wishedEnd", r.wishedEnd);
        state.put("status", r.status.name());
        state.put("outcomeReason", r.outcomeReason);
        state.put("deploymentId", r.deploymentId);
        return state;
    }
}
