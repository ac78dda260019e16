package vn.secondment.gateway.support;

import vn.secondment.testing.ManagementInterface;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** The gateway's {@code /q/metrics} at one moment, on its management interface. */
public final class PrometheusScrape {

    private final String text;

    private PrometheusScrape(String text) {
        this.text = text;
    }

    public static PrometheusScrape now() {
        return new PrometheusScrape(given().when().get(ManagementInterface.url("/q/metrics"))
                .then().statusCode(200).extract().asString());
    }

    /** The sum of the samples of {@code name} that carry every one of {@code labels}; 0 when there is none. */
    public double value(String name, Map<String, String> labels) {
        double sum = 0;
        for (String sample : text.split("\n")) {
            // an exemplar (the trace of one observation) may follow the value: " # {trace_id=...} ..."
            int exemplar = sample.indexOf(" # ");
            String line = exemplar < 0 ? sample : sample.substring(0, exemplar);
            if (!line.startsWith(name + "{")) {
                continue;
            }
            String labelSet = line.substring(name.length() + 1, line.lastIndexOf('}'));
            boolean matches = labels.entrySet().stream()
                    .allMatch(label -> labelSet.contains(label.getKey() + "=\"" + label.getValue() + "\""));
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** The samples of the platform's own meters, for a failing assertion to show. */
    @Override
    public String toString() {
        return String.join("\n", text.lines().filter(line -> line.startsWith("secondment_")).toList());
    }

    /** How much {@code name} with {@code labels} grew from {@code before} to this scrape. */
    public double increase(PrometheusScrape before, String name, Map<String, String> labels) {
        return value(name, labels) - before.value(name, labels);
    }
}
