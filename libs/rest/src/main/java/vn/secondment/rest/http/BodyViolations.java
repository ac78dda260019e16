package vn.secondment.rest.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemException;
import vn.secondment.rest.problem.ProblemMappers;
import vn.secondment.rest.problem.ProblemType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every violation of a JSON body in one 400: when a value has the wrong type, Jackson stops at it, and the body's
 * other type errors and its bean-validation violations would only show one request later. On such an error the
 * body is read again as a tree without each value that failed, until it reads; the result is then validated, and
 * the type errors and the violations of the other fields are reported together, each at its JSON path.
 * A body that reads at once is untouched (bean validation reports all of its violations as usual).
 */
@Provider
public class BodyViolations implements ReaderInterceptor {

    /** One request should not cost more than this many re-reads; beyond it the errors found so far are reported. */
    private static final int MAX_TYPE_ERRORS = 50;

    private final ObjectMapper json;
    private final Validator validator;

    public BodyViolations(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType()) || JsonNode.class.isAssignableFrom(context.getType())
                || context.getType() == String.class || context.getType() == byte[].class) {
            return context.proceed();
        }
        // bodies are bounded by quarkus.http.limits.max-body-size, and Quarkus REST has them in memory already
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        try {
            return context.proceed();
        } catch (JsonMappingException first) {
            Optional<ProblemException> all = collect(body, context.getGenericType(), first);
            if (all.isPresent()) {
                throw all.get();
            }
            throw first;
        }
    }

    /**
     * All type errors of {@code tree} read as {@code type}, the first being {@code first}, and the bean-validation
     * violations of what reads once they are left out; empty if the first error is not at a field.
     */
    public Optional<ProblemException> collect(JsonNode tree, Type type, JsonMappingException first) {
        String firstField = ProblemMappers.jsonPath(first);
        if (firstField.isEmpty() || tree == null || !tree.isContainerNode()) {
            return Optional.empty();
        }
        JavaType target = json.getTypeFactory().constructType(type);
        JsonNode remaining = tree.deepCopy();
        List<Problem.Violation> typeErrors = new ArrayList<>();
        JsonMappingException error = first;
        Object read = null;
        while (error != null && typeErrors.size() < MAX_TYPE_ERRORS) {
            String field = ProblemMappers.jsonPath(error);
            if (field.isEmpty() || !leaveOut(remaining, error.getPath())) {
                break;
            }
            typeErrors.add(new Problem.Violation(field, ProblemMappers.reason(error)));
            try (JsonParser parser = json.treeAsTokens(remaining)) {
                read = json.readValue(parser, target);
                error = null;
            } catch (JsonMappingException next) {
                error = next;
            } catch (IOException unreadable) {
                break;
            }
        }
        List<Problem.Violation> violations = new ArrayList<>(typeErrors);
        if (error == null && read != null) {
            for (ConstraintViolation<Object> violation : validator.validate(read)) {
                String field = ProblemMappers.field(violation.getPropertyPath());
                if (typeErrors.stream().noneMatch(typeError -> within(field, typeError.field()))) {
                    violations.add(new Problem.Violation(field, violation.getMessage()));
                }
            }
        }
        violations.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
        String fields = violations.stream().map(Problem.Violation::field).distinct()
                .collect(Collectors.joining(", "));
        return Optional.of(new ProblemException(ProblemType.VALIDATION, "Invalid fields: " + fields, violations));
    }

    private Optional<ProblemException> collect(byte[] body, Type type, JsonMappingException first) {
        try {
            return collect(json.readTree(body), type, first);
        } catch (IOException unparseable) {
            return Optional.empty();
        }
    }

    /** Removes the value at {@code path} (an array element becomes null, so later indexes stay as sent). */
    private static boolean leaveOut(JsonNode root, List<JsonMappingException.Reference> path) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = step(parent, path.get(i));
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.getFieldName() != null && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (parent instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()
                && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }

    private static JsonNode step(JsonNode node, JsonMappingException.Reference reference) {
        if (reference.getFieldName() != null) {
            return node.get(reference.getFieldName());
        }
        return reference.getIndex() >= 0 ? node.get(reference.getIndex()) : null;
    }

    /** Whether {@code field} is {@code typeError}'s field or inside it. */
    private static boolean within(String field, String typeError) {
        return field.equals(typeError) || field.startsWith(typeError + ".") || field.startsWith(typeError + "[");
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().endsWith("+json"));
    }
}
