package vn.secondment.gateway.http;

import vn.secondment.rest.problem.ProblemType;

import java.net.URI;

/**
 * The problems the gateway answers itself. The first two are the platform's shared types; the others exist only
 * at the gateway, under the same base URI.
 */
public enum GatewayProblem {

    UNAUTHENTICATED(ProblemType.UNAUTHENTICATED.uri(), 401, ProblemType.UNAUTHENTICATED.title()),
    NOT_FOUND(ProblemType.NOT_FOUND.uri(), 404, ProblemType.NOT_FOUND.title()),
    TOO_MANY_REQUESTS(sharedBase("too-many-requests"), 429, "Too many requests"),
    SERVICE_UNAVAILABLE(sharedBase("service-unavailable"), 502, "The service is unavailable"),
    SERVICE_TIMEOUT(sharedBase("service-timeout"), 504, "The service did not answer in time");

    private final URI type;
    private final int status;
    private final String title;

    GatewayProblem(URI type, int status, String title) {
        this.type = type;
        this.status = status;
        this.title = title;
    }

    /** Resolved against a shared type so the base URI is defined in one place (secondment-rest). */
    private static URI sharedBase(String slug) {
        return ProblemType.INTERNAL.uri().resolve(slug);
    }

    public URI type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
