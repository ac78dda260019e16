package vn.secondment.notification.service;

import vn.secondment.testing.ManagementInterface;

import java.util.Arrays;

import static io.restassured.RestAssured.given;

/** One sample of the service's {@code /q/metrics} (Prometheus text, on the management interface). */
final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of the series {@code name} (Prometheus spelling, e.g. {@code secondment_email_sends_total}) whose
     * labels include {@code labels} ({@code "outcome", "sent"}, …); 0 when there is no such series yet.
     */
    static double value(String name, String... labels) {
        String text = given().when().get(ManagementInterface.url("/q/metrics"))
                .then().statusCode(200).extract().asString();
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                // a sample taken inside a span carries an exemplar after " # " (its trace id): the value is before it
                .map(line -> line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line)
                .filter(line -> hasLabels(line, labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static boolean hasLabels(String line, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }
}
