package vn.secondment.testing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * The spans the application under test exported (Quarkus hands every span to each {@code SpanExporter} bean; the
 * tests' profile turns the OTLP exporter off). Only the most recent ones are kept, so a long test run does not fill
 * the memory. Spans arrive in batches, shortly after they end: tests wait for what they expect.
 */
@Singleton
public class RecordedSpans implements SpanExporter {

    private static final int KEPT = 20_000;

    private final Deque<SpanData> spans = new ArrayDeque<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        for (SpanData span : batch) {
            if (spans.size() == KEPT) {
                spans.removeFirst();
            }
            spans.addLast(span);
        }
        return CompletableResultCode.ofSuccess();
    }

    /** The spans of one trace, in the order they ended. */
    public synchronized List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** Every kept span, in the order they ended. */
    public synchronized List<SpanData> all() {
        return List.copyOf(spans);
    }

    /** Forgets what was recorded, for a test that looks at everything exported after it starts. */
    public synchronized void clear() {
        spans.clear();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
