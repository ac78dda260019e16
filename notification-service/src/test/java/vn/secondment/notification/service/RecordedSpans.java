package vn.secondment.notification.service;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The delivery spans the service ended, as the exporter would get them (the tests export nothing): Quarkus adds
 * every {@link SpanProcessor} bean to its tracer provider.
 */
@Unremovable
@ApplicationScoped
public class RecordedSpans implements SpanProcessor {

    private static final Set<String> KEPT = Set.of("email send", "webhook deliver");
    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    public List<SpanData> named(String name) {
        return ended.stream().filter(s -> s.getName().equals(name)).toList();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (KEPT.contains(span.getName())) {
            ended.add(span.toSpanData());
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
