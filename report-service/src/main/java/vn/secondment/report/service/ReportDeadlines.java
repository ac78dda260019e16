package vn.secondment.report.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.secondment.events.EventType;
import vn.secondment.events.outbox.EventPublisher;
import vn.secondment.events.report.ReportEvents;
import vn.secondment.report.FinalReport;
import vn.secondment.report.WeeklyReport;
import vn.secondment.report.config.SweepConfig;
import vn.secondment.report.mapping.ReportMapper;
import vn.secondment.report.repository.FinalReportRepository;
import vn.secondment.report.repository.WeeklyReportRepository;
import vn.secondment.rest.VietnamTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Announces weekly report deadlines on {@code report.events}, each once per report:
 * <ul>
 *   <li>{@code weekly-report.due} when the report's week has begun (its Monday 00:00, Vietnam time) and it is still
 *       DUE (a report the official already started needs no reminder);</li>
 *   <li>{@code weekly-report.overdue} when its deadline has passed and it is with the official (DUE, DRAFT, or
 *       RETURNED: a returned report is not submitted until it is submitted again, so one returned after its
 *       deadline is announced overdue too).</li>
 * </ul>
 * Works in bounded batches, one transaction each. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two
 * instances sweeping at once share the work and never announce a report twice. The flags are bookkeeping written
 * without touching the report's version, so an official's ETag stays valid. A final report past its deadline (the
 * end of the assignment) and with the official is announced {@code final-report.overdue} once, the same way.
 */
@ApplicationScoped
public class ReportDeadlines {

    private static final Logger LOG = Logger.getLogger(ReportDeadlines.class);

    private final WeeklyReportRepository reports;
    private final FinalReportRepository finalReportRepository;
    private final ReportMapper mapper;
    private final EventPublisher events;
    private final Clock clock;
    private final SweepConfig sweep;

    public ReportDeadlines(WeeklyReportRepository reports, FinalReportRepository finalReportRepository,
                           ReportMapper mapper, EventPublisher events, Clock clock,
                           SweepConfig sweep) {
        this.reports = reports;
        this.finalReportRepository = finalReportRepository;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
        this.sweep = sweep;
    }

    /** The result of one sweep: how many weekly reports were announced due and overdue, and final reports overdue. */
    public record Announced(int due, int overdue, int finalOverdue) {
    }

    @Scheduled(every = "${report.sweep.every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Announced announced = sweep(clock.instant());
        if (announced.due() + announced.overdue() + announced.finalOverdue() > 0) {
            LOG.infof("Announced %d weekly report(s) due, %d overdue, and %d final report(s) overdue",
                    announced.due(), announced.overdue(), announced.finalOverdue());
        }
    }

    /** Announces every report that has become due or overdue as of {@code now} and was not announced yet. */
    public Announced sweep(Instant now) {
        LocalDate today = VietnamTime.dayOf(now);
        // the second column: whether to announce it. A week that had begun (or a deadline that had passed) before
        // the report's row was created is the past entered now; a week whose deadline has passed too is announced
        // overdue only. Those are flagged without an event, so they are not examined again.
        int due = drain("""
                SELECT id::text, (week_start::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' >= created_at
                                  AND due_at >= :now)
                FROM weekly_report
                WHERE status = 'DUE' AND due_announced_at IS NULL AND week_start <= :today
                ORDER BY week_start, id LIMIT :limit FOR UPDATE SKIP LOCKED""", "today", today,
                "due_announced_at", ReportEvents.WEEKLY_REPORT_DUE, now);
        int overdue = drain("""
                SELECT id::text, due_at >= created_at FROM weekly_report
                WHERE status IN ('DUE', 'DRAFT', 'RETURNED') AND overdue_announced_at IS NULL AND due_at < :now
                ORDER BY due_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""", "now", now,
                "overdue_announced_at", ReportEvents.WEEKLY_REPORT_OVERDUE, now);
        int finalOverdue = drain("""
                SELECT id::text, due_at >= created_at FROM final_report
                WHERE status IN ('DUE', 'DRAFT', 'RETURNED') AND overdue_announced_at IS NULL AND due_at < :now
                ORDER BY due_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""", "now", now,
                "overdue_announced_at", ReportEvents.FINAL_REPORT_OVERDUE, now);
        return new Announced(due, overdue, finalOverdue);
    }

    /**
     * Announces batch after batch until a batch is not full (nothing left, or the rest is being announced).
     *
     * @return how many were announced (the past ones flagged silently are not counted)
     */
    private int drain(String claim, String parameter, Object value, String flag, EventType type, Instant now) {
        int total = 0;
        int[] batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> announce(claim, parameter, value, flag, type, now));
            total += batch[1];
        } while (batch[0] == sweep.batchSize());
        return total;
    }

    /** @return the rows claimed and how many of them were announced */
    private int[] announce(String claim, String parameter, Object value, String flag, EventType type, Instant now) {
        EntityManager em = reports.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(claim)
                .setParameter(parameter, value)
                .setParameter("now", now)
                .setParameter("limit", sweep.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return new int[] {0, 0};
        }
        List<UUID> ids = rows.stream().map(row -> UUID.fromString((String) row[0])).toList();
        List<UUID> toAnnounce = rows.stream().filter(row -> Boolean.TRUE.equals(row[1]))
                .map(row -> UUID.fromString((String) row[0])).toList();
        boolean finalReports = type.aggregateType().equals(ReportEvents.FINAL_REPORT);
        if (toAnnounce.isEmpty()) {
            LOG.debugf("Claimed %d report(s) whose %s was past when they were entered: not announced", ids.size(),
                    type.name());
        } else if (finalReports) {
            for (FinalReport r : finalReportRepository.list("id in ?1", toAnnounce)) {
                events.publish(type, r.id, r.assignment.ministryCode, mapper.toSnapshot(r, null));
            }
        } else {
            for (WeeklyReport r : reports.list("id in ?1", toAnnounce)) {
                events.publish(type, r.id, r.assignment.ministryCode, mapper.toSnapshot(r, null));
            }
        }
        String table = finalReports ? "final_report" : "weekly_report";
        em.createNativeQuery("UPDATE " + table + " SET " + flag + " = :now WHERE id IN (:ids)")
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
        return new int[] {ids.size(), toAnnounce.size()};
    }
}
