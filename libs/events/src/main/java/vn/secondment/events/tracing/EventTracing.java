package vn.secondment.events.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across the places where the platform's work waits: the outbox row, the Kafka record, the e-mail and
 * webhook queues. What is stored is the W3C {@code traceparent} of the span that caused the work; whoever does the
 * work later (the relay, a consumer, a sender) runs it in a span that continues that trace, however long after.
 */
@ApplicationScoped
public class EventTracing {

    /** The W3C header and CloudEvents distributed-tracing attribute. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span's context as a W3C {@code traceparent}, or null when nothing is being traced. */
    public static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored {@code traceparent} names; the root context for null or a malformed value. */
    public static Context contextOf(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent),
                FROM_MAP);
    }

    /**
     * Runs {@code work} in a new span that continues the trace of {@code traceparent} (a new trace if there is none),
     * with the span current, so that its JDBC statements, logs (trace and span ids in the MDC) and anything it stores
     * for later belong to that trace. A failure marks the span as an error and is rethrown.
     */
    public <T> T inSpan(String name, SpanKind kind, String traceparent, Map<String, String> attributes,
                        Supplier<T> work) {
        Span span = startSpan(name, kind, traceparent, attributes);
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** {@link #inSpan(String, SpanKind, String, Map, Supplier)} for work without a result. */
    public void inSpan(String name, SpanKind kind, String traceparent, Map<String, String> attributes, Runnable work) {
        inSpan(name, kind, traceparent, attributes, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Starts a span continuing the trace of {@code traceparent} without making it current: for work that spans
     * several threads or calls (the relay's batch). The caller ends it.
     */
    public Span startSpan(String name, SpanKind kind, String traceparent, Map<String, String> attributes) {
        var builder = tracer.spanBuilder(name).setSpanKind(kind).setParent(contextOf(traceparent));
        attributes.forEach((key, value) -> {
            if (value != null) {
                builder.setAttribute(AttributeKey.stringKey(key), value);
            }
        });
        return builder.startSpan();
    }

    /** The W3C {@code traceparent} that names {@code span}, or null for a span that is not recorded. */
    public static String traceparentOf(Span span) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Marks {@code span} as failed by {@code failure}. */
    public static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }
}
