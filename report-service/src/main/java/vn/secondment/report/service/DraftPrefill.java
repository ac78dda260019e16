package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Commune;
import vn.secondment.report.FieldVisit;
import vn.secondment.report.IssueStatus;
import vn.secondment.report.LocalityIssue;
import vn.secondment.report.WeeklyReport;
import vn.secondment.report.repository.FieldVisitRepository;
import vn.secondment.report.repository.LocalityIssueRepository;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a new draft starts from, so the official edits rather than retypes:
 * <ul>
 *   <li>from the previous week's report of the same assignment, its plan for the week (kế hoạch tuần tới) becomes
 *       this week's activities, the plan to report on, and the general situation (tình hình chung) carries over;
 *       recommendations are not repeated, since last week's were already sent to the ministry;</li>
 *   <li>the communes visited are this week's field visits, one line each (day, commune, findings), those made as a
 *       companion of the official who recorded them included;</li>
 *   <li>the difficulties are the issues of the assignment still waiting for an answer (open, escalated, referred),
 *       those raised on a visit the official made as a companion included, one line each with their field and
 *       where they stand, or else last week's difficulties.</li>
 * </ul>
 */
@ApplicationScoped
public class DraftPrefill {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<IssueStatus> WAITING = List.of(IssueStatus.OPEN, IssueStatus.ESCALATED,
            IssueStatus.REFERRED);

    private final FieldVisitRepository visits;
    private final LocalityIssueRepository issues;
    private final AdministrativeUnits units;

    public DraftPrefill(FieldVisitRepository visits, LocalityIssueRepository issues, AdministrativeUnits units) {
        this.visits = visits;
        this.issues = issues;
        this.units = units;
    }

    /**
     * Fills the content of {@code draft} (a report still DUE, with no content) from {@code previous}, the newest
     * written report of the same assignment before it (or null), the week's visits and the issues still open.
     */
    public void fill(WeeklyReport draft, WeeklyReport previous) {
        if (previous != null) {
            draft.summary = previous.summary;
            draft.activities = previous.nextWeekPlan;
            draft.difficulties = previous.difficulties;
        }
        List<String> visited = new ArrayList<>();
        // the visits the official recorded and those they made as a companion, alike
        for (FieldVisit v : visits.list("select distinct v from FieldVisit v left join v.companions c "
                + "where (v.assignment.assignmentId = ?1 or c.assignmentId = ?1) and v.visitDate between ?2 and ?3 "
                + "order by v.visitDate, v.communeCode, v.id", draft.assignment.assignmentId, draft.weekStart,
                draft.weekStart.plusDays(6))) {
            String commune = units.commune(v.communeCode, v.visitDate).map(Commune::fullName).orElse(v.communeCode);
            visited.add("- " + DAY.format(v.visitDate) + ", " + commune + " (" + v.communeCode + ")"
                    + (v.findings == null || v.findings.isBlank() ? "" : ": " + v.findings.strip()));
        }
        if (!visited.isEmpty()) {
            draft.communesVisited = cut(String.join("\n", visited), WeeklyReport.MAX_COMMUNES_VISITED);
        }
        List<String> waiting = new ArrayList<>();
        // with those raised on the visits the official made as a companion: they belong to the joint visit
        for (LocalityIssue i : issues.list("(assignmentId = ?1 or visitId in (select v.id from FieldVisit v "
                + "join v.companions c where c.assignmentId = ?1)) and status in ?2 order by raisedAt",
                draft.assignment.assignmentId, WAITING)) {
            waiting.add("- [" + i.field.label() + "] " + i.title + " (" + describe(i) + ")");
        }
        if (!waiting.isEmpty()) {
            draft.difficulties = cut(String.join("\n", waiting), WeeklyReport.MAX_TEXT);
        }
    }

    private static String describe(LocalityIssue i) {
        return switch (i.status) {
            case ESCALATED -> "đã chuyển " + i.escalatedToUnit
                    + (i.deadline == null ? "" : ", hạn trả lời " + DAY.format(i.deadline));
            case REFERRED -> "đã chuyển " + i.referredToMinistry;
            default -> "chưa trả lời";
        };
    }

    /** A long week is cut to the column's size, never refused. */
    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
