package vn.secondment.events.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSamplerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Attributes STATEMENT = Attributes.builder().put("db.system", "postgresql").build();

    private final StatementSampler sampler = new StatementSampler();

    @Test
    void dropsAStatementThatBelongsToNoTrace() {
        assertThat(decision(Context.root(), SpanKind.CLIENT, STATEMENT)).isEqualTo(SamplingDecision.DROP);
        assertThat(decision(Context.root(), SpanKind.CLIENT,
                Attributes.builder().put("db.system.name", "postgresql").build())).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void keepsAStatementOfARequestOrEventAndEveryTraceThatStarts() {
        Context request = Context.root().with(Span.wrap(SpanContext.create(TRACE, "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault())));
        assertThat(decision(request, SpanKind.CLIENT, STATEMENT)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(Context.root(), SpanKind.SERVER, Attributes.empty()))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(Context.root(), SpanKind.CONSUMER, Attributes.empty()))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    private SamplingDecision decision(Context parent, SpanKind kind, Attributes attributes) {
        return sampler.shouldSample(parent, TRACE, "SELECT", kind, attributes, List.of()).getDecision();
    }
}
