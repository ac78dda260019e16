package vn.secondment.assignment.rest;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.Assignment;
import vn.secondment.assignment.AssignmentRevision;
import vn.secondment.assignment.mapping.AssignmentMapper;
import vn.secondment.assignment.readmodel.KnownOfficial;
import vn.secondment.assignment.repository.AssignmentRepository;
import vn.secondment.assignment.repository.KnownOfficialRepository;
import vn.secondment.assignment.service.AssignmentService;
import vn.secondment.rest.PageView;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Assignments as the API shows them: with their official's name, now or as of a date. */
@ApplicationScoped
public class AssignmentViews {

    private final AssignmentMapper mapper;
    private final KnownOfficialRepository officials;
    private final AssignmentRepository assignments;
    private final AssignmentService service;

    public AssignmentViews(AssignmentMapper mapper, KnownOfficialRepository officials,
                           AssignmentRepository assignments, AssignmentService service) {
        this.mapper = mapper;
        this.officials = officials;
        this.assignments = assignments;
        this.service = service;
    }

    /** One assignment with its revisions; as of {@code asOf} when given. */
    public AssignmentView one(Assignment a, LocalDate asOf) {
        AssignmentRevision inForce = asOf == null ? null : service.asOf(a, asOf);
        return mapper.toView(a, officials.findById(a.officialId), inForce, asOf, service.revisions(a.id));
    }

    public PageView<AssignmentView> page(PageView<Assignment> page, LocalDate asOf) {
        List<UUID> ids = page.items().stream().map(a -> a.id).toList();
        Map<UUID, KnownOfficial> who = officials.list("id in ?1", page.items().stream().map(a -> a.officialId)
                .distinct().toList()).stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        Map<UUID, AssignmentRevision> inForce = asOf == null ? Map.of() : assignments.asOf(ids, asOf);
        return new PageView<>(page.items().stream()
                .map(a -> mapper.toView(a, who.get(a.officialId), inForce.get(a.id), asOf, null)).toList(),
                page.page(), page.size(), page.totalItems());
    }
}
