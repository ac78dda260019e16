package vn.secondment.rest.problem;

import jakarta.ws.rs.core.Response.Status;

import java.net.URI;

/** The platform's stable problem types; the URIs are identifiers, documented in the OpenAPI description. */
public enum ProblemType {

    VALIDATION("validation", Status.BAD_REQUEST, "The request is not valid"),
    MALFORMED_BODY("malformed-body", Status.BAD_REQUEST, "The request body cannot be read"),
    UNAUTHENTICATED("unauthenticated", Status.UNAUTHORIZED, "Authentication is required"),
    FORBIDDEN("forbidden", Status.FORBIDDEN, "Not allowed"),
    NOT_FOUND("not-found", Status.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", Status.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", Status.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", Status.CONFLICT, "Conflict"),
    PRECONDITION_FAILED("precondition-failed", Status.PRECONDITION_FAILED, "The resource has changed"),
    PRECONDITION_REQUIRED("precondition-required", 428, "An If-Match header is required"),
    UNPROCESSABLE("unprocessable", 422, "The request cannot be processed"),
    PAYLOAD_TOO_LARGE("payload-too-large", Status.REQUEST_ENTITY_TOO_LARGE, "The request body is too large"),
    URI_TOO_LONG("uri-too-long", Status.REQUEST_URI_TOO_LONG, "The request URI is too long"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "The request headers are too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    TOO_MANY_REQUESTS("too-many-requests", Status.TOO_MANY_REQUESTS, "Too many requests"),
    /**
     * A temporary outage, always with {@code Retry-After}: the gateway cannot connect to the service, or the service
     * cannot reach (or wait any longer for) its database.
     */
    SERVICE_UNAVAILABLE("service-unavailable", Status.SERVICE_UNAVAILABLE, "The service is unavailable"),
    /** The gateway reached the service, which dropped the connection without an answer. */
    BAD_GATEWAY("bad-gateway", Status.BAD_GATEWAY, "The service gave no answer"),
    SERVICE_TIMEOUT("service-timeout", Status.GATEWAY_TIMEOUT, "The service did not answer in time"),
    HTTP("http", Status.BAD_REQUEST, "Request failed"),
    INTERNAL("internal", Status.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String BASE = "https://secondment.gov.vn/problems/";

    private final URI uri;
    private final int status;
    private final String title;

    ProblemType(String slug, Status status, String title) {
        this(slug, status.getStatusCode(), title);
    }

    /** For statuses that {@link Status} does not name (422, 428, 431). */
    ProblemType(String slug, int status, String title) {
        this.uri = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
