package vn.secondment.rest.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} that ties one call together across the gateway's and the services' logs, on every answer
 * (errors, and the HTTP layer's own answers, included). A caller's own id (the gateway's, when it forwards) is kept
 * when it is a sane token; anything else (too long, odd characters) is replaced, so it cannot be used to forge log
 * lines. It is the MDC's {@code requestId} and the server span's {@code secondment.request_id}
 * ({@link RequestLogContext}).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final String CONTEXT_KEY = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final RequestLogContext logContext;

    public RequestIds(RequestLogContext logContext) {
        this.logContext = logContext;
    }

    void install(@Observes Router router) {
        // first of all, with SecurityHeaders, so that every answer carries it and every log line of the request
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            logContext.begin(context, assign(context));
            context.next();
        });
    }

    /** Gives the request its id and echoes it on whatever response goes out, even an error. */
    static String assign(RoutingContext context) {
        String id = acceptOrGenerate(context.request().getHeader(HEADER));
        context.put(CONTEXT_KEY, id);
        // set (not added) just before the head is written, so a service echoing the id does not duplicate it
        context.addHeadersEndHandler(ignored -> context.response().headers().set(HEADER, id));
        return id;
    }

    public static String of(RoutingContext context) {
        String id = context.get(CONTEXT_KEY);
        return id != null ? id : "none";
    }

    static String acceptOrGenerate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
