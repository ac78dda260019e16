package vn.secondment.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One trace as {@code ./platform trace} prints it: the span tree across the applications, each span with its offset
 * from the trace's start, its duration, status, service, name, kind and the attributes that tell what it did.
 */
public final class TraceReport {

    /** Attributes shown, in this order, under a short label; the first key present of each row wins. */
    private static final List<List<String>> SHOWN = List.of(
            List.of("method", "http.request.method", "http.method"),
            List.of("route", "http.route"),
            List.of("status", "http.response.status_code", "http.status_code"),
            List.of("destination", "messaging.destination.name", "messaging.destination"),
            List.of("db", "db.operation.name", "db.operation"),
            List.of("table", "db.collection.name", "db.sql.table"),
            List.of("event", "cloudevents.event_type"),
            List.of("event_id", "cloudevents.event_id", "messaging.message.id"),
            List.of("request", StoredSpan.REQUEST_ID_ATTRIBUTE),
            List.of("error", "error.type"));
    /** The platform's own attributes (event type and id, consumer, ...) are all shown, without the prefix. */
    private static final String PLATFORM_PREFIX = "secondment.";

    private TraceReport() {
    }

    /** The report of one trace's spans (any order); an empty list gives an empty report. */
    public static String render(List<StoredSpan> spans) {
        if (spans.isEmpty()) {
            return "";
        }
        List<StoredSpan> byStart = new ArrayList<>(spans);
        byStart.sort(Comparator.comparing(StoredSpan::start).thenComparing(StoredSpan::spanId));
        Instant begin = byStart.get(0).start();
        Instant finish = byStart.stream().map(StoredSpan::end).max(Comparator.naturalOrder()).orElse(begin);
        Set<String> ids = new HashSet<>();
        Set<String> services = new LinkedHashSet<>();
        Map<String, List<StoredSpan>> children = new HashMap<>();
        for (StoredSpan span : byStart) {
            ids.add(span.spanId());
            services.add(span.service());
        }
        List<StoredSpan> roots = new ArrayList<>();
        for (StoredSpan span : byStart) {
            if (span.hasParent() && ids.contains(span.parentSpanId())) {
                children.computeIfAbsent(span.parentSpanId(), parent -> new ArrayList<>()).add(span);
            } else {
                roots.add(span);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Trace ").append(byStart.get(0).traceId()).append(": ").append(spans.size())
                .append(spans.size() == 1 ? " span" : " spans").append(" from ").append(String.join(", ", services))
                .append("; started ").append(begin).append(", ").append(millis(Duration.between(begin, finish)))
                .append(" in all\n");
        out.append(String.format("%10s %10s  %-6s %s%n", "OFFSET", "DURATION", "STATUS", "SPAN"));
        Set<String> printed = new HashSet<>();
        for (StoredSpan root : roots) {
            print(out, root, begin, "", "", children, printed);
        }
        return out.toString();
    }

    private static void print(StringBuilder out, StoredSpan span, Instant begin, String prefix, String childPrefix,
                              Map<String, List<StoredSpan>> children, Set<String> printed) {
        if (!printed.add(span.spanId())) {
            return; // a span id received twice, or a cycle: print each once
        }
        StringBuilder line = new StringBuilder(prefix).append(span.service()).append(": ").append(span.name())
                .append(" (").append(span.kind()).append(')');
        String attributes = attributes(span);
        if (!attributes.isEmpty()) {
            line.append("  ").append(attributes);
        }
        if (!span.statusMessage().isEmpty()) {
            line.append("  \"").append(span.statusMessage()).append('"');
        }
        if (span.hasParent() && prefix.isEmpty()) {
            line.append("  (parent ").append(span.parentSpanId()).append(" not received)");
        }
        out.append(String.format("%10s %10s  %-6s %s%n", "+" + millis(Duration.between(begin, span.start())),
                millis(span.duration()), span.status().equals("UNSET") ? "-" : span.status(), line));
        List<StoredSpan> mine = children.getOrDefault(span.spanId(), List.of());
        for (int i = 0; i < mine.size(); i++) {
            boolean last = i == mine.size() - 1;
            print(out, mine.get(i), begin, childPrefix + (last ? "└─ " : "├─ "),
                    childPrefix + (last ? "   " : "│  "), children, printed);
        }
    }

    /** The telling attributes as {@code label=value}, space-separated. */
    static String attributes(StoredSpan span) {
        List<String> shown = new ArrayList<>();
        for (List<String> row : SHOWN) {
            for (String key : row.subList(1, row.size())) {
                if (span.attributes().containsKey(key)) {
                    shown.add(row.get(0) + "=" + span.attributes().get(key));
                    break;
                }
            }
        }
        // the route is a template (and a service's lacks its root path): the path says which request it was
        if (span.kind().equals("SERVER") && span.attributes().containsKey("url.path")) {
            shown.add("path=" + span.attributes().get("url.path"));
        }
        if (span.kind().equals("CLIENT") && span.attributes().containsKey("url.full")) {
            shown.add("url=" + span.attributes().get("url.full"));
        }
        // sorted: the same attributes read the same way on every line
        new TreeMap<>(span.attributes()).forEach((key, value) -> {
            if (key.startsWith(PLATFORM_PREFIX) && !key.equals(StoredSpan.REQUEST_ID_ATTRIBUTE)) {
                shown.add(key.substring(PLATFORM_PREFIX.length()) + "=" + value);
            }
        });
        return String.join(" ", shown);
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1_000_000.0);
    }
}
