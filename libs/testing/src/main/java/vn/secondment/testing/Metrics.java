package vn.secondment.testing;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** The application's meters at one moment, as Prometheus scrapes them from {@code /q/metrics} on the management port. */
public final class Metrics {

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    /** A scrape of the application under test now. */
    public static Metrics scrape() {
        return new Metrics(given().accept("text/plain").get(ManagementInterface.url("/q/metrics"))
                .then().statusCode(200).extract().asString());
    }

    /**
     * The sum of the samples of {@code name} whose labels include every one of {@code labels}; 0 when there is none
     * (a counter that never moved is not exported yet).
     */
    public double value(String name, Map<String, String> labels) {
        double sum = 0;
        for (String sample : text.split("\n")) {
            // an exemplar (the trace of one observation) may follow the value: " # {trace_id=...} ..."
            int exemplar = sample.indexOf(" # ");
            String line = exemplar < 0 ? sample.trim() : sample.substring(0, exemplar).trim();
            int value = line.lastIndexOf(' ');
            if (line.startsWith("#") || value < 0) {
                continue;
            }
            String series = line.substring(0, value);
            int brace = series.indexOf('{');
            String sampleName = brace < 0 ? series : series.substring(0, brace);
            String labelSet = brace < 0 ? "" : series.substring(brace);
            if (sampleName.equals(name) && labels.entrySet().stream()
                    .allMatch(label -> labelSet.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                sum += Double.parseDouble(line.substring(value + 1));
            }
        }
        return sum;
    }

    /** Whether a series of {@code name} with {@code labels} is exported at all (a gauge reading 0 is). */
    public boolean has(String name, Map<String, String> labels) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") && labels.entrySet().stream()
                .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")));
    }

    /** How much {@code name} with {@code labels} grew from {@code before} to this scrape. */
    public double increase(Metrics before, String name, Map<String, String> labels) {
        return value(name, labels) - before.value(name, labels);
    }

    /** The samples of the platform's own meters, for a failing assertion to show. */
    @Override
    public String toString() {
        return String.join("\n", text.lines().filter(line -> line.startsWith("secondment_")).toList());
    }
}
