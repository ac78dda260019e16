package vn.secondment.gateway.http;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} that ties one call together across the gateway's and the services' logs. A caller's
 * own id is kept when it is a sane token; anything else (too long, odd characters) is replaced, so it cannot be
 * used to forge log lines.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final String CONTEXT_KEY = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Gives the request its id and echoes it on whatever response goes out, even an error. */
    public static void assign(RoutingContext context) {
        String id = acceptOrGenerate(context.request().getHeader(HEADER));
        context.put(CONTEXT_KEY, id);
        // set (not added) just before the head is written, so a service echoing the id does not duplicate it
        context.addHeadersEndHandler(ignored -> context.response().headers().set(HEADER, id));
    }

    public static String of(RoutingContext context) {
        String id = context.get(CONTEXT_KEY);
        return id != null ? id : "none";
    }

    static String acceptOrGenerate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
