package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.CoverageState;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentType;
import vn.secondment.assignment.Period;
import vn.secondment.assignment.repository.CoverageQueries;
import vn.secondment.assignment.repository.DeploymentRepository;
import vn.secondment.assignment.repository.GroupLeader;
import vn.secondment.assignment.repository.Holding;
import vn.secondment.assignment.rest.CoverageCell;
import vn.secondment.assignment.rest.CoverageDelegation;
import vn.secondment.assignment.rest.CoverageHolder;
import vn.secondment.assignment.rest.CoverageMatrixView;
import vn.secondment.assignment.rest.CoverageTotals;
import vn.secondment.assignment.rest.DeploymentCoverageView;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.data.AssignmentScope;
import vn.secondment.reference.AdministrativeUnits;
import vn.secondment.reference.Province;
import vn.secondment.rest.VietnamTime;
import vn.secondment.rest.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Coverage of the provinces on a day: for each ministry and province, the officials its deployments in force
 * require and the officials holding the province, in two statements whatever the number of ministries (the
 * deployments in force, the holding assignments with their officials' names), grouped here.
 */
@ApplicationScoped
public class CoverageService {

    private final CoverageQueries queries;
    private final DeploymentRepository deployments;
    private final AdministrativeUnits units;
    private final Clock clock;

    public CoverageService(CoverageQueries queries, DeploymentRepository deployments, AdministrativeUnits units, Clock clock) {
        this.queries = queries;
        this.deployments = deployments;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The matrix of {@code ministries} (in the order given; null or empty: every ministry with a decided deployment
     * in force or an assignment holding a province that day, by code) × the provinces in force that day.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CoverageMatrixView matrix(LocalDate date, List<String> ministries, DeploymentType type,
                                     AssignmentScope scope) {
        List<String> asked = ministries == null || ministries.isEmpty() ? null
                : List.copyOf(new LinkedHashSet<>(ministries));
        List<Deployment> inForce = queries.inForce(date, asked, type);
        // a group's members are in no one province: they show through their delegation's stops, not as residents
        List<Holding> holdings = queries.holdings(date, asked, type, null, CoverageQueries.DECIDED).stream()
                .filter(h -> h.provinceCode() != null).toList();
        Map<String, Map<String, List<CoverageDelegation>>> visiting = visiting(inForce, date);

        Map<String, Map<String, Integer>> required = new HashMap<>();
        for (Deployment d : inForce) {
            Map<String, Integer> byProvince = required.computeIfAbsent(d.ministryCode, m -> new HashMap<>());
            for (String province : d.provinceCodes) {
                byProvince.merge(province, d.required(province), Integer::sum);
            }
        }
        Map<String, Map<String, List<Holding>>> held = new HashMap<>();
        for (Holding h : holdings) {
            held.computeIfAbsent(h.ministryCode(), m -> new HashMap<>())
                    .computeIfAbsent(h.provinceCode(), p -> new ArrayList<>()).add(h);
        }
        List<String> shown = asked;
        if (shown == null) {
            TreeSet<String> present = new TreeSet<>(required.keySet());
            present.addAll(held.keySet());
            present.addAll(visiting.keySet());
            shown = List.copyOf(present);
        }

        Map<String, String> provinces = provinceNames(date);
        required.values().forEach(byProvince -> byProvince.keySet().forEach(code -> addUnknown(provinces, code, date)));
        holdings.forEach(h -> addUnknown(provinces, h.provinceCode(), date));

        Predicate<Holding> visible = visibleTo(scope);
        List<CoverageMatrixView.MinistryCoverage> rows = new ArrayList<>(shown.size());
        CoverageTotals overall = CoverageTotals.ZERO;
        for (String ministry : shown) {
            Map<String, Integer> requiredHere = required.getOrDefault(ministry, Map.of());
            Map<String, List<Holding>> heldHere = held.getOrDefault(ministry, Map.of());
            Map<String, List<CoverageDelegation>> visitingHere = visiting.getOrDefault(ministry, Map.of());
            List<CoverageCell> cells = new ArrayList<>(provinces.size());
            CoverageTotals totals = CoverageTotals.ZERO;
            for (Map.Entry<String, String> province : provinces.entrySet()) {
                CoverageCell cell = cell(province.getKey(), province.getValue(),
                        requiredHere.getOrDefault(province.getKey(), 0),
                        heldHere.getOrDefault(province.getKey(), List.of()), visible,
                        visitingHere.getOrDefault(province.getKey(), List.of()));
                cells.add(cell);
                totals = totals.plus(CoverageTotals.of(cell));
            }
            rows.add(new CoverageMatrixView.MinistryCoverage(ministry, totals, cells));
            overall = overall.plus(totals);
        }
        return new CoverageMatrixView(date, type, rows, overall);
    }

    /**
     * A deployment's rule on {@code date} (default: today in Vietnam, moved into the deployment's period): each
     * target province's required and assigned officials, the gaps and the excess. A date given outside the period
     * is refused (400).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeploymentCoverageView deploymentCoverage(UUID id, LocalDate date, AssignmentScope scope) {
        Deployment d = deployments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Deployment", id));
        Period period = new Period(d.startDate, d.endDate);
        LocalDate day;
        if (date == null) {
            LocalDate today = VietnamTime.today(clock);
            day = today.isBefore(d.startDate) ? d.startDate : today.isAfter(d.endDate) ? d.endDate : today;
        } else if (!period.contains(date)) {
            throw ProblemException.invalid("date", "must fall within the deployment's period " + d.startDate
                    + " to " + d.endDate);
        } else {
            day = date;
        }
        Map<String, List<Holding>> held = new HashMap<>();
        for (Holding h : queries.holdings(day, null, null, d.id, null)) {
            if (h.provinceCode() == null) {
                continue;
            }
            held.computeIfAbsent(h.provinceCode(), p -> new ArrayList<>()).add(h);
        }
        Map<String, String> names = provinceNames(day);
        TreeSet<String> codes = new TreeSet<>(d.provinceCodes);
        codes.addAll(held.keySet());
        codes.forEach(code -> addUnknown(names, code, day));

        Predicate<Holding> visible = visibleTo(scope);
        Map<String, List<CoverageDelegation>> visiting = visiting(List.of(d), day).getOrDefault(d.ministryCode,
                Map.of());
        List<CoverageCell> cells = new ArrayList<>(codes.size());
        List<DeploymentCoverageView.Difference> gaps = new ArrayList<>();
        List<DeploymentCoverageView.Difference> excess = new ArrayList<>();
        CoverageTotals totals = CoverageTotals.ZERO;
        for (String code : codes) {
            CoverageCell cell = cell(code, names.get(code), d.required(code), held.getOrDefault(code, List.of()),
                    visible, visiting.getOrDefault(code, List.of()));
            cells.add(cell);
            totals = totals.plus(CoverageTotals.of(cell));
            if (cell.state() == CoverageState.GAP) {
                gaps.add(new DeploymentCoverageView.Difference(code, cell.provinceName(), cell.required(),
                        cell.count(), cell.required() - cell.count()));
            } else if (cell.state() == CoverageState.EXCESS) {
                excess.add(new DeploymentCoverageView.Difference(code, cell.provinceName(), cell.required(),
                        cell.count(), cell.count() - cell.required()));
            }
        }
        return new DeploymentCoverageView(d.id, d.ministryCode, d.name, d.decisionNumber, d.type, d.status,
                d.startDate, d.endDate, day, cells, gaps, excess, totals);
    }

    /** Which holdings' officials the caller may see named: the same scope as the assignment lists. */
    static Predicate<Holding> visibleTo(AssignmentScope scope) {
        return h -> scope.admits(h.ministryCode(), h.provinceCode(), h.officialId());
    }

    /**
     * Ministry → province → the delegations among {@code inForce} whose itinerary has them there on {@code date},
     * each with its stop and its leader on that day.
     */
    private Map<String, Map<String, List<CoverageDelegation>>> visiting(List<Deployment> inForce, LocalDate date) {
        List<Deployment> travelling = inForce.stream().filter(d -> d.stops().stream()
                .anyMatch(stop -> stop.period().contains(date))).toList();
        Map<UUID, GroupLeader> leaders = queries.leaders(travelling.stream().map(d -> d.id).toList(),
                date);
        Map<String, Map<String, List<CoverageDelegation>>> visiting = new HashMap<>();
        for (Deployment d : travelling) {
            d.stops().stream().filter(stop -> stop.period().contains(date)).forEach(stop ->
                    visiting.computeIfAbsent(d.ministryCode, m -> new HashMap<>())
                            .computeIfAbsent(stop.provinceCode(), p -> new ArrayList<>())
                            .add(new CoverageDelegation(d.id, d.ministryCode, d.name, d.type, d.decisionNumber,
                                    stop.startDate(), stop.endDate(), Optional.ofNullable(leaders.get(d.id))
                                    .map(l -> new CoverageDelegation.Leader(l.assignmentId(), l.officialId(),
                                            l.fullName(), l.leadTitle())).orElse(null))));
        }
        return visiting;
    }

    private static CoverageCell cell(String code, String name, int required, List<Holding> holdings,
                                     Predicate<Holding> visible, List<CoverageDelegation> delegations) {
        List<CoverageHolder> officials = holdings.stream().filter(visible)
                .map(h -> new CoverageHolder(h.assignmentId(), h.officialId(), h.fullName(), h.role(), h.status(),
                        h.deploymentId(), h.decisionNumber()))
                .toList();
        return new CoverageCell(code, name, required, holdings.size(),
                CoverageState.of(required, holdings.size()), officials, List.copyOf(delegations));
    }

    /**
     * Province code → full name as in force on {@code date}, by code. Before the 34 provinces existed (1 July 2025)
     * nothing can be assigned; the provinces are then named as on their first day.
     */
    Map<String, String> provinceNames(LocalDate date) {
        LocalDate asOf = date.isBefore(AdministrativeUnits.FIRST_DAY) ? AdministrativeUnits.FIRST_DAY : date;
        Map<String, String> names = new TreeMap<>();
        units.provinces(asOf).stream().sorted(Comparator.comparing(Province::code))
                .forEach(p -> names.put(p.code(), p.fullName()));
        return names;
    }

    /** Data in a province not in force that day (none today): still shown, under its latest name. */
    private void addUnknown(Map<String, String> names, String code, LocalDate date) {
        if (!names.containsKey(code)) {
            List<Province> history = units.provinceHistory(code);
            names.put(code, history.isEmpty() ? null : history.get(history.size() - 1).fullName());
        }
    }

    /** The province's full name on {@code date} (its latest name if it is not in force then). */
    public Optional<String> provinceName(String code, LocalDate date) {
        LocalDate asOf = date.isBefore(AdministrativeUnits.FIRST_DAY) ? AdministrativeUnits.FIRST_DAY : date;
        return units.province(code, asOf).map(Province::fullName).or(() -> {
            List<Province> history = units.provinceHistory(code);
            return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1).fullName());
        });
    }
}
