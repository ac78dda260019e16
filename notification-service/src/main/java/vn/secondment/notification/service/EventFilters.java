package vn.secondment.notification.service;

import vn.secondment.rest.problem.Problem;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The filters a webhook and an e-mail subscription both choose events by: event type prefixes, the envelope's
 * ministries and the payload's provinces. Checked and cleaned the same way for both, so a client learns one rule.
 */
public final class EventFilters {

    public static final int MAX_VALUES = 50;
    private static final Pattern MINISTRY = Pattern.compile("[A-Z0-9-]{2,16}");
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final String TYPE_PREFIX = "vn.secondment.";
    private static final int TYPE_MAX_LENGTH = 200;

    private EventFilters() {
    }

    public static boolean isMinistryCode(String code) {
        return code != null && MINISTRY.matcher(code).matches();
    }

    /** Event type prefixes such as {@code vn.secondment.report.}; {@code required}: at least one. */
    public static List<String> eventTypes(List<String> values, boolean required, List<Problem.Violation> violations) {
        List<String> types = clean(values);
        if ((required && types.isEmpty()) || types.size() > MAX_VALUES
                || types.stream().anyMatch(t -> !t.startsWith(TYPE_PREFIX) || t.length() > TYPE_MAX_LENGTH)) {
            violations.add(new Problem.Violation("eventTypes", (required ? "1" : "0") + " to " + MAX_VALUES
                    + " event type prefixes, each starting with " + TYPE_PREFIX));
        }
        return types;
    }

    public static List<String> ministries(List<String> values, List<Problem.Violation> violations) {
        List<String> ministries = clean(values);
        if (ministries.size() > MAX_VALUES || ministries.stream().anyMatch(m -> !isMinistryCode(m))) {
            violations.add(new Problem.Violation("ministries", "at most " + MAX_VALUES
                    + " ministry codes such as BNV"));
        }
        return ministries;
    }

    public static List<String> provinces(List<String> values, List<Problem.Violation> violations) {
        List<String> provinces = clean(values);
        if (provinces.size() > MAX_VALUES || provinces.stream().anyMatch(p -> !PROVINCE.matcher(p).matches())) {
            violations.add(new Problem.Violation("provinces", "at most " + MAX_VALUES
                    + " two-digit province codes such as 79"));
        }
        return provinces;
    }

    /**
     * Whether an event passes the filters; an empty list lets every value through, and a province filter stops an
     * event that names no province.
     */
    public static boolean matches(List<String> eventTypes, List<String> ministries, List<String> provinces,
                                  String type, String ministry, String province) {
        return (eventTypes.isEmpty() || eventTypes.stream().anyMatch(type::startsWith))
                && (ministries.isEmpty() || ministries.contains(ministry))
                && (provinces.isEmpty() || (province != null && provinces.contains(province)));
    }

    /** Stripped, without blanks and repeats; null is empty. */
    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }
}
