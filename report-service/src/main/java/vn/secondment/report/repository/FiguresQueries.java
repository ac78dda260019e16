package vn.secondment.report.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.secondment.report.rest.FiguresFilter;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The five aggregate queries behind the figures, each one SQL statement grouped by ministry, province and week
 * whatever the number of ministries: officials on site, weekly reports, field visits, issues per field, and the
 * provinces' support requests.
 * <p>
 * Each runs in a read transaction of its own, so on a connection and a persistence context of its own:
 * {@code SideBySideFigures} runs the five at once on other threads, which must never share one request's session.
 * They were never one snapshot: outside a transaction each statement already ran on its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class FiguresQueries {

    /** A named parameter, {@code :name} (the statements cast with {@code cast(… as …)}, never {@code ::}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):(\\w+)");

    private final EntityManager em;

    public FiguresQueries(EntityManager em) {
        this.em = em;
    }

    /**
     * Rows of (ministry, province, monday, officials): assignments that occupy days and meet the week. Each
     * assignment that meets the range is spread over its own weeks within it (a week counts when the period meets
     * it, so from the Monday of its start to the Monday of its end), rather than every assignment tried against
     * every week of the range.
     */
    public List<Object[]> officialsOnSite(FiguresFilter f) {
        return rows(f, """
                select a.ministry_code, a.province_code, cast(w.monday as date), count(*)
                from held_assignment a
                cross join lateral generate_series(
                        greatest(a.start_date - cast(extract(isodow from a.start_date) as int) + 1, cast(:fromDay as date)),
                        least(a.end_date - cast(extract(isodow from a.end_date) as int) + 1, cast(:toDay as date)),
                        interval '7 days') as w(monday)
                where a.start_date <= cast(:toDay as date) + 6 and a.end_date >= cast(:fromDay as date)
                  and a.status <> 'WITHDRAWN' and not (a.status = 'REPLACED' and a.arrived_on is null)
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

    /**
     * Rows of (ministry, province, week, field, raised, open, escalated, overdue, answered): the issues raised in
     * the week per field, in one pass over the issues; a cell's issue counts are the sum over its fields.
     */
    public List<Object[]> issuesByField(FiguresFilter f, LocalDate today) {
        return rows(f, """
                select i.ministry_code, i.province_code, i.raised_week, i.field, count(*),
                       count(*) filter (where i.status in ('OPEN', 'ESCALATED', 'REFERRED')),
                       count(i.escalated_at),
                       count(*) filter (where i.status = 'ESCALATED' and i.deadline < :today),
                       count(i.answered_at)
                from locality_issue i
                where i.raised_week between :fromWeek and :toWeek
                """, "i", "group by 1, 2, 3, 4", Map.of("today", today));
    }

    /**
     * Runs one statement with the filter's conditions appended. Straight on the session's JDBC connection rather
     * than as a Hibernate native query: a quarter of all ministries is some 30,000 grouped rows, and Hibernate's
     * per-row result handling took twice the CPU of reading them from the result set.
     */
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
        // each value its own placeholder, a list's too (as Hibernate expands one): the planner sees the list's length,
        // where "= any(?)" with an array made PostgreSQL's generic plan slower
        List<Object> values = new ArrayList<>();
        String positional = PARAMETER.matcher(text).replaceAll(m -> {
            Object value = parameters.get(m.group(1));
            if (value instanceof List<?> list) {
                values.addAll(list);
                return String.join(", ", Collections.nCopies(list.size(), "?"));
            }
            values.add(value);
            return "?";
        });
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(positional)) {
                for (int i = 0; i < values.size(); i++) {
                    bind(statement, i + 1, values.get(i));
                }
                try (ResultSet result = statement.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    boolean[] dates = new boolean[columns];
                    for (int c = 0; c < columns; c++) {
                        dates[c] = result.getMetaData().getColumnType(c + 1) == Types.DATE;
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (result.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = dates[c] ? result.getObject(c + 1, LocalDate.class) : result.getObject(c + 1);
                        }
                        rows.add(row);
                    }
                    return rows;
                }
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }
}
