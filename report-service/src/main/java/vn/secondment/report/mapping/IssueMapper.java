package vn.secondment.report.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.report.IssueSnapshot;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Commune;
import vn.secondment.report.IssueHistory;
import vn.secondment.report.LocalityIssue;
import vn.secondment.report.rest.IssueHistoryView;
import vn.secondment.report.rest.IssueView;
import vn.secondment.rest.VietnamTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Issues to API views, event payloads and audit states. */
@ApplicationScoped
public class IssueMapper {

    private final AdministrativeUnits units;

    public IssueMapper(AdministrativeUnits units) {
        this.units = units;
    }

    /** @param personal whether names (raiser, answerer) may be shown */
    public IssueView toView(LocalityIssue i, LocalDate today, boolean personal) {
        return new IssueView(i.id, i.ministryCode, i.referredToMinistry, i.provinceCode, i.communeCode,
                communeName(i.communeCode, LocalDate.ofInstant(i.raisedAt, VietnamTime.ZONE)), i.field,
                i.field.label(), i.kind, i.status, i.urgent, i.title, i.description, i.raisedAt, i.raisedWeek,
                personal ? i.raisedBy : null, i.assignmentId, i.officialId, i.visitId, i.escalatedToUnit,
                i.escalatedAt, i.deadline, i.overdueOn(today), i.answer, i.guidanceDocument,
                personal ? i.answeredBy : null, i.answeredAt, i.closedAt, enteredView(i.enteredAfterTheFact(), personal),
                i.version);
    }

    public IssueHistoryView toView(IssueHistory h, boolean personal) {
        return new IssueHistoryView(h.step, h.at, h.action, personal ? h.actor : null, h.actorRole, h.fromStatus,
                h.toStatus, h.note, h.guidanceDocument, h.unit, h.ministry, h.deadline,
                h.enteredAt == null ? null : enteredView(new AfterTheFact(h.enteredBy, h.enteredAt), personal));
    }

    /**
     * @param at      when the change happened
     * @param entered who entered the change after it happened and when; null for a change made now
     */
    public IssueSnapshot toSnapshot(LocalityIssue i, Instant at, AfterTheFact entered) {
        return new IssueSnapshot(i.id, i.ministryCode, i.provinceCode, i.communeCode, i.field.name(), i.title,
                i.urgent, i.status.name(), i.assignmentId, i.officialId, i.escalatedToUnit, i.deadline,
                i.referredToMinistry, i.overdueOn(LocalDate.ofInstant(at, VietnamTime.ZONE)), at, entered);
    }

    /** Who entered it is a name: hidden from a viewer, who still sees that (and when) it was entered afterwards. */
    private static AfterTheFact enteredView(AfterTheFact entered, boolean personal) {
        return entered == null || personal ? entered : new AfterTheFact(null, entered.enteredAt());
    }

    /** The issue in the API's field names, for the audit trail. */
    public Map<String, Object> auditState(LocalityIssue i) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", i.status.name());
        state.put("referredToMinistry", i.referredToMinistry);
        state.put("escalatedToUnit", i.escalatedToUnit);
        state.put("deadline", i.deadline == null ? null : i.deadline.toString());
        state.put("answer", i.answer);
        state.put("guidanceDocument", i.guidanceDocument);
        state.put("enteredBy", i.enteredBy);
        state.put("enteredAt", i.enteredAt == null ? null : i.enteredAt.toString());
        state.put("overdueAnnouncedAt", i.overdueAnnouncedAt == null ? null : i.overdueAnnouncedAt.toString());
        return state;
    }

    private String communeName(String code, LocalDate on) {
        if (code == null) {
            return null;
        }
        return units.commune(code, on.isBefore(AdministrativeUnits.FIRST_DAY) ? AdministrativeUnits.FIRST_DAY : on)
                .map(Commune::fullName).orElse(null);
    }
}
