package vn.secondment.report.figures;

import vn.secondment.events.report.IssueField;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Province;
import vn.secondment.report.rest.FiguresFilter;
import vn.secondment.report.rest.FiguresRow;
import vn.secondment.report.rest.FiguresView;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.VietnamTime;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the figures were merged before issue 22 (main a20f661), kept unchanged but for the answer's moment, which is
 * handed in so that both ways judge "overdue" at the same instant.
 */
class ReferenceFigures {

    private static final int TOP_FIELDS = 3;

    private final ReferenceFiguresQueries queries;
    private final AdministrativeUnits units;

    ReferenceFigures(ReferenceFiguresQueries queries, AdministrativeUnits units) {
        this.queries = queries;
        this.units = units;
    }

    FiguresView figures(FiguresFilter filter, Instant now) {
        LocalDate today = VietnamTime.dayOf(now);
        Comparator<Key> order = Key.order(filter.ministries());
        Map<Key, Cell> cells = new TreeMap<>(order);
        for (Object[] r : queries.officialsOnSite(filter)) {
            cell(cells, r, week(r[2])).officials = number(r[3]);
        }
        for (Object[] r : queries.weeklyReports(filter, now)) {
            cell(cells, r, week(r[2])).reports = new FiguresRow.ReportCounts(number(r[3]), number(r[4]),
                    number(r[5]), number(r[6]), number(r[7]));
        }
        for (Object[] r : queries.fieldVisits(filter)) {
            cell(cells, r, week(r[2])).visits = new FiguresRow.VisitCounts(number(r[3]), number(r[4]),
                    number(r[5]));
        }
        for (Object[] r : queries.supportRequests(filter)) {
            cell(cells, r, week(r[2])).requests = new FiguresRow.RequestCounts(number(r[3]), number(r[4]),
                    number(r[5]), number(r[6]), number(r[7]));
        }
        for (Object[] r : queries.issues(filter, today)) {
            cell(cells, r, (String) r[2]).issues = new FiguresRow.IssueCounts(number(r[3]), number(r[4]),
                    number(r[5]), number(r[6]), number(r[7]));
        }
        for (Object[] r : queries.issueFields(filter)) {
            cell(cells, r, (String) r[2]).fields.put((String) r[3], number(r[4]));
        }

        List<FiguresRow> rows = new ArrayList<>(cells.size());
        Map<Key, Cell> totals = new TreeMap<>(order);
        cells.forEach((key, cell) -> {
            rows.add(row(key, cell));
            totals.computeIfAbsent(new Key(key.ministry, null, key.week), k -> new Cell()).add(cell);
        });
        List<FiguresRow> totalRows = totals.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
        List<String> ministries = filter.ministries().isEmpty()
                ? List.copyOf(new TreeSet<>(cells.keySet().stream().map(Key::ministry).toList()))
                : filter.ministries();
        return new FiguresView(filter.from().toString(), filter.to().toString(), ministries, now, rows, totalRows);
    }

    private FiguresRow row(Key key, Cell cell) {
        String provinceName = key.province == null ? null : units.province(key.province, key.week.monday())
                .map(Province::fullName).orElse(null);
        List<FiguresRow.FieldCount> top = cell.fields.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_FIELDS)
                .map(e -> new FiguresRow.FieldCount(e.getKey(), label(e.getKey()), e.getValue()))
                .toList();
        return new FiguresRow(key.ministry, key.province, provinceName, key.week.toString(), cell.officials,
                cell.reports, cell.issues, top, cell.visits, cell.requests);
    }

    private static String label(String field) {
        try {
            return IssueField.valueOf(field).label();
        } catch (IllegalArgumentException unknown) {
            return field;
        }
    }

    private static Cell cell(Map<Key, Cell> cells, Object[] r, IsoWeek week) {
        return cells.computeIfAbsent(new Key((String) r[0], (String) r[1], week), k -> new Cell());
    }

    private static Cell cell(Map<Key, Cell> cells, Object[] r, String week) {
        return cell(cells, r, IsoWeek.parse("week", week));
    }

    private static IsoWeek week(Object monday) {
        LocalDate day = monday instanceof Date d ? d.toLocalDate() : (LocalDate) monday;
        return IsoWeek.of(day);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** A ministry's row or weekly total (province null) for one week. */
    private record Key(String ministry, String province, IsoWeek week) {

        /**
         * The ministries in the order they were asked for (side by side as the caller lined them up; by code when
         * none were named), then province (a total's null first), then week.
         */
        static Comparator<Key> order(List<String> asked) {
            Map<String, Integer> rank = new HashMap<>();
            asked.forEach(ministry -> rank.putIfAbsent(ministry, rank.size()));
            return Comparator.comparing((Key key) -> rank.getOrDefault(key.ministry(), Integer.MAX_VALUE))
                    .thenComparing(Key::ministry)
                    .thenComparing(Key::province, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Key::week);
        }
    }

    /** The counts of one key, filled by the six queries. */
    private static final class Cell {
        long officials;
        FiguresRow.ReportCounts reports = FiguresRow.ReportCounts.NONE;
        FiguresRow.IssueCounts issues = FiguresRow.IssueCounts.NONE;
        FiguresRow.VisitCounts visits = FiguresRow.VisitCounts.NONE;
        FiguresRow.RequestCounts requests = FiguresRow.RequestCounts.NONE;
        final Map<String, Long> fields = new TreeMap<>();

        void add(Cell o) {
            officials += o.officials;
            reports = reports.plus(o.reports);
            issues = issues.plus(o.issues);
            visits = visits.plus(o.visits);
            requests = requests.plus(o.requests);
            o.fields.forEach((field, count) -> fields.merge(field, count, Long::sum));
        }
    }
}
