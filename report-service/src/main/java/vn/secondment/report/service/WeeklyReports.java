package vn.secondment.report.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.data.Where;
import vn.secondment.report.WeeklyReport;
import vn.secondment.report.WeeklyReportStatus;
import vn.secondment.report.repository.WeeklyReportRepository;
import vn.secondment.report.rest.WeeklyReportView;
import vn.secondment.report.search.WeeklyReportFilter;
import vn.secondment.report.security.ReportAccess;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.PageView;
import vn.secondment.rest.Paging;

import java.time.Instant;

/** Reading the weekly reports, within the caller's scope. */
@ApplicationScoped
public class WeeklyReports {

    private final WeeklyReportRepository reports;

    public WeeklyReports(WeeklyReportRepository reports) {
        this.reports = reports;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<WeeklyReportView> list(WeeklyReportFilter filter, Paging paging, ReportAccess access) {
        Instant now = Instant.now();
        Where where = access.scope().restrict(Where.from("WeeklyReport r join r.assignment a"), "a")
                .and("a.ministryCode in :ministries", "ministries", filter.ministries)
                .and("a.provinceCode = :province", "province", filter.province)
                .and("a.assignmentId = :assignment", "assignment", filter.assignment)
                .and("r.week = :week", "week", filter.week == null ? null : IsoWeek.parse("week", filter.week).toString())
                .and("r.status = :status", "status", filter.status);
        if (filter.overdue != null) {
            where.and(filter.overdue ? "(r.status = :due and r.dueAt < :now)" : "not (r.status = :due and r.dueAt < :now)")
                    .parameter("due", WeeklyReportStatus.DUE)
                    .parameter("now", now);
        }
        PanacheQuery<WeeklyReport> query = reports.find("select r " + where.jpql(),
                        Sort.descending("r.weekStart").and("a.ministryCode").and("a.provinceCode").and("r.id"),
                        where.parameters())
                .page(Page.of(paging.page, paging.size));
        return new PageView<>(query.list().stream().map(r -> view(r, now)).toList(), paging.page, paging.size,
                query.count());
    }

    private static WeeklyReportView view(WeeklyReport r, Instant now) {
        return new WeeklyReportView(r.id, r.assignment.assignmentId, r.assignment.officialId,
                r.assignment.ministryCode, r.assignment.provinceCode, r.week, r.weekStart, r.dueAt, r.status,
                r.status == WeeklyReportStatus.DUE && r.dueAt.isBefore(now), r.version);
    }
}
