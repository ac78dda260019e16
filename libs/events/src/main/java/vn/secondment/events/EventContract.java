package vn.secondment.events;

import vn.secondment.events.assignment.AssignmentEvents;
import vn.secondment.events.personnel.PersonnelEvents;
import vn.secondment.events.report.ReportEvents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The published contract of the platform's events, one copy for producers, the gateway and the tests: the AsyncAPI
 * 3.0 document of every topic ({@link #ASYNCAPI}) and one JSON Schema per event type and schema version
 * ({@link EventType#schemaPath()}), in this library's resources under {@link #RESOURCES}. The gateway serves them at
 * {@code /asyncapi} and {@code /dataschema/...}.
 */
public final class EventContract {

    /** The classpath directory of the contract; the gateway's build copies it. */
    public static final String RESOURCES = "vn/secondment/events/contract/";
    /** The AsyncAPI document, relative to {@link #RESOURCES}. */
    public static final String ASYNCAPI = "asyncapi.yaml";

    private static final List<Class<?>> CONTRACTS =
            List.of(PersonnelEvents.class, AssignmentEvents.class, ReportEvents.class);

    private EventContract() {
    }

    /** Every event type the platform declares: the {@code EventType} constants of each topic's contract class. */
    public static List<EventType> eventTypes() {
        List<EventType> types = new ArrayList<>();
        for (Class<?> contract : CONTRACTS) {
            Stream.of(contract.getFields())
                    .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == EventType.class)
                    .map(EventContract::value)
                    .forEach(types::add);
        }
        return types;
    }

    /** A contract file (the AsyncAPI document, or a schema by its {@link EventType#schemaPath()}), if it exists. */
    public static Optional<byte[]> read(String relativePath) {
        if (relativePath.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(RESOURCES + relativePath)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCES + relativePath, e);
        }
    }

    private static EventType value(Field field) {
        try {
            return (EventType) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field + " cannot be read", e);
        }
    }
}
