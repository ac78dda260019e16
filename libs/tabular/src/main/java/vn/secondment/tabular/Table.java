package vn.secondment.tabular;

import java.util.List;
import java.util.Objects;

/**
 * A table read from a file: the header row and the data rows under it. Title lines above the header and blank
 * rows are not in it; every row keeps its real {@link Row#number() number} for error messages.
 */
public record Table(Row header, List<Row> rows) {

    public Table {
        Objects.requireNonNull(header, "header");
        rows = List.copyOf(rows);
    }
}
