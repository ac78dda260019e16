package vn.secondment.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One topic per producing service, keyed by aggregate id so one aggregate's events stay ordered. Every topic of the
 * platform, these and the others (dead letters, live streams), is listed once in {@code topics.txt} beside this
 * class: {@link #all()} reads it for the local stack, and docker-compose.yml creates the topics from the same file.
 */
public final class Topics {

    public static final String PERSONNEL = "personnel.events";
    public static final String ASSIGNMENT = "assignment.events";
    public static final String REPORT = "report.events";

    /** Partitions of each topic where the platform creates it (the local stack, docker-compose.yml's default). */
    public static final int PARTITIONS = 3;

    private static final String LIST = "topics.txt";

    private Topics() {
    }

    /** Every topic of the platform, in the order of {@code topics.txt}. */
    public static List<String> all() {
        try (InputStream in = Topics.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing beside " + Topics.class.getName());
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + LIST, e);
        }
    }
}
