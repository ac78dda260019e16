package vn.secondment.report.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.secondment.rest.problem.ProblemException;

/**
 * The optional body of an action that had none (a report's draft and submission): clients that send nothing, with
 * no Content-Type, keep working; a coordinator recording it after the fact sends {@link OccurredAt}.
 */
@ApplicationScoped
public class OptionalBodies {

    private final ObjectMapper json;

    public OptionalBodies(ObjectMapper json) {
        this.json = json;
    }

    /** The body read as {@link OccurredAt}; null when there is none. 400 when it is not one. */
    public OccurredAt occurredAt(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, OccurredAt.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("occurredAt", "the body is empty or " + OccurredAt.BODY_EXAMPLE
                    + ": an instant with its offset");
        }
    }
}
