package vn.secondment.assignment.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.WorkPlan;
import vn.secondment.assignment.WorkPlanActivity;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.assignment.rest.AssignmentView;
import vn.secondment.assignment.rest.WorkPlanActivityRequest;
import vn.secondment.assignment.rest.WorkPlanSummaryView;
import vn.secondment.assignment.rest.WorkPlanView;
import vn.secondment.events.AfterTheFact;
import vn.secondment.events.assignment.WorkPlanSubmitted;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Commune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Work plans to API views, event payloads and audit states. */
@ApplicationScoped
public class WorkPlanMapper {

    private final AdministrativeUnits units;

    public WorkPlanMapper(AdministrativeUnits units) {
        this.units = units;
    }

    public WorkPlanView toView(WorkPlan p) {
        Assignment a = p.assignment;
        return new WorkPlanView(p.id, a.id, a.officialId, a.ministryCode, a.provinceCode, p.week, p.weekStart,
                p.weekStart.plusDays(6), p.status, p.submittedAt, p.late, p.note,
                p.activities.stream().map(this::toView).toList(), p.version, p.createdAt, p.updatedAt,
                enteredAfterTheFact(p));
    }

    public WorkPlanSummaryView toSummary(WorkPlan p, KnownOfficial official) {
        Assignment a = p.assignment;
        AssignmentView.OfficialRef who = official == null
                ? new AssignmentView.OfficialRef(a.officialId, null, null, a.officialMinistryCode)
                : new AssignmentView.OfficialRef(official.id, official.fullName, official.position,
                official.ministryCode);
        return new WorkPlanSummaryView(p.id, a.id, who, a.ministryCode, a.provinceCode, p.week, p.weekStart,
                p.status, p.submittedAt, p.late, p.activities.size(), p.version, p.updatedAt,
                enteredAfterTheFact(p));
    }

    /** The plan's own view of whether it was entered after the fact; null for one written as it happened. */
    public WorkPlanView.EnteredAfterTheFact enteredAfterTheFact(WorkPlan p) {
        return p.enteredBy == null ? null : new WorkPlanView.EnteredAfterTheFact(p.enteredBy, p.enteredAt);
    }

    /**
     * The submission's event; {@code recorded} is who entered the submission after the fact and when, null when the
     * official submitted it as it happened (then consumers notify as usual).
     */
    public WorkPlanSubmitted toSubmitted(WorkPlan p, AfterTheFact recorded) {
        Assignment a = p.assignment;
        return new WorkPlanSubmitted(p.id, a.id, a.officialId, a.ministryCode, a.provinceCode, p.week, p.weekStart,
                p.submittedAt, p.late, p.activities.size(), recorded);
    }

    public WorkPlanActivityRequest toRequest(WorkPlanActivity activity) {
        return new WorkPlanActivityRequest(activity.day, activity.kind, activity.communeCode, activity.location,
                activity.title, activity.details);
    }

    /** The plan in the API's field names, for the audit trail. */
    public Map<String, Object> auditState(WorkPlan p) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("week", p.week);
        state.put("status", p.status.name());
        state.put("submittedAt", p.submittedAt == null ? null : p.submittedAt.toString());
        state.put("late", p.late);
        state.put("enteredBy", p.enteredBy);
        state.put("enteredAt", p.enteredAt == null ? null : p.enteredAt.toString());
        state.put("note", p.note);
        List<Map<String, Object>> activities = new ArrayList<>();
        for (WorkPlanActivity activity : p.activities) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("day", activity.day.toString());
            a.put("kind", activity.kind.name());
            a.put("communeCode", activity.communeCode);
            a.put("location", activity.location);
            a.put("title", activity.title);
            a.put("details", activity.details);
            activities.add(a);
        }
        state.put("activities", activities);
        return state;
    }

    private WorkPlanView.Activity toView(WorkPlanActivity activity) {
        String communeName = activity.communeCode == null ? null
                : units.commune(activity.communeCode, activity.day.isBefore(AdministrativeUnits.FIRST_DAY)
                ? AdministrativeUnits.FIRST_DAY : activity.day).map(Commune::fullName).orElse(null);
        return new WorkPlanView.Activity(activity.day, activity.kind, activity.communeCode, communeName,
                activity.location, activity.title, activity.details);
    }
}
