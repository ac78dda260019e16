package vn.secondment.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fuzz holds every answer to: no 5xx, and every error answer (400 and up) problem+json with
 * {@code type}, {@code title} and {@code status}, and an {@code X-Request-Id}. Findings are grouped by cause:
 * what was wrong, the status, and the operation.
 */
final class FuzzFindings {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Finding(String cause, FuzzClient.Answer answer) {
    }

    private final Map<String, List<Finding>> byCause = new TreeMap<>();

    /** The faults of one answer (none for a good one). */
    static List<String> faultsOf(FuzzClient.Answer answer) {
        List<String> faults = new ArrayList<>();
        if (answer.status() == 0) {
            faults.add("no answer (" + answer.error().replaceAll(":.*", "") + ")");
            return faults;
        }
        if (answer.status() >= 500) {
            faults.add("server error " + answer.status());
        }
        if (answer.status() >= 400) {
            String type = answer.contentType() == null ? "" : answer.contentType();
            if (!type.startsWith("application/problem+json")) {
                faults.add("error body not problem+json (" + (type.isEmpty() ? "no content type" : type)
                        + (answer.body().length == 0 ? ", empty" : "") + ")");
            } else {
                try {
                    JsonNode problem = JSON.readTree(answer.body());
                    if (problem == null || !problem.path("type").isTextual() || !problem.path("title").isTextual()
                            || !problem.path("status").isInt()) {
                        faults.add("problem without type, title or status");
                    } else if (problem.path("status").asInt() != answer.status()) {
                        faults.add("problem status differs from the answer's");
                    }
                } catch (Exception unreadable) {
                    faults.add("problem+json body is not JSON");
                }
            }
            if (answer.requestId() == null || answer.requestId().isBlank()) {
                faults.add("error answer without X-Request-Id");
            }
        }
        return faults;
    }

    /** True when the answer had a fault. */
    boolean check(FuzzClient.Answer answer) {
        List<String> faults = faultsOf(answer);
        for (String fault : faults) {
            // one cause is one fault at one status, wherever it happens (the gateway's 414 is the same everywhere)
            String cause = fault + " (answer " + answer.status() + ")";
            byCause.computeIfAbsent(cause, k -> new ArrayList<>()).add(new Finding(cause, answer));
        }
        return !faults.isEmpty();
    }

    boolean isEmpty() {
        return byCause.isEmpty();
    }

    int count() {
        return byCause.values().stream().mapToInt(List::size).sum();
    }

    /** One paragraph per cause: how many, by which kinds of input, and the first request to replay. */
    String report() {
        StringBuilder out = new StringBuilder();
        out.append(count()).append(" finding(s) from ").append(byCause.size()).append(" cause(s):\n");
        byCause.forEach((cause, findings) -> {
            Map<String, Integer> kinds = new TreeMap<>();
            Map<String, Integer> operations = new TreeMap<>();
            findings.forEach(f -> {
                kinds.merge(f.answer().request().kind(), 1, Integer::sum);
                operations.merge(f.answer().request().operation().key(), 1, Integer::sum);
            });
            out.append("- ").append(cause).append(": ").append(findings.size()).append(" × on ")
                    .append(operations.size()).append(" operation(s) ").append(operations).append(", by kinds ")
                    .append(kinds).append("\n");
            FuzzClient.Answer first = findings.get(0).answer();
            out.append(indent(first.request().describe(400)));
            out.append("    answered: ").append(summary(first)).append('\n');
        });
        return out.toString();
    }

    static String summary(FuzzClient.Answer answer) {
        if (answer.status() == 0) {
            return "nothing (" + answer.error() + ")";
        }
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        return answer.status() + " " + answer.contentType() + " X-Request-Id=" + answer.requestId() + " "
                + FuzzRequest.printable(body, 300);
    }

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line + "\n").reduce("", String::concat);
    }
}
