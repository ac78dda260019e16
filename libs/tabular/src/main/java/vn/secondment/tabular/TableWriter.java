package vn.secondment.tabular;

import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Streams a table to an output stream row by row, never holding the whole table in memory, so an export of every
 * official of a ministry can go straight into an HTTP response.
 *
 * <p>Values: {@code String}, {@code Number}, {@code Boolean}, {@code LocalDate}, {@code LocalDateTime},
 * {@code Instant} (written as the local date-time in Asia/Ho_Chi_Minh), an {@code Enum} (its {@code name()}) or
 * null (an empty cell). Date-times are written to the second. Anything else is refused, so that no
 * {@code toString()} of an entity ends up in a user's file.
 */
public interface TableWriter extends AutoCloseable {

    /**
     * Starts a file and writes its header row. {@code sheetName} names the XLSX sheet (made to fit Excel's rules:
     * at most 31 characters, none of {@code []:*?/\}) and is ignored for CSV.
     */
    static TableWriter open(OutputStream out, TableFormat format, String sheetName, List<String> headers) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        return switch (format) {
            case CSV -> new CsvTableWriter(out, headers);
            case XLSX -> new XlsxTableWriter(out, sheetName, headers);
        };
    }

    /**
     * Writes one row: one value per header.
     *
     * @throws IllegalArgumentException for a wrong number of values or a value of an unsupported type
     */
    void row(List<?> values);

    /**
     * Finishes the file and flushes it to the stream, which stays open: the caller owns it. Without this an XLSX
     * file is a broken zip.
     */
    @Override
    void close();
}
