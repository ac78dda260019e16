package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.events.assignment.AssignmentSnapshot;
import vn.secondment.report.ReportStatus;
import vn.secondment.report.WeeklyReport;
import vn.secondment.report.config.WeeklyReportConfig;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.report.repository.WeeklyReportRepository;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.VietnamTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which weekly reports an assignment owes: one for every ISO week that meets its period, due on the configured day
 * and time of that week (Vietnam time). Applied again after every change of the assignment, so a rescheduled
 * assignment's reports move with it and a withdrawn one's are cancelled (drafts included); reports submitted to the
 * ministry (SUBMITTED, RETURNED, ACCEPTED) are left alone.
 */
@ApplicationScoped
public class WeeklyReportSchedule {

    private final WeeklyReportRepository reports;
    private final WeeklyReportConfig deadline;
    private final Clock clock;

    public WeeklyReportSchedule(WeeklyReportRepository reports, WeeklyReportConfig deadline, Clock clock) {
        this.reports = reports;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** When the report of {@code week} is due. */
    public Instant dueAt(IsoWeek week) {
        LocalDate day = week.monday().with(TemporalAdjusters.nextOrSame(deadline.dueDay()));
        return day.atTime(deadline.dueTime()).atZone(VietnamTime.ZONE).toInstant();
    }

    /**
     * Whether the assignment owes reports at all: not when withdrawn, nor when replaced before the official went.
     * The final report follows the same rule.
     */
    public static boolean owesReports(KnownAssignment a) {
        AssignmentSnapshot.Status status = a.status;
        return status != AssignmentSnapshot.Status.WITHDRAWN
                && !(status == AssignmentSnapshot.Status.REPLACED && a.arrivedOn == null);
    }

    /** The weeks an assignment in this state owes a report for. */
    public static Set<IsoWeek> weeksOwed(KnownAssignment a) {
        Set<IsoWeek> weeks = new LinkedHashSet<>();
        if (!owesReports(a)) {
            return weeks;
        }
        for (IsoWeek w = IsoWeek.of(a.startDate); !w.monday().isAfter(a.endDate); w = w.next()) {
            weeks.add(w);
        }
        return weeks;
    }

    /** Brings the assignment's reports in line with its current period and status. */
    public void apply(KnownAssignment a) {
        Set<IsoWeek> owed = weeksOwed(a);
        Map<String, WeeklyReport> existing = reports.ofAssignment(a.assignmentId).stream()
                .collect(Collectors.toMap(r -> r.week, Function.identity()));
        Instant now = clock.instant();
        for (IsoWeek week : owed) {
            WeeklyReport report = existing.get(week.toString());
            if (report == null) {
                reports.persist(newReport(a, week, now));
            } else if (report.status == ReportStatus.CANCELLED) {
                // the week is back in the period (a reschedule undone): the report is owed again, with its draft
                report.status = report.draftedAt == null ? ReportStatus.DUE : ReportStatus.DRAFT;
                report.dueAt = dueAt(week);
                report.updatedAt = now;
            }
        }
        // a week that left the period is owed no more: a report not yet written, or only drafted, is cancelled (the
        // draft's text is kept should the week come back); one submitted to the ministry stays as it is
        List<WeeklyReport> dropped = existing.values().stream()
                .filter(r -> r.status == ReportStatus.DUE || r.status == ReportStatus.DRAFT)
                .filter(r -> !owed.contains(IsoWeek.parse("week", r.week)))
                .toList();
        for (WeeklyReport report : dropped) {
            report.status = ReportStatus.CANCELLED;
            report.updatedAt = now;
        }
    }

    private WeeklyReport newReport(KnownAssignment a, IsoWeek week, Instant now) {
        WeeklyReport report = new WeeklyReport();
        report.id = UUID.randomUUID();
        report.assignment = a;
        report.week = week.toString();
        report.weekStart = week.monday();
        report.dueAt = dueAt(week);
        report.status = ReportStatus.DUE;
        report.createdAt = now;
        report.updatedAt = now;
        return report;
    }
}
