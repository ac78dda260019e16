package vn.secondment.assignment.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.assignment.Decision;
import vn.secondment.assignment.Deployment;
import vn.secondment.assignment.repository.DecisionRepository;
import vn.secondment.assignment.rest.DecisionView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decisions to API views and audit states. */
@ApplicationScoped
public class DecisionMapper {

    /** In a list: the record and the decision it amends; what it did is left to a single read. */
    public DecisionView toView(Decision d, Decision amends) {
        return toView(d, amends, null, null, null, null);
    }

    public DecisionView toView(Decision d, Decision amends, List<Decision> amendedBy, List<Deployment> issued,
                               List<DecisionRepository.DeploymentAmendment> amendments,
                               List<DecisionRepository.AssignmentAmendment> assignmentAmendments) {
        return new DecisionView(d.id, d.ministryCode, d.number, d.signedOn, d.signer, d.signerTitle, d.effectiveFrom,
                d.effectiveTo, d.subject, amends == null ? null : link(amends),
                amendedBy == null ? null : amendedBy.stream().map(DecisionMapper::link).toList(),
                issued == null ? null : issued.stream()
                        .map(x -> new DecisionView.IssuedDeployment(x.id, x.name, x.status)).toList(),
                amendments == null ? null : amendments.stream().map(a -> new DecisionView.Amendment(
                        a.deployment().id, a.deployment().name, a.revision().change, a.revision().effectiveFrom,
                        a.revision().startDate, a.revision().endDate, a.revision().statusName())).toList(),
                assignmentAmendments == null ? null : assignmentAmendments.stream()
                        .map(a -> new DecisionView.AssignmentAmendment(a.assignment().id, a.assignment().deployment.id,
                                a.revision().change, a.revision().effectiveFrom, a.revision().startDate,
                                a.revision().endDate, a.revision().statusName())).toList(),
                d.version, d.createdAt, d.createdBy, d.updatedAt);
    }

    public static DecisionView.DecisionLink link(Decision d) {
        return new DecisionView.DecisionLink(d.id, d.number, d.signedOn);
    }

    public Map<String, Object> auditState(Decision d) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("number", d.number);
        state.put("signedOn", d.signedOn);
        state.put("signer", d.signer);
        state.put("signerTitle", d.signerTitle);
        state.put("effectiveFrom", d.effectiveFrom);
        state.put("effectiveTo", d.effectiveTo);
        state.put("subject", d.subject);
        state.put("amendsId", d.amendsId);
        return state;
    }
}
