package vn.secondment.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import vn.secondment.events.report.IssueField;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Province;
import vn.secondment.report.repository.FiguresQueries;
import vn.secondment.report.rest.FiguresFilter;
import vn.secondment.report.rest.FiguresRow;
import vn.secondment.report.rest.FiguresView;
import vn.secondment.rest.IsoWeek;
import vn.secondment.rest.VietnamTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Ministries side by side, per province and ISO week: officials on site, weekly reports due / submitted / late /
 * overdue / accepted, field visits (a joint visit once), issues raised / open / escalated / overdue / answered and
 * their top fields, and the provinces' support requests. Five grouped SQL statements answer for any number of
 * ministries; the rows are merged here. The five run at once, each on a connection of its own: for a quarter of all
 * ministries each aggregates thousands of rows, and one after the other they were most of the answer's time.
 */
@ApplicationScoped
public class SideBySideFigures {

    /** The longest range one request may ask for: a year of weeks. */
    public static final int MAX_WEEKS = 53;
    private static final int TOP_FIELDS = 3;

    private final FiguresQueries queries;
    private final AdministrativeUnits units;
    private final Clock clock;
    private final Executor executor;

    @Inject
    public SideBySideFigures(FiguresQueries queries, AdministrativeUnits units, Clock clock,
                             ManagedExecutor executor) {
        this(queries, units, clock, (Executor) executor);
    }

    SideBySideFigures(FiguresQueries queries, AdministrativeUnits units, Clock clock, Executor executor) {
        this.queries = queries;
        this.units = units;
        this.clock = clock;
        this.executor = executor;
    }

    public FiguresView figures(FiguresFilter filter) {
        Instant now = clock.instant();
        LocalDate today = VietnamTime.dayOf(now);
        Weeks weeks = new Weeks();
        // a hash map while the rows come in, sorted once at the end: a sorted map compared every key on insert
        Map<Key, Cell> cells = new HashMap<>();
        CompletableFuture<List<Object[]>> officials = read(() -> queries.officialsOnSite(filter));
        CompletableFuture<List<Object[]>> reports = read(() -> queries.weeklyReports(filter, now));
        CompletableFuture<List<Object[]>> visits = read(() -> queries.fieldVisits(filter));
        CompletableFuture<List<Object[]>> requests = read(() -> queries.supportRequests(filter));
        CompletableFuture<List<Object[]>> issues = read(() -> queries.issuesByField(filter, today));
        for (Object[] r : rows(officials)) {
            cell(cells, r, weeks.ofMonday(r[2])).officials = number(r[3]);
        }
        for (Object[] r : rows(reports)) {
            cell(cells, r, weeks.ofMonday(r[2])).reports = new FiguresRow.ReportCounts(number(r[3]), number(r[4]),
                    number(r[5]), number(r[6]), number(r[7]));
        }
        for (Object[] r : rows(visits)) {
            cell(cells, r, weeks.ofMonday(r[2])).visits = new FiguresRow.VisitCounts(number(r[3]), number(r[4]),
                    number(r[5]));
        }
        for (Object[] r : rows(requests)) {
            cell(cells, r, weeks.ofMonday(r[2])).requests = new FiguresRow.RequestCounts(number(r[3]),
                    number(r[4]), number(r[5]), number(r[6]), number(r[7]));
        }
        for (Object[] r : rows(issues)) {
            Cell cell = cell(cells, r, weeks.named((String) r[2]));
            cell.issues = cell.issues.plus(new FiguresRow.IssueCounts(number(r[4]), number(r[5]), number(r[6]),
                    number(r[7]), number(r[8])));
            cell.fields.merge((String) r[3], number(r[4]), Long::sum);
        }

        Map<String, List<Key>> byMinistry = new HashMap<>();
        cells.keySet().forEach(key -> byMinistry.computeIfAbsent(key.ministry, m -> new ArrayList<>()).add(key));
        List<String> ministries = ministriesInOrder(filter.ministries(), byMinistry.keySet());
        ProvinceNames names = new ProvinceNames(units);
        List<FiguresRow> rows = new ArrayList<>(cells.size());
        List<FiguresRow> totalRows = new ArrayList<>();
        for (String ministry : ministries) {
            List<Key> keys = byMinistry.get(ministry);
            if (keys == null) {
                continue; // asked for, but no figures in the range
            }
            keys.sort(Key.WITHIN_MINISTRY);
            Map<IsoWeek, Cell> totals = new TreeMap<>(Key.BY_WEEK);
            for (Key key : keys) {
                Cell cell = cells.get(key);
                rows.add(row(key, cell, names.of(key.province, key.week)));
                totals.computeIfAbsent(key.week, week -> new Cell()).add(cell);
            }
            totals.forEach((week, total) -> totalRows.add(row(new Key(ministry, null, week), total, null)));
        }
        // none asked for: the ministries that have figures, by code
        return new FiguresView(filter.from().toString(), filter.to().toString(),
                filter.ministries().isEmpty() ? ministries : filter.ministries(), now, rows, totalRows);
    }

    /** One statement on the executor ({@link FiguresQueries} runs each on a connection of its own). */
    private CompletableFuture<List<Object[]>> read(Supplier<List<Object[]>> statement) {
        return CompletableFuture.supplyAsync(statement, executor);
    }

    /** A statement's rows once it has run; its failure as it was thrown (a database outage stays one). */
    private static List<Object[]> rows(CompletableFuture<List<Object[]>> statement) {
        try {
            return statement.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The ministries asked for in their order (side by side as the caller lined them up), then any others with
     * figures by code (all of them by code when none were named).
     */
    private static List<String> ministriesInOrder(List<String> asked, Set<String> withFigures) {
        TreeSet<String> others = new TreeSet<>(withFigures);
        List<String> ordered = new ArrayList<>(new LinkedHashSet<>(asked));
        others.removeAll(ordered);
        ordered.addAll(others);
        return ordered;
    }

    private static FiguresRow row(Key key, Cell cell, String provinceName) {
        return new FiguresRow(key.ministry, key.province, provinceName, key.week.toString(), cell.officials,
                cell.reports, cell.issues, topFields(cell.fields), cell.visits, cell.requests);
    }

    /** The most raised fields, most first (ties by field code), picked in one pass: thousands of cells each. */
    private static List<FiguresRow.FieldCount> topFields(Map<String, Long> fields) {
        List<Map.Entry<String, Long>> top = new ArrayList<>(TOP_FIELDS + 1);
        for (Map.Entry<String, Long> field : fields.entrySet()) {
            int at = top.size();
            while (at > 0 && ranksBefore(field, top.get(at - 1))) {
                at--;
            }
            if (at < TOP_FIELDS) {
                top.add(at, field);
                if (top.size() > TOP_FIELDS) {
                    top.remove(TOP_FIELDS);
                }
            }
        }
        List<FiguresRow.FieldCount> counts = new ArrayList<>(top.size());
        top.forEach(e -> counts.add(new FiguresRow.FieldCount(e.getKey(), label(e.getKey()), e.getValue())));
        return List.copyOf(counts);
    }

    private static boolean ranksBefore(Map.Entry<String, Long> a, Map.Entry<String, Long> b) {
        int byCount = Long.compare(b.getValue(), a.getValue());
        return byCount < 0 || (byCount == 0 && a.getKey().compareTo(b.getKey()) < 0);
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
                    day -> IsoWeek.of((LocalDate) day));
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

    /**
     * A ministry's row or weekly total (province null) for one week. A class rather than a record: a quarter of all
     * ministries looks keys up some 30,000 times, and the record's generated equals and hash (and the week's) were
     * most of the merge's time.
     */
    private static final class Key {

        /** Weeks by year and number: the same order as their Mondays, without working the Mondays out. */
        static final Comparator<IsoWeek> BY_WEEK = Comparator.comparingInt(IsoWeek::year)
                .thenComparingInt(IsoWeek::week);

        /** One ministry's keys: by province (a total's null first), then week. */
        static final Comparator<Key> WITHIN_MINISTRY = Comparator
                .comparing((Key key) -> key.province, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(key -> key.week, BY_WEEK);

        final String ministry;
        final String province;
        final IsoWeek week;
        private final int hash;

        Key(String ministry, String province, IsoWeek week) {
            this.ministry = ministry;
            this.province = province;
            this.week = week;
            this.hash = (31 * ministry.hashCode() + Objects.hashCode(province)) * 31 * 64 + week.year() * 64
                    + week.week();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && week.week() == key.week.week()
                    && week.year() == key.week.year() && ministry.equals(key.ministry)
                    && Objects.equals(province, key.province);
        }

        @Override
        public int hashCode() {
            return hash;
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
