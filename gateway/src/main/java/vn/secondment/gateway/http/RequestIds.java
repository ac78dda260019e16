package vn.secondment.gateway.http;

import io.vertx.ext.web.RoutingContext;

/**
 * The {@code X-Request-Id} of a call, for the gateway's logs and the forwarded request. secondment-rest's
 * {@link vn.secondment.rest.http.RequestIds} gives it to every request before anything can answer, here as in
 * every service.
 */
public final class RequestIds {

    public static final String HEADER = vn.secondment.rest.http.RequestIds.HEADER;

    private RequestIds() {
    }

    public static String of(RoutingContext context) {
        return vn.secondment.rest.http.RequestIds.of(context);
    }
}
