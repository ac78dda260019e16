package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.report.FinalReport;
import vn.secondment.report.ReportStatus;
import vn.secondment.report.config.FinalReportConfig;
import vn.secondment.report.readmodel.KnownAssignment;
import vn.secondment.report.repository.FinalReportRepository;
import vn.secondment.rest.VietnamTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The final report (báo cáo tổng hợp cuối đợt) an assignment owes: one, from the first event of an assignment that
 * owes reports, due on its end date (plus the configured days) at the configured time, Vietnam time. Applied again
 * after every change of the assignment: while the report is not yet submitted its deadline follows the end date
 * (a reschedule, an early return); a withdrawn assignment's unsubmitted report is cancelled, and comes back if the
 * assignment does. A submitted report keeps the deadline it was judged against.
 */
@ApplicationScoped
public class FinalReportSchedule {

    private final FinalReportRepository reports;
    private final FinalReportConfig deadline;
    private final Clock clock;

    public FinalReportSchedule(FinalReportRepository reports, FinalReportConfig deadline, Clock clock) {
        this.reports = reports;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** When the final report of an assignment ending on {@code endDate} is due. */
    public Instant dueAt(LocalDate endDate) {
        return endDate.plusDays(deadline.dueDaysAfterEnd()).atTime(deadline.dueTime()).atZone(VietnamTime.ZONE)
                .toInstant();
    }

    /** Brings the assignment's final report in line with its current end date and status. */
    public void apply(KnownAssignment a) {
        FinalReport report = reports.ofAssignment(a.assignmentId).orElse(null);
        Instant now = clock.instant();
        Instant due = dueAt(a.endDate);
        if (WeeklyReportSchedule.owesReports(a)) {
            if (report == null) {
                reports.persist(newReport(a, due, now));
            } else if (report.status == ReportStatus.CANCELLED) {
                report.status = report.draftedAt == null ? ReportStatus.DUE : ReportStatus.DRAFT;
                report.dueAt = due;
                report.updatedAt = now;
            } else if ((report.status == ReportStatus.DUE || report.status == ReportStatus.DRAFT)
                    && !report.dueAt.equals(due)) {
                report.dueAt = due;
                report.updatedAt = now;
            }
        } else if (report != null && (report.status == ReportStatus.DUE || report.status == ReportStatus.DRAFT)) {
            report.status = ReportStatus.CANCELLED;
            report.updatedAt = now;
        }
    }

    private static FinalReport newReport(KnownAssignment a, Instant due, Instant now) {
        FinalReport report = new FinalReport();
        report.id = UUID.randomUUID();
        report.assignment = a;
        report.dueAt = due;
        report.status = ReportStatus.DUE;
        report.createdAt = now;
        report.updatedAt = now;
        return report;
    }
}
