package vn.secondment.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** The application's own meters as Prometheus scrapes them, from {@code /q/metrics} on the management interface. */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)");

    private Metrics() {
    }

    /** The whole exposition text of the application under test. */
    public static String scrape() {
        return given().accept("text/plain").get(ManagementInterface.url("/q/metrics"))
                .then().statusCode(200).extract().asString();
    }

    /**
     * The sum of the samples of {@code name} whose labels include every one of {@code labels} (0 when there is none:
     * a counter that never moved is not exported yet).
     */
    public static double value(String exposition, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find() && sample.group(1).equals(name) && hasLabels(sample.group(3), labels)) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    /** {@link #value(String, String, Map)} of a fresh scrape. */
    public static double value(String name, Map<String, String> labels) {
        return value(scrape(), name, labels);
    }

    private static boolean hasLabels(String text, Map<String, String> labels) {
        String present = text == null ? "" : text;
        return labels.entrySet().stream()
                .allMatch(label -> present.contains(label.getKey() + "=\"" + label.getValue() + "\""));
    }
}
