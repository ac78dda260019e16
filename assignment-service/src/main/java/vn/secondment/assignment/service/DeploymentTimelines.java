package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.AssignmentRevision;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.DeploymentRevision;
import vn.secondment.assignment.mapping.AssignmentMapper;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.assignment.repository.AssignmentRepository;
import vn.secondment.assignment.repository.DeploymentRepository;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.assignment.rest.RevisionView;
import vn.secondment.assignment.rest.TimelineView;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.rest.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A deployment's Gantt data in five statements whatever its size: the deployment, its revisions, its assignments,
 * their officials' names, their revisions.
 */
@ApplicationScoped
public class DeploymentTimelines {

    private static final Comparator<Assignment> BAR_ORDER = Comparator.<Assignment, String>comparing(a -> a.provinceCode,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.role).thenComparing(a -> a.startDate).thenComparing(a -> a.id);

    private final DeploymentRepository deployments;
    private final AssignmentRepository assignments;
    private final KnownOfficialRepository officials;
    private final CoverageService coverage;
    private final AssignmentMapper mapper;

    public DeploymentTimelines(DeploymentRepository deployments, AssignmentRepository assignments,
                               KnownOfficialRepository officials, CoverageService coverage,
                               AssignmentMapper mapper) {
        this.deployments = deployments;
        this.assignments = assignments;
        this.officials = officials;
        this.coverage = coverage;
        this.mapper = mapper;
    }

    /** Every signed-in caller reads the deployment; the bars are the assignments the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TimelineView timeline(UUID id, AssignmentAccess access) {
        Deployment d = deployments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Deployment", id));
        List<DeploymentRevision> milestones = deployments.revisions(d.id);
        List<Assignment> visible = access.scope().nothing() ? List.of()
                : assignments.ofDeployment(d.id).stream().filter(access::canSee).sorted(BAR_ORDER).toList();
        List<UUID> ids = visible.stream().map(a -> a.id).toList();
        Map<UUID, KnownOfficial> who = visible.isEmpty() ? Map.of()
                : officials.list("id in ?1", visible.stream().map(a -> a.officialId).distinct().toList()).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        Map<UUID, List<AssignmentRevision>> history = new HashMap<>();
        assignments.revisions(ids).forEach(r ->
                history.computeIfAbsent(r.assignmentId, k -> new ArrayList<>()).add(r));

        LocalDate from = d.startDate;
        LocalDate to = d.endDate;
        for (DeploymentRevision r : milestones) {
            from = min(from, r.startDate);
            to = max(to, r.endDate);
        }
        List<TimelineView.Bar> bars = new ArrayList<>(visible.size());
        for (Assignment a : visible) {
            List<AssignmentRevision> revisions = history.getOrDefault(a.id, List.of());
            from = min(from, a.startDate);
            to = max(to, a.endDate);
            for (AssignmentRevision r : revisions) {
                from = min(from, r.startDate);
                to = max(to, r.endDate);
            }
            KnownOfficial official = who.get(a.officialId);
            bars.add(new TimelineView.Bar(a.id, a.officialId, official == null ? null : official.fullName,
                    a.provinceCode, a.provinceCode == null ? null
                            : coverage.provinceName(a.provinceCode, a.startDate).orElse(null), a.role,
                    a.status, a.startDate, a.endDate, a.arrivedOn, a.replacesId, a.replacedById,
                    revisions.stream().map(mapper::toView).toList(), a.leadTitle));
        }
        List<RevisionView> milestoneViews = milestones.stream().map(mapper::toView).toList();
        return new TimelineView(d.id, d.ministryCode, d.name, d.decisionNumber, d.type, d.status, d.startDate,
                d.endDate, from, to, milestoneViews, bars, d.itinerary == null ? null : d.itinerary.stream()
                .map(stop -> new TimelineView.Stop(stop.provinceCode(), coverage.provinceName(stop.provinceCode(),
                        stop.startDate()).orElse(null), stop.startDate(), stop.endDate())).toList());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return b.isBefore(a) ? b : a;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return b.isAfter(a) ? b : a;
    }
}
