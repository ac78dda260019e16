package vn.secondment.rest.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain failure that becomes a problem+json response: services throw it (or a subclass) from the service
 * layer; the one mapper in {@link ProblemMappers} turns it into HTTP.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "Field " + field + " is not valid",
                List.of(new Problem.Violation(field, message)));
    }

    /**
     * Adds an RFC 9457 extension member: a machine-readable detail of this occurrence beside the standard members,
     * e.g. the assignment a refused one overlaps and a free period to try instead.
     */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
