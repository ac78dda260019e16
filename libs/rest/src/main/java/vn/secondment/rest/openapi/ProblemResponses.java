package vn.secondment.rest.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import vn.secondment.rest.problem.Problem;
import vn.secondment.rest.problem.ProblemType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Documents the problem+json answers every operation can give, with an example each, so resources declare only
 * what is particular to them: the service's own (503 with Retry-After while its database does not answer too) and
 * those the gateway gives in front of it (401, 413, 415, 429, 502, 503, 504). Also completes the page schemas ({@link PageSchemas}). Registered in each service with
 * {@code mp.openapi.filter}; runs at build time, so the documents written to target/openapi have it all.
 */
public class ProblemResponses implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ensureSchemas(openAPI);
        PageSchemas.complete(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(path, method, operation));
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean changesExisting = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
                || (method == PathItem.HttpMethod.POST && parameter(operation, "If-Match"));
        if (hasInput) {
            add(responses, "400", "Invalid input, field by field", ProblemType.VALIDATION, path,
                    "Invalid fields: fullName", List.of(new Problem.Violation("fullName", "must not be blank")));
        }
        add(responses, "401", "No valid access token", ProblemType.UNAUTHENTICATED, path,
                "A valid bearer token of the secondment realm is required", List.of());
        add(responses, "403", "Your role or ministry does not allow this", ProblemType.FORBIDDEN, path,
                "You may act only for your own ministry (BCT), not for BNV", List.of());
        if (path.contains("{")) {
            add(responses, "404", "No such resource in your scope", ProblemType.NOT_FOUND, path,
                    "The resource does not exist", List.of());
        }
        if (changesExisting) {
            add(responses, "412", "The resource changed since you read it", ProblemType.PRECONDITION_FAILED, path,
                    "The resource was changed since you read it: it is now at ETag \"3\", you sent \"2\". "
                            + "Read it again and retry", List.of());
            add(responses, "428", "If-Match is missing", ProblemType.PRECONDITION_REQUIRED, path,
                    "Send the ETag you last read in an If-Match header, so that no one else's change is "
                            + "overwritten", List.of());
        }
        if (parameter(operation, "Idempotency-Key")) {
            add(responses, "422", "The Idempotency-Key was used for another request", ProblemType.UNPROCESSABLE,
                    path, "This Idempotency-Key was already used for a different request; use a new key for a "
                            + "new request", List.of());
        }
        add(responses, "500", "Unexpected failure, with a reference for the operators", ProblemType.INTERNAL, path,
                "An unexpected error occurred; quote reference 0b0f6c1e-5d8a-4c1e-9f55-0c2f4b8f1d2a to the "
                        + "operators", List.of());
        gatewayAnswers(responses, path, operation.getRequestBody() != null);
    }

    /** What the gateway answers itself, before or instead of the service (libs/rest's BodyLimit too for 413). */
    private static void gatewayAnswers(APIResponses responses, String path, boolean hasBody) {
        if (hasBody) {
            add(responses, "413", "The request body is over the size limit", ProblemType.PAYLOAD_TOO_LARGE, path,
                    "The body has 3145728 bytes; at most 2097152 are accepted", List.of());
            add(responses, "415", "The body's Content-Type is not one this operation reads",
                    ProblemType.UNSUPPORTED_MEDIA_TYPE, path,
                    "Content-Type text/plain is not supported here; send application/json", List.of());
        }
        add(responses, "429", "Too many requests from this caller; wait the seconds of Retry-After",
                ProblemType.TOO_MANY_REQUESTS, path, "Too many requests from this caller; try again in 3 s",
                List.of());
        retryAfter(responses.getAPIResponse("429"));
        add(responses, "502", "The service dropped the connection without answering (it may or may not have acted)",
                ProblemType.BAD_GATEWAY, path, "report-service closed the connection without answering", List.of());
        add(responses, "503", "The service, or its database, is unavailable for now; try again after the seconds "
                + "of Retry-After", ProblemType.SERVICE_UNAVAILABLE, path,
                "The service cannot reach its database at the moment; try again in 5 s", List.of());
        retryAfter(responses.getAPIResponse("503"));
        add(responses, "504", "The service did not start answering in time", ProblemType.SERVICE_TIMEOUT, path,
                "report-service did not answer within 60 s", List.of());
    }

    private static void retryAfter(APIResponse response) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After")) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Whole seconds to wait before trying again")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)));
        }
    }

    private static boolean parameter(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void add(APIResponses responses, String status, String description, ProblemType type,
                            String path, String detail, List<Problem.Violation> violations) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        StringBuilder example = new StringBuilder("{\"type\":\"").append(type.uri()).append("\",\"title\":\"")
                .append(type.title()).append("\",\"status\":").append(status).append(",\"detail\":\"")
                .append(detail.replace("\"", "\\\"")).append("\",\"instance\":\"").append(path).append('"');
        if (!violations.isEmpty()) {
            example.append(",\"violations\":[");
            for (int i = 0; i < violations.size(); i++) {
                Problem.Violation v = violations.get(i);
                example.append(i == 0 ? "" : ",").append("{\"field\":\"").append(v.field())
                        .append("\",\"message\":\"").append(v.message()).append("\"}");
            }
            example.append(']');
        }
        example.append('}');
        Example value = OASFactory.createExample().value(parse(example.toString()));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem"))
                .examples(Map.of(type.name().toLowerCase().replace('_', '-'), value)));
        if (existing != null) {
            // declared without a body (as the security annotations do for 401 and 403): document the body
            existing.setContent(content);
        } else {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
        }
    }

    /** The example as a JSON value, so the console shows it formatted rather than as one string. */
    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensureSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey("Problem")) {
            return;
        }
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        openAPI.getComponents().addSchema("Violation", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string)
                .addProperty("row", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("column", string));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("Violation"))));
    }
}
