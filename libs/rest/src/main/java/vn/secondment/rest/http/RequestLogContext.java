package vn.secondment.rest.http;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import vn.secondment.rest.config.RequestLoggingConfig;
import vn.secondment.rest.security.Caller;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Who and what a request is, in every log line written while it is served and on its server span: the MDC keys
 * {@value #REQUEST_ID}, {@value #USER_ID} (the token's {@code sub}, an opaque id, never a name or an e-mail address)
 * and {@value #MINISTRY} (the caller's ministry code), and the span attributes {@code secondment.request_id},
 * {@code enduser.id} and {@code secondment.ministry}. Quarkus keeps the MDC in the request's Vert.x context, so code
 * on worker threads and the problem mappers log with it too; it is removed when the request ends. A request slower
 * than {@link RequestLoggingConfig#slowRequestThreshold()} is logged once at WARN, by its route template.
 */
@ApplicationScoped
public class RequestLogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String USER_ID = "userId";
    public static final String MINISTRY = "ministry";

    public static final AttributeKey<String> REQUEST_ID_ATTRIBUTE = AttributeKey.stringKey("secondment.request_id");
    public static final AttributeKey<String> USER_ID_ATTRIBUTE = AttributeKey.stringKey("enduser.id");
    public static final AttributeKey<String> MINISTRY_ATTRIBUTE = AttributeKey.stringKey("secondment.ministry");

    private static final Logger LOG = Logger.getLogger(RequestLogContext.class);

    /** After Quarkus' authentication filter (-200), which has verified the token, before authorization (-100). */
    private static final int AFTER_AUTHENTICATION = -150;
    /** Where Quarkus REST (and the gateway) put the matched route's template; Micrometer reads it too. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** Ids and codes only: a claim shaped like anything else (an e-mail address, a name) is not logged. */
    private static final Pattern ID_OR_CODE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final long slowRequestNanos;

    public RequestLogContext(RequestLoggingConfig config) {
        this.slowRequestNanos = config.slowRequestThreshold().toNanos();
    }

    void install(@Observes Router router) {
        router.route().order(AFTER_AUTHENTICATION).handler(context -> {
            identifyCaller(context);
            context.next();
        });
    }

    /** Called by {@link RequestIds} as soon as the request has its id, before anything can log or answer. */
    void begin(RoutingContext context, String requestId) {
        MDC.put(REQUEST_ID, requestId);
        Span.current().setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        long start = System.nanoTime();
        // the end handler runs on the connection's context, not the request's, where the MDC lives
        Context requestContext = Vertx.currentContext();
        context.addEndHandler(ended -> onContext(requestContext, () -> end(context, start)));
    }

    private static void identifyCaller(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous()
                || !(user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        Span span = Span.current();
        String subject = token.getSubject();
        if (subject != null && ID_OR_CODE.matcher(subject).matches()) {
            MDC.put(USER_ID, subject);
            span.setAttribute(USER_ID_ATTRIBUTE, subject);
        }
        if (token.getClaim(Caller.MINISTRY_CLAIM) instanceof String ministry && ID_OR_CODE.matcher(ministry).matches()) {
            MDC.put(MINISTRY, ministry);
            span.setAttribute(MINISTRY_ATTRIBUTE, ministry);
        }
    }

    private void end(RoutingContext context, long start) {
        try {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= slowRequestNanos && !isEventStream(context)) {
                LOG.warnf("Slow request: %s %s answered %d in %d ms", context.request().method(), route(context),
                        context.response().getStatusCode(), TimeUnit.NANOSECONDS.toMillis(elapsed));
            }
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(USER_ID);
            MDC.remove(MINISTRY);
        }
    }

    /**
     * The route template the request matched ({@code /api/personnel/officials/{id}}), never the raw path with its
     * ids; {@code unmatched} when no route took it.
     */
    public static String route(RoutingContext context) {
        if (context.request() instanceof HttpServerRequestInternal internal
                && internal.context().getLocal(URL_PATH_TEMPLATE) instanceof String template) {
            return template;
        }
        Route current = context.currentRoute();
        return current != null && current.getPath() != null ? current.getPath() : "unmatched";
    }

    private static boolean isEventStream(RoutingContext context) {
        String type = context.response().headers().get(HttpHeaders.CONTENT_TYPE);
        return type != null && type.startsWith("text/event-stream");
    }

    private static void onContext(Context requestContext, Runnable work) {
        if (requestContext == null || Vertx.currentContext() == requestContext) {
            work.run();
        } else {
            ((ContextInternal) requestContext).dispatch(work);
        }
    }
}
