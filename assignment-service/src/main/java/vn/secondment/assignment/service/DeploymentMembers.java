package vn.secondment.assignment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.AssignmentRole;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.assignment.repository.AssignmentRepository;
import vn.secondment.assignment.repository.DeploymentRepository;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.assignment.rest.DeploymentMembersView;
import vn.secondment.assignment.security.AssignmentAccess;
import vn.secondment.rest.problem.ProblemException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A deployment's cast: the leader of a delegation or working group, and its members. */
@ApplicationScoped
public class DeploymentMembers {

    private static final Comparator<Assignment> ORDER = Comparator.<Assignment, String>comparing(a -> a.provinceCode,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(a -> a.role).thenComparing(a -> a.startDate).thenComparing(a -> a.id);

    private final DeploymentRepository deployments;
    private final AssignmentRepository assignments;
    private final KnownOfficialRepository officials;

    public DeploymentMembers(DeploymentRepository deployments, AssignmentRepository assignments,
                             KnownOfficialRepository officials) {
        this.deployments = deployments;
        this.assignments = assignments;
        this.officials = officials;
    }

    /** Every signed-in caller sees the leader (named publicly by the decision); members as the caller may read them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeploymentMembersView members(UUID id, AssignmentAccess access) {
        Deployment d = deployments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Deployment", id));
        Optional<Assignment> leader = d.type.group() ? assignments.leaderOf(d.id) : Optional.empty();
        List<Assignment> members = access.scope().nothing() ? List.of() : assignments.ofDeployment(d.id).stream()
                .filter(Assignment::occupies)
                .filter(a -> leader.map(l -> !l.id.equals(a.id)).orElse(true))
                .filter(access::canSee).sorted(ORDER).toList();
        List<UUID> who = Stream.concat(leader.stream(), members.stream()).map(a -> a.officialId)
                .distinct().toList();
        Map<UUID, KnownOfficial> known = who.isEmpty() ? Map.of() : officials.list("id in ?1", who).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        return new DeploymentMembersView(d.id, d.ministryCode, d.name, d.type,
                leader.map(a -> member(a, known.get(a.officialId))).orElse(null),
                members.stream().map(a -> member(a, known.get(a.officialId))).toList(),
                d.itinerary == null ? null : List.copyOf(d.itinerary));
    }

    static DeploymentMembersView.Member member(Assignment a, KnownOfficial official) {
        return new DeploymentMembersView.Member(a.id, a.officialId, official == null ? null : official.fullName,
                official == null ? null : official.position, a.officialMinistryCode, a.role,
                a.role == AssignmentRole.LEAD ? a.leadTitle : null, a.provinceCode, a.startDate, a.endDate, a.status);
    }
}
