package vn.secondment.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemType;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7396, {@code application/merge-patch+json}) on top of a full-update request: the current
 * state is rendered as the request record, the patch is merged into it, and the result is read back and validated
 * exactly like a PUT body. PATCH and PUT therefore share one set of rules and one code path.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper json;
    private final Validator validator;
    private final BodyViolations bodyViolations;

    public MergePatch(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        this.bodyViolations = new BodyViolations(json, validator);
    }

    /** The full-update request that results from applying {@code patch} to {@code current}, validated. */
    @SuppressWarnings("unchecked")
    public <T> T apply(T current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "A merge patch must be a JSON object");
        }
        ObjectNode merged = json.valueToTree(current);
        merge(merged, (ObjectNode) patch);
        T result;
        try {
            result = (T) json.treeToValue(merged, current.getClass());
        } catch (JsonProcessingException e) {
            // every wrong type and unknown field, with the other fields' violations, as a PUT body's would be
            if (e instanceof JsonMappingException mapping) {
                Optional<ProblemException> all = bodyViolations.collect(merged, current.getClass(), mapping);
                if (all.isPresent()) {
                    throw all.get();
                }
            }
            throw new PatchNotReadable(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.putNull(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    /** Carries Jackson's own exception to the problem mappers, which know how to name the field. */
    public static final class PatchNotReadable extends RuntimeException {
        PatchNotReadable(JsonProcessingException cause) {
            super(cause);
        }

        public JsonProcessingException jsonCause() {
            return (JsonProcessingException) getCause();
        }
    }
}
