package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.events.report.IssueField;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Province;
import vn.secondment.report.repository.FiguresQueries;
import vn.secondment.report.rest.FiguresFilter;
import vn.secondment.report.rest.FiguresRow;
import vn.secondment.report.rest.FiguresView;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.VietnamTime;

import java.sql.Date;
import java.time.Clock;
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
 * Ministries side by side, per province and ISO week: officials on site, weekly reports due / submitted / late /
 * overdue / accepted, field visits (a joint visit once), issues raised / open / escalated / overdue / answered and
 * their top fields, and the provinces' support requests. Five grouped SQL statements answer for any number of
 * ministries; the rows are merged here.
 */
@ApplicationScoped
public class SideBySideFigures {

    /** The longest range one request may ask for: a year of weeks. */
    public static final int MAX_WEEKS = 53;
    private static final int TOP_FIELDS = 3;

    private final FiguresQueries queries;
    private final AdministrativeUnits units;
    private final Clock clock;

    public SideBySideFigures(FiguresQueries queries, AdministrativeUnits units, Clock clock) {
        this.queries = queries;
        this.units = units;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FiguresView figures(FiguresFilter filter) {
        Instant now = clock.instant();
        LocalDate today = VietnamTime.dayOf(now);
        Weeks weeks = new Weeks();
        // a hash map while the rows come in, sorted once at the end: a sorted map compared every key on insert
        Map<Key, Cell> cells = new HashMap<>();
        for (Object[] r : queries.officialsOnSite(filter)) {
            cell(cells, r, weeks.ofMonday(r[2])).officials = number(r[3]);
        }
        for (Object[] r : queries.weeklyReports(filter, now)) {
            cell(cells, r, weeks.ofMonday(r[2])).reports = new FiguresRow.ReportCounts(number(r[3]), number(r[4]),
                    number(r[5]), number(r[6]), number(r[7]));
        }
        for (Object[] r : queries.fieldVisits(filter)) {
            cell(cells, r, weeks.ofMonday(r[2])).visits = new FiguresRow.VisitCounts(number(r[3]), number(r[4]),
                    number(r[5]));
        }
        for (Object[] r : queries.supportRequests(filter)) {
            cell(cells, r, weeks.ofMonday(r[2])).requests = new FiguresRow.RequestCounts(number(r[3]),
                    number(r[4]), number(r[5]), number(r[6]), number(r[7]));
        }
        for (Object[] r : queries.issuesByField(filter, today)) {
            Cell cell = cell(cells, r, weeks.named((String) r[2]));
            cell.issues = cell.issues.plus(new FiguresRow.IssueCounts(number(r[4]), number(r[5]), number(r[6]),
                    number(r[7]), number(r[8])));
            cell.fields.merge((String) r[3], number(r[4]), Long::sum);
        }

        Comparator<Key> order = Key.order(filter.ministries());
        List<Key> keys = new ArrayList<>(cells.keySet());
        keys.sort(order);
        Map<Key, Cell> totals = new HashMap<>();
        ProvinceNames names = new ProvinceNames(units);
        List<FiguresRow> rows = new ArrayList<>(keys.size());
        for (Key key : keys) {
            Cell cell = cells.get(key);
            rows.add(row(key, cell, names.of(key.province, key.week)));
            totals.computeIfAbsent(new Key(key.ministry, null, key.week), k -> new Cell()).add(cell);
        }
        List<Key> totalKeys = new ArrayList<>(totals.keySet());
        totalKeys.sort(order);
        List<FiguresRow> totalRows = new ArrayList<>(totalKeys.size());
        for (Key key : totalKeys) {
            totalRows.add(row(key, totals.get(key), null));
        }
        List<String> ministries = filter.ministries().isEmpty()
                ? List.copyOf(new TreeSet<>(keys.stream().map(Key::ministry).toList()))
                : filter.ministries();
        return new FiguresView(filter.from().toString(), filter.to().toString(), ministries, now, rows, totalRows);
    }

    private static FiguresRow row(Key key, Cell cell, String provinceName) {
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

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * The weeks of one answer, each worked out once: a quarter of all ministries has thousands of rows but only 13
     * weeks.
     */
    private static final class Weeks {
        private final Map<Object, IsoWeek> byMonday = new HashMap<>();
        private final Map<String, IsoWeek> byName = new HashMap<>();

        IsoWeek ofMonday(Object monday) {
            return byMonday.computeIfAbsent(monday,
                    day -> IsoWeek.of(day instanceof Date d ? d.toLocalDate() : (LocalDate) day));
        }

        IsoWeek named(String week) {
            return byName.computeIfAbsent(week, text -> IsoWeek.parse("week", text));
        }
    }

    /** A province's name in a week, looked up once per province and week of one answer. */
    private static final class ProvinceNames {
        private final AdministrativeUnits units;
        private final Map<Key, String> names = new HashMap<>();

        ProvinceNames(AdministrativeUnits units) {
            this.units = units;
        }

        String of(String province, IsoWeek week) {
            if (province == null) {
                return null;
            }
            return names.computeIfAbsent(new Key("", province, week), k -> units.province(province, week.monday())
                    .map(Province::fullName).orElse(null));
        }
    }

    /** A ministry's row or weekly total (province null) for one week. */
    private record Key(String ministry, String province, IsoWeek week) {

        /**
         * The ministries in the order they were asked for (side by side as the caller lined them up; by code when
         * none were named), then province (a total's null first), then week (by year and number, the same order as
         * their Mondays without working the Mondays out).
         */
        static Comparator<Key> order(List<String> asked) {
            Map<String, Integer> rank = new HashMap<>();
            asked.forEach(ministry -> rank.putIfAbsent(ministry, rank.size()));
            return Comparator.comparingInt((Key key) -> rank.getOrDefault(key.ministry(), Integer.MAX_VALUE))
                    .thenComparing(Key::ministry)
                    .thenComparing(Key::province, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingInt(key -> key.week().year())
                    .thenComparingInt(key -> key.week().week());
        }
    }

    /** The counts of one key, filled by the five queries. */
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
