package vn.secondment.report.figures;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import vn.secondment.report.rest.FiguresFilter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures' six aggregate queries as they were before issue 22 (main a20f661), kept unchanged as the reference
 * that {@link FiguresMatchTheirReferenceTest} holds the faster ones to.
 */
class ReferenceFiguresQueries {

    private final EntityManager em;

    ReferenceFiguresQueries(EntityManager em) {
        this.em = em;
    }

    /** Rows of (ministry, province, monday, officials): assignments that occupy days and meet the week. */
    public List<Object[]> officialsOnSite(FiguresFilter f) {
        return rows(f, """
                select a.ministry_code, a.province_code, cast(w.monday as date), count(*)
                from held_assignment a
                join generate_series(cast(:fromDay as date), cast(:toDay as date), interval '7 days') as w(monday)
                  on a.start_date <= cast(w.monday as date) + 6 and a.end_date >= cast(w.monday as date)
                where a.status <> 'WITHDRAWN' and not (a.status = 'REPLACED' and a.arrived_on is null)
                """, "a", "group by 1, 2, 3", Map.of());
    }

    /** Rows of (ministry, province, monday, due, submitted, late, overdue, accepted). */
    public List<Object[]> weeklyReports(FiguresFilter f, Instant now) {
        return rows(f, """
                select a.ministry_code, a.province_code, r.week_start, count(*), count(r.submitted_at),
                       count(*) filter (where r.late),
                       count(*) filter (where r.status in ('DUE', 'DRAFT', 'RETURNED') and r.due_at < :now),
                       count(*) filter (where r.status = 'ACCEPTED')
                from weekly_report r join held_assignment a on a.assignment_id = r.assignment_id
                where r.week_start between :fromDay and :toDay and r.status <> 'CANCELLED'
                """, "a", "group by 1, 2, 3", Map.of("now", now));
    }

    /**
     * Rows of (ministry, province, monday, visits, joint, participants): each visit once, under its recorder's
     * assignment, with its companions counted beside it rather than as visits of their own.
     */
    public List<Object[]> fieldVisits(FiguresFilter f) {
        return rows(f, """
                select a.ministry_code, a.province_code, cast(date_trunc('week', v.visit_date) as date), count(*),
                       count(*) filter (where c.n > 0), sum(1 + c.n)
                from field_visit v join held_assignment a on a.assignment_id = v.assignment_id
                cross join lateral (select count(*) as n from field_visit_companion fc where fc.visit_id = v.id) c
                where v.visit_date between cast(:fromDay as date) and cast(:toDay as date) + 6
                """, "a", "group by 1, 2, 3", Map.of());
    }

    /**
     * Rows of (ministry, province, monday, filed, open, accepted, declined, urgent): the provinces' support requests
     * to the ministry by the week they were filed (in Vietnam), where they stand now.
     */
    public List<Object[]> supportRequests(FiguresFilter f) {
        return rows(f, """
                select s.ministry_code, s.province_code,
                       cast(date_trunc('week', s.filed_at at time zone 'Asia/Ho_Chi_Minh') as date), count(*),
                       count(*) filter (where s.status = 'OPEN'), count(*) filter (where s.status = 'ACCEPTED'),
                       count(*) filter (where s.status = 'DECLINED'), count(*) filter (where s.urgency = 'URGENT')
                from known_support_request s
                where s.filed_at at time zone 'Asia/Ho_Chi_Minh' >= cast(:fromDay as date)
                  and s.filed_at at time zone 'Asia/Ho_Chi_Minh' < cast(:toDay as date) + 7
                """, "s", "group by 1, 2, 3", Map.of());
    }

    /** Rows of (ministry, province, week, raised, open, escalated, overdue, answered). */
    public List<Object[]> issues(FiguresFilter f, LocalDate today) {
        return rows(f, """
                select i.ministry_code, i.province_code, i.raised_week, count(*),
                       count(*) filter (where i.status in ('OPEN', 'ESCALATED', 'REFERRED')),
                       count(i.escalated_at),
                       count(*) filter (where i.status = 'ESCALATED' and i.deadline < :today),
                       count(i.answered_at)
                from locality_issue i
                where i.raised_week between :fromWeek and :toWeek
                """, "i", "group by 1, 2, 3", Map.of("today", today));
    }

    /** Rows of (ministry, province, week, field, issues). */
    public List<Object[]> issueFields(FiguresFilter f) {
        return rows(f, """
                select i.ministry_code, i.province_code, i.raised_week, i.field, count(*)
                from locality_issue i
                where i.raised_week between :fromWeek and :toWeek
                """, "i", "group by 1, 2, 3, 4", Map.of());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(FiguresFilter f, String select, String alias, String groupBy,
                                Map<String, Object> extra) {
        StringBuilder sql = new StringBuilder(select);
        Map<String, Object> parameters = new TreeMap<>(extra);
        if (!f.ministries().isEmpty()) {
            sql.append(" and ").append(alias).append(".ministry_code in (:ministries)");
            parameters.put("ministries", f.ministries());
        }
        if (f.province() != null) {
            sql.append(" and ").append(alias).append(".province_code = :province");
            parameters.put("province", f.province());
        }
        sql.append(' ').append(groupBy);
        String text = sql.toString();
        if (text.contains(":fromDay")) {
            parameters.put("fromDay", f.from().monday());
            parameters.put("toDay", f.to().monday());
        }
        if (text.contains(":fromWeek")) {
            parameters.put("fromWeek", f.from().toString());
            parameters.put("toWeek", f.to().toString());
        }
        Query query = em.createNativeQuery(text);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
