package vn.secondment.testing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The spans the application under test recorded, each as it ends (Quarkus adds every {@code SpanProcessor} bean to
 * its tracer provider; the tests' profile exports nothing). Spans a sampler dropped never arrive. Only the most recent
 * ones are kept, so a long test run does not fill the memory.
 */
@Unremovable
@Singleton
public class RecordedSpans implements SpanProcessor {

    private static final int KEPT = 20_000;

    private final Deque<SpanData> spans = new ArrayDeque<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public synchronized void onEnd(ReadableSpan span) {
        if (spans.size() == KEPT) {
            spans.removeFirst();
        }
        spans.addLast(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** Every kept span, in the order they ended. */
    public synchronized List<SpanData> all() {
        return List.copyOf(spans);
    }

    /** The spans of one trace, in the order they ended. */
    public synchronized List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** The spans of this name, in the order they ended. */
    public synchronized List<SpanData> named(String name) {
        return spans.stream().filter(span -> span.getName().equals(name)).toList();
    }

    /** Forgets what was recorded, for a test that looks at everything recorded after it starts. */
    public synchronized void clear() {
        spans.clear();
    }
}
