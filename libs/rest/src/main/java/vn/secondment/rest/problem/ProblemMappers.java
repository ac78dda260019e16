package vn.secondment.rest.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.secondment.rest.database.DatabaseOutage;
import vn.secondment.rest.http.MergePatch;
import vn.secondment.rest.http.QueryParameterConverters;
import vn.secondment.rest.http.ResourceMediaTypes;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem+json response. One place, one format, for all services:
 * validation and unreadable bodies become 400 with field-level violations, domain failures their own status,
 * a database that does not answer a 503 with {@code Retry-After} ({@link DatabaseOutage}), and anything unexpected a
 * 500 that names a log reference but never a class or a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    /** The detail of a 403 when the operation's roles are not known (an HTTP permission, no annotation). */
    public static final String GENERIC_FORBIDDEN = "Your role does not allow this operation";
    /** The problem's extension member listing the roles that may do the operation. */
    public static final String ALLOWED_ROLES = "allowedRoles";

    private final ObjectMapper mapper;
    private final ResourceMediaTypes mediaTypes;
    private final DatabaseOutage databaseOutage;

    public ProblemMappers(ObjectMapper mapper, ResourceMediaTypes mediaTypes, DatabaseOutage databaseOutage) {
        this.mapper = mapper;
        this.mediaTypes = mediaTypes;
        this.databaseOutage = databaseOutage;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return render(mapper, e.type(), e.type().status(), e.getMessage(), uri, e.violations(), e.extensions());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String fields = violations.stream().map(Problem.Violation::field).distinct().collect(Collectors.joining(", "));
        return respond(ProblemType.VALIDATION, 400, "Invalid fields: " + fields, uri, violations);
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(ProblemType.MALFORMED_BODY, 400, "The body is not valid JSON" + where, uri, List.of());
    }

    /** JSON nested deeper, or numbers and strings longer, than Jackson's read limits allow: the body's fault. */
    @ServerExceptionMapper
    public Response jsonOverLimits(StreamConstraintsException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_BODY, 400, "The body exceeds a JSON limit: " + e.getOriginalMessage(),
                uri, List.of());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = reason(e);
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED_BODY, 400, "The body has the wrong shape: " + message, uri, List.of());
        }
        return respond(ProblemType.VALIDATION, 400, "Invalid fields: " + field, uri,
                List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED_BODY, 400, "The body cannot be read as the expected JSON", uri, List.of());
        }
        return respond(ProblemType.VALIDATION, 400, "Invalid fields: " + field, uri,
                List.of(new Problem.Violation(field, "has an invalid value")));
    }

    @ServerExceptionMapper
    public Response unreadablePatch(MergePatch.PatchNotReadable e, UriInfo uri) {
        JsonProcessingException cause = e.jsonCause();
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        if (cause instanceof JsonMappingException mapping) {
            return unreadableJson(mapping, uri);
        }
        return respond(ProblemType.MALFORMED_BODY, 400, "The patch cannot be applied", uri, List.of());
    }

    @ServerExceptionMapper
    public Response invalidParameter(QueryParameterConverters.InvalidParameter e, UriInfo uri) {
        return respond(ProblemType.VALIDATION, 400, "Invalid parameters: " + e.parameter(), uri,
                List.of(new Problem.Violation(e.parameter(), e.reason())));
    }

    /**
     * A role check ({@code @RolesAllowed}) refused the call: the detail and the extension member
     * {@code allowedRoles} name the roles the operation allows, read from the resource method (or its class), so the
     * caller knows whom to ask. Scope refusals (right role, another ministry or province) are
     * {@link ProblemException}s with their own texts and do not pass here.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        List<String> roles = allowedRoles(resource);
        if (roles.isEmpty()) {
            return respond(ProblemType.FORBIDDEN, 403, GENERIC_FORBIDDEN, uri, List.of());
        }
        return render(mapper, ProblemType.FORBIDDEN, 403, forbiddenDetail(roles), uri, List.of(),
                Map.of(ALLOWED_ROLES, roles));
    }

    /** The detail of a 403 naming the roles that may do the operation. */
    public static String forbiddenDetail(List<String> roles) {
        return "This operation needs one of the roles: " + String.join(", ", roles);
    }

    /**
     * The roles named by the {@code @RolesAllowed} of the resource method, else of its class, sorted; empty when
     * none is known or when they are wildcards ({@code **}: any authenticated caller) that name no role.
     */
    public static List<String> allowedRoles(ResourceInfo resource) {
        if (resource == null) {
            return List.of();
        }
        Method method = resource.getResourceMethod();
        RolesAllowed allowed = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (allowed == null && resource.getResourceClass() != null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed == null) {
            return List.of();
        }
        return Arrays.stream(allowed.value())
                .filter(role -> !role.isBlank() && !role.contains("*") && !role.contains("${"))
                .distinct().sorted().toList();
    }

    /** No token on an operation that needs one: Quarkus' own answer is the challenge alone, with no body. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED, 401, "This API needs a bearer access token",
                uri, List.of())).header(WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response tokenRefused(AuthenticationFailedException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED, 401,
                "The bearer token is not valid: it may have expired or be meant for another audience", uri,
                List.of())).header(WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }

    /** Names what the operation reads, from its {@code @Consumes}, instead of the framework's internals. */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri, HttpHeaders headers, Request request) {
        Set<String> accepted = mediaTypes.consumedBy(request.getMethod(), relativePath(uri));
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String detail = (sent == null || sent.isBlank() ? "The body has no Content-Type"
                : "The body is sent as " + clip(sent)) + "; "
                + (accepted.isEmpty() ? "this operation does not read it" : "this operation accepts "
                + String.join(", ", accepted));
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415, detail, uri, List.of());
    }

    /** Names what the operation answers with, from its {@code @Produces}, instead of the framework's internals. */
    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri, HttpHeaders headers, Request request) {
        Set<String> produced = mediaTypes.producedBy(request.getMethod(), relativePath(uri));
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        String detail = "Your Accept header asks for " + (accept == null ? "nothing" : clip(accept)) + "; "
                + (produced.isEmpty() ? "this operation answers with none of it" : "this operation answers with "
                + String.join(", ", produced));
        return respond(ProblemType.NOT_ACCEPTABLE, 406, detail, uri, List.of());
    }

    /**
     * A multipart body that ends before its closing boundary (cut short, empty, or no part at all) fails in the
     * framework's parser with a bare IOException, before the resource runs: the body's fault, so a 400 naming the
     * form fields the operation expects. Any other IOException stays an internal error.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        MediaType type = headers.getMediaType();
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            return unexpected(e, uri);
        }
        List<String> fields = formFields(resource);
        String expected = fields.isEmpty() ? "" : "; expected the form field" + (fields.size() > 1 ? "s " : " ")
                + String.join(", ", fields);
        List<Problem.Violation> violations = fields.stream()
                .map(field -> new Problem.Violation(field, "was not received whole: the multipart/form-data body "
                        + "is cut short or malformed; send the form field " + field + " in a complete body"))
                .toList();
        return respond(fields.isEmpty() ? ProblemType.MALFORMED_BODY : ProblemType.VALIDATION, 400,
                "The multipart/form-data body cannot be read: it is cut short or malformed" + expected, uri,
                violations);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(t -> t.status() == status && t != ProblemType.VALIDATION)
                .findFirst().orElse(ProblemType.HTTP);
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? type.title() : e.getMessage();
        return respond(type, status, detail, uri, List.of());
    }

    /** Anything else: a database that does not answer is a 503 with Retry-After, the rest a 500. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return databaseOutage.respond(e, uri).orElseGet(() -> internalError(mapper, e, uri));
    }

    /** A 500 that names a log reference, never a class or a stack trace; the error is logged with it. */
    public static Response internalError(ObjectMapper mapper, Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", reference, uri.getRequestUri().getPath());
        return render(mapper, ProblemType.INTERNAL, 500,
                "An unexpected error occurred; quote reference " + reference + " to the operators", uri, List.of());
    }

    private static List<String> formFields(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            RestForm restForm = parameter.getAnnotation(RestForm.class);
            FormParam formParam = parameter.getAnnotation(FormParam.class);
            if (restForm != null) {
                fields.add(restForm.value().isEmpty() ? parameter.getName() : restForm.value());
            } else if (formParam != null) {
                fields.add(formParam.value());
            }
        }
        return fields;
    }

    /** The path below the API root ({@code /officials/imports}), as resources declare theirs. */
    private static String relativePath(UriInfo uri) {
        String full = uri.getRequestUri().getPath();
        String base = uri.getBaseUri().getPath();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return full.startsWith(base) ? full.substring(base.length()) : uri.getPath();
    }

    /** A header value quoted back in a detail: no more than a line of it. */
    private static String clip(String value) {
        String line = value.strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private Response respond(ProblemType type, int status, String detail, UriInfo uri,
                             List<Problem.Violation> violations) {
        return render(mapper, type, status, detail, uri, violations);
    }

    /** The one rendering of a problem response, also used by mappers in other libraries. */
    public static Response render(ObjectMapper mapper, ProblemType type, int status, String detail, UriInfo uri,
                                  List<Problem.Violation> violations) {
        return render(mapper, type, status, detail, uri, violations, Map.of());
    }

    /** A problem with extension members (RFC 9457 section 3.2) after the standard ones. */
    public static Response render(ObjectMapper mapper, ProblemType type, int status, String detail, UriInfo uri,
                                  List<Problem.Violation> violations, Map<String, Object> extensions) {
        // the full request path (with the service's /api/<name> root), as the client called it
        Problem problem = new Problem(type.uri(), type.title(), status, detail, uri.getRequestUri().getPath(),
                violations);
        try {
            ObjectNode body = mapper.valueToTree(problem);
            extensions.forEach((member, value) -> {
                if (!body.has(member)) {
                    body.set(member, mapper.valueToTree(value));
                }
            });
            // serialised here so the body is JSON whatever writers the client's Accept header would select
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(mapper.writeValueAsString(body)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * {@code create.request.fullName} becomes {@code fullName}, a field of a list's element {@code members[1].name};
     * a bare parameter keeps its own name, and an element of a list parameter is named by the parameter and its index
     * ({@code ministry[0]}).
     */
    public static String field(Path path) {
        StringBuilder property = new StringBuilder();
        String parameter = "";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT
                    || node.getKind() == ElementKind.BEAN) {
                // a node inside a list or map carries the element's index: it belongs to the container before it
                if (node.isInIterable() && node.getIndex() != null) {
                    property.append('[').append(node.getIndex()).append(']');
                } else if (node.isInIterable() && node.getKey() != null) {
                    property.append('[').append(node.getKey()).append(']');
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!property.isEmpty()) {
                        property.append('.');
                    }
                    property.append(node.getName());
                }
            }
        }
        if (property.isEmpty()) {
            return parameter;
        }
        return property.charAt(0) == '[' ? parameter + property : property.toString();
    }

    /** What is wrong with the value Jackson could not read, for a human; never a class name. */
    public static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return e instanceof MismatchedInputException ? "has the wrong type" : "has an invalid value";
    }

    /** The JSON path of the value Jackson could not read ({@code members[2].email}); empty for the body itself. */
    public static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
