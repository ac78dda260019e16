package vn.secondment.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses a query or path value holding the NUL character ({@code %00}) as a 400 naming each such parameter.
 * PostgreSQL cannot store or compare text with NUL, so such a value would otherwise fail in the database as a 500.
 */
public class NulCharacters {

    private static final String NUL = "\u0000";

    @ServerRequestFilter
    public void refuseNul(ContainerRequestContext request) {
        List<Problem.Violation> violations = new ArrayList<>();
        collect(request.getUriInfo().getPathParameters(), violations);
        collect(request.getUriInfo().getQueryParameters(), violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Parameters hold the NUL character", violations);
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.Violation> violations) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().contains(NUL)
                    || parameter.getValue().stream().anyMatch(value -> value != null && value.contains(NUL))) {
                violations.add(new Problem.Violation(parameter.getKey().replace(NUL, "\\u0000"),
                        "must not contain the NUL character (%00)"));
            }
        }
    }
}
