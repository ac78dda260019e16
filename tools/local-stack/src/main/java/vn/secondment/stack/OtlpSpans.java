package vn.secondment.stack;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an OTLP {@code ExportTraceServiceRequest} into the spans the launcher stores. */
final class OtlpSpans {

    private static final HexFormat HEX = HexFormat.of();

    private OtlpSpans() {
    }

    static List<StoredSpan> from(ExportTraceServiceRequest request) {
        List<StoredSpan> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = serviceName(resourceSpans.getResource());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(new StoredSpan(hex(span.getTraceId()), hex(span.getSpanId()),
                            hex(span.getParentSpanId()), service, span.getName(), kind(span.getKind()),
                            instant(span.getStartTimeUnixNano()), instant(span.getEndTimeUnixNano()),
                            status(span.getStatus().getCode()), span.getStatus().getMessage(),
                            attributes(span.getAttributesList())));
                }
            }
        }
        return spans;
    }

    /**
     * False for a database query that starts a trace of its own: the scheduled polls of the outboxes and the e-mail
     * and webhook queues, each application several a second, which would fill the file with one-span traces and push
     * out the requests. A query made for a request or an event has a parent and is kept; so is everything else.
     */
    static boolean worthKeeping(StoredSpan span) {
        boolean query = span.kind().equals("CLIENT")
                && (span.attributes().containsKey("db.system") || span.attributes().containsKey("db.system.name"));
        return span.hasParent() || !query;
    }

    private static String serviceName(Resource resource) {
        for (KeyValue attribute : resource.getAttributesList()) {
            if (attribute.getKey().equals("service.name")) {
                return attribute.getValue().getStringValue();
            }
        }
        return "unknown_service";
    }

    private static String kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> "SERVER";
            case SPAN_KIND_CLIENT -> "CLIENT";
            case SPAN_KIND_PRODUCER -> "PRODUCER";
            case SPAN_KIND_CONSUMER -> "CONSUMER";
            default -> "INTERNAL";
        };
    }

    private static String status(Status.StatusCode code) {
        return switch (code) {
            case STATUS_CODE_OK -> "OK";
            case STATUS_CODE_ERROR -> "ERROR";
            default -> "UNSET";
        };
    }

    private static Map<String, Object> attributes(List<KeyValue> keyValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (KeyValue keyValue : keyValues) {
            attributes.put(keyValue.getKey(), value(keyValue.getValue()));
        }
        return attributes;
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpSpans::value).toList();
            case KVLIST_VALUE -> attributes(value.getKvlistValue().getValuesList());
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            default -> "";
        };
    }

    /** OTLP times are nanoseconds since the epoch, unsigned (fixed64); a Java long holds them until 2262. */
    private static Instant instant(long unixNanos) {
        return Instant.ofEpochSecond(0, unixNanos);
    }

    private static String hex(ByteString id) {
        return HEX.formatHex(id.toByteArray());
    }
}
