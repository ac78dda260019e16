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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Ministries side by side, per province and ISO week: officials on site, weekly reports due / submitted / late /
 * overdue / accepted, field visits (a joint visit once), issues raised / open / escalated / overdue / answered and
 * their top fields, and the provinces' support requests. The counts are kept per ministry, province and week as the
 * records are written; four statements read them for any number of ministries, with the issues per field and what
 * is overdue at this moment, and the rows are merged here. The four run at once, each on a connection of its own.
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
        CompletableFuture<List<Object[]>> cells = read(() -> queries.cells(filter));
        CompletableFuture<List<Object[]>> perField = read(() -> queries.issuesRaisedPerField(filter));
        CompletableFuture<List<Object[]>> reportsOverdue = read(() -> queries.reportsOverdue(filter, now));
        CompletableFuture<List<Object[]>> issuesOverdue = read(() -> queries.issuesOverdue(filter, today));
        Grid grid = new Grid(filter.from(), filter.to());
        for (Object[] r : rows(cells)) {
            Cell cell = grid.cell(r, grid.weekOfMonday(r[2]));
            cell.officials = number(r[3]);
            cell.reports = new FiguresRow.ReportCounts(number(r[4]), number(r[5]), number(r[6]), 0, number(r[7]));
            cell.visits = new FiguresRow.VisitCounts(number(r[8]), number(r[9]), number(r[10]));
            cell.requests = new FiguresRow.RequestCounts(number(r[11]), number(r[12]), number(r[13]),
                    number(r[14]), number(r[15]));
            cell.issues = new FiguresRow.IssueCounts(number(r[16]), number(r[17]), number(r[18]), 0,
                    number(r[19]));
        }
        for (Object[] r : rows(reportsOverdue)) {
            Cell cell = grid.cell(r, grid.weekOfMonday(r[2]));
            cell.reports = cell.reports.plus(new FiguresRow.ReportCounts(0, 0, 0, number(r[3]), 0));
        }
        for (Object[] r : rows(issuesOverdue)) {
            Cell cell = grid.cell(r, grid.weekNamed((String) r[2]));
            cell.issues = cell.issues.plus(new FiguresRow.IssueCounts(0, 0, 0, number(r[3]), 0));
        }
        Fields fields = new Fields();
        for (Object[] r : rows(perField)) {
            grid.cell(r, grid.weekOfMonday(r[2])).count(fields.idOf((String) r[3]), number(r[4]));
        }

        List<String> ministries = ministriesInOrder(filter.ministries(), grid.ministries.keySet());
        ProvinceNames names = new ProvinceNames(units, grid);
        List<FiguresRow> rows = new ArrayList<>();
        List<FiguresRow> totalRows = new ArrayList<>();
        for (String ministry : ministries) {
            Map<String, Cell[]> provinces = grid.ministries.get(ministry);
            if (provinces == null) {
                continue; // asked for, but no figures in the range
            }
            List<String> provinceCodes = new ArrayList<>(provinces.keySet());
            provinceCodes.sort(Comparator.nullsFirst(Comparator.naturalOrder()));
            Cell[] totals = new Cell[grid.weekCount()];
            for (String province : provinceCodes) {
                Cell[] byWeek = provinces.get(province);
                for (int week = 0; week < byWeek.length; week++) {
                    Cell cell = byWeek[week];
                    if (cell != null) {
                        rows.add(row(ministry, province, names.of(province, week), grid.weekName(week), cell,
                                fields));
                        if (totals[week] == null) {
                            totals[week] = new Cell();
                        }
                        totals[week].add(cell);
                    }
                }
            }
            for (int week = 0; week < totals.length; week++) {
                if (totals[week] != null) {
                    totalRows.add(row(ministry, null, null, grid.weekName(week), totals[week], fields));
                }
            }
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

    private static FiguresRow row(String ministry, String province, String provinceName, String week, Cell cell,
                                  Fields fields) {
        return new FiguresRow(ministry, province, provinceName, week, cell.officials, cell.reports, cell.issues,
                topFields(cell.fields, fields), cell.visits, cell.requests);
    }

    /**
     * The most raised fields, most first (ties by field code), picked in one pass: thousands of cells each. A field
     * counts when an issue of it was raised (a grouped row's count is never 0).
     */
    private static List<FiguresRow.FieldCount> topFields(long[] counts, Fields fields) {
        int[] top = new int[TOP_FIELDS];
        int size = 0;
        for (int field = 0; field < counts.length; field++) {
            if (counts[field] == 0) {
                continue;
            }
            int at = size;
            while (at > 0 && ranksBefore(field, top[at - 1], counts, fields)) {
                at--;
            }
            if (at < TOP_FIELDS) {
                System.arraycopy(top, at, top, at + 1, Math.min(size, TOP_FIELDS - 1) - at);
                top[at] = field;
                size = Math.min(size + 1, TOP_FIELDS);
            }
        }
        FiguresRow.FieldCount[] ranked = new FiguresRow.FieldCount[size];
        for (int i = 0; i < size; i++) {
            ranked[i] = new FiguresRow.FieldCount(fields.code(top[i]), fields.label(top[i]), counts[top[i]]);
        }
        return List.of(ranked);
    }

    private static boolean ranksBefore(int a, int b, long[] counts, Fields fields) {
        int byCount = Long.compare(counts[b], counts[a]);
        return byCount < 0 || (byCount == 0 && fields.code(a).compareTo(fields.code(b)) < 0);
    }

    private static String labelOf(String field) {
        try {
            return IssueField.valueOf(field).label();
        } catch (IllegalArgumentException unknown) {
            return field;
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * The cells of one answer: per ministry and province, an array over the range's weeks. The statements' rows are
     * placed by two small lookups and an index, where a map keyed by ministry, province and week hashed and compared
     * tens of thousands of keys for a quarter of all ministries; it also leaves the cells grouped as they are written.
     */
    private static final class Grid {
        final Map<String, Map<String, Cell[]>> ministries = new HashMap<>();
        private final LocalDate firstMonday;
        private final String[] weekNames;
        private final Map<Object, Integer> byMonday = new HashMap<>();
        private final Map<String, Integer> byName = new HashMap<>();

        Grid(IsoWeek from, IsoWeek to) {
            firstMonday = from.monday();
            weekNames = new String[(int) (ChronoUnit.WEEKS.between(firstMonday, to.monday()) + 1)];
        }

        int weekCount() {
            return weekNames.length;
        }

        LocalDate monday(int week) {
            return firstMonday.plusWeeks(week);
        }

        String weekName(int week) {
            if (weekNames[week] == null) {
                weekNames[week] = IsoWeek.of(monday(week)).toString();
            }
            return weekNames[week];
        }

        /** A date's week within the range; each date worked out once (a quarter has 13). */
        int weekOfMonday(Object day) {
            return byMonday.computeIfAbsent(day, d -> indexOf(IsoWeek.of((LocalDate) d)));
        }

        int weekNamed(String week) {
            return byName.computeIfAbsent(week, text -> indexOf(IsoWeek.parse("week", text)));
        }

        private int indexOf(IsoWeek week) {
            long index = ChronoUnit.WEEKS.between(firstMonday, week.monday());
            if (index < 0 || index >= weekNames.length) {
                // the statements select within the range, so this is a statement's mistake, never the caller's
                throw new IllegalStateException("A figures row for " + week + " outside the range asked for");
            }
            return (int) index;
        }

        /** The cell of a row's ministry (column 0) and province (column 1) in the week. */
        Cell cell(Object[] r, int week) {
            Cell[] byWeek = ministries.computeIfAbsent((String) r[0], m -> new HashMap<>())
                    .computeIfAbsent((String) r[1], p -> new Cell[weekNames.length]);
            Cell cell = byWeek[week];
            if (cell == null) {
                cell = new Cell();
                byWeek[week] = cell;
            }
            return cell;
        }
    }

    /** The fields of one answer's issues, each given a small number so that a cell counts them in an array. */
    private static final class Fields {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> codes = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();

        int idOf(String code) {
            Integer id = ids.get(code);
            if (id == null) {
                id = codes.size();
                ids.put(code, id);
                codes.add(code);
                labels.add(labelOf(code));
            }
            return id;
        }

        String code(int id) {
            return codes.get(id);
        }

        String label(int id) {
            return labels.get(id);
        }
    }

    /** A province's name in each week of one answer, looked up once per province and week. */
    private static final class ProvinceNames {
        private final AdministrativeUnits units;
        private final Grid grid;
        private final Map<String, String[]> names = new HashMap<>();

        ProvinceNames(AdministrativeUnits units, Grid grid) {
            this.units = units;
            this.grid = grid;
        }

        String of(String province, int week) {
            if (province == null) {
                return null;
            }
            String[] byWeek = names.computeIfAbsent(province, p -> {
                String[] all = new String[grid.weekCount()];
                for (int w = 0; w < all.length; w++) {
                    all[w] = units.province(p, grid.monday(w)).map(Province::fullName).orElse(null);
                }
                return all;
            });
            return byWeek[week];
        }
    }

    /** The counts of one ministry, province and week (or a ministry's week, in a total), filled from the statements. */
    private static final class Cell {
        private static final long[] NO_FIELDS = new long[0];
        private static final int KNOWN_FIELDS = IssueField.values().length;

        long officials;
        FiguresRow.ReportCounts reports = FiguresRow.ReportCounts.NONE;
        FiguresRow.IssueCounts issues = FiguresRow.IssueCounts.NONE;
        FiguresRow.VisitCounts visits = FiguresRow.VisitCounts.NONE;
        FiguresRow.RequestCounts requests = FiguresRow.RequestCounts.NONE;
        /** Issues raised per field, by the answer's field number. */
        long[] fields = NO_FIELDS;

        void count(int field, long raised) {
            if (field >= fields.length) {
                fields = Arrays.copyOf(fields, Math.max(field + 1, KNOWN_FIELDS));
            }
            fields[field] += raised;
        }

        void add(Cell o) {
            officials += o.officials;
            reports = reports.plus(o.reports);
            issues = issues.plus(o.issues);
            visits = visits.plus(o.visits);
            requests = requests.plus(o.requests);
            for (int field = 0; field < o.fields.length; field++) {
                if (o.fields[field] != 0) {
                    count(field, o.fields[field]);
                }
            }
        }
    }
}
