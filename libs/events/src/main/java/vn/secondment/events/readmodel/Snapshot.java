package vn.secondment.events.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An event payload that carries a whole record of the publishing service (an official, a unit, an assignment), so
 * that other services can keep a copy of it as a read model.
 */
public interface Snapshot {

    /** The id of the record this is a snapshot of. */
    UUID recordId();

    /** The names of the fields a copy cannot do without that this snapshot lacks; empty when it is complete. */
    List<String> missingFields();

    /** The names among {@code namesAndValues} (name, value, name, value...) whose value is null. */
    static List<String> nullsAmong(Object... namesAndValues) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                missing.add((String) namesAndValues[i]);
            }
        }
        return missing;
    }
}
