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
 * The statements behind the figures, each one SQL statement whatever the number of ministries: the counts kept per
 * ministry, province and week ({@code figures_week}, kept by the database's triggers as records are written: see
 * migration V13), the issues raised per field, and what depends on the clock, counted at request time: the weekly
 * reports and the escalations past their deadline.
 * <p>
 * Each runs in a read transaction of its own, so on a connection and a persistence context of its own:
 * {@code SideBySideFigures} runs them at once on other threads, which must never share one request's session.
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
     * Rows of (ministry, province, monday, officials, reports due, submitted, late, accepted, visits, joint,
     * participants, requests filed, open, accepted, declined, urgent, issues raised, open, escalated, answered): the
     * cells with anything counted (a cell's counts can fall back to nothing, say when an assignment's dates move).
     */
    public List<Object[]> cells(FiguresFilter f) {
        return rows(f, """
                select c.ministry_code, c.province_code, c.week_start, c.officials, c.reports_due,
                       c.reports_submitted, c.reports_late, c.reports_accepted, c.visits, c.joint_visits,
                       c.visit_participants, c.requests_filed, c.requests_open, c.requests_accepted,
                       c.requests_declined, c.requests_urgent, c.issues_raised, c.issues_open, c.issues_escalated,
                       c.issues_answered
                from figures_week c
                where c.week_start between :fromDay and :toDay
                  and c.officials + c.reports_due + c.visits + c.requests_filed + c.issues_raised > 0
                """, "c", "", Map.of());
    }

    /** Rows of (ministry, province, monday, field, raised): the issues raised in the week per field. */
    public List<Object[]> issuesRaisedPerField(FiguresFilter f) {
        return rows(f, """
                select c.ministry_code, c.province_code, c.week_start, c.field, c.raised
                from figures_week_field c
                where c.week_start between :fromDay and :toDay and c.raised > 0
                """, "c", "", Map.of());
    }

    /** Rows of (ministry, province, monday, overdue): reports with the official (never sent, or returned) past due. */
    public List<Object[]> reportsOverdue(FiguresFilter f, Instant now) {
        return rows(f, """
                select a.ministry_code, a.province_code, r.week_start, count(*)
                from weekly_report r join held_assignment a on a.assignment_id = r.assignment_id
                where r.week_start between :fromDay and :toDay and r.status in ('DUE', 'DRAFT', 'RETURNED')
                  and r.due_at < :now
                """, "a", "group by 1, 2, 3", Map.of("now", now));
    }

    /** Rows of (ministry, province, week, overdue): issues raised in the week, escalated and past their deadline. */
    public List<Object[]> issuesOverdue(FiguresFilter f, LocalDate today) {
        return rows(f, """
                select i.ministry_code, i.province_code, i.raised_week, count(*)
                from locality_issue i
                where i.raised_week between :fromWeek and :toWeek and i.status = 'ESCALATED' and i.deadline < :today
                """, "i", "group by 1, 2, 3", Map.of("today", today));
    }

    /**
     * Runs one statement with the filter's conditions appended. Straight on the session's JDBC connection rather
     * than as a Hibernate native query: a quarter of all ministries is some 19,000 rows, and Hibernate's
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
