package vn.secondment.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as Excel opens it correctly everywhere: UTF-8 with a byte order mark (without it Excel reads the Windows
 * code page and garbles Vietnamese), comma, CRLF, RFC 4180 quoting. Text that Excel would run as a formula gets a
 * leading apostrophe.
 */
final class CsvTableWriter implements TableWriter {

    private final Writer writer;
    private final CSVPrinter printer;
    private final int columns;
    private boolean closed;

    CsvTableWriter(OutputStream out, List<String> headers) {
        this.columns = headers.size();
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        print(new ArrayList<Object>(headers));
    }

    @Override
    public void row(List<?> values) {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
        Values.checkWidth(values, columns);
        print(values);
    }

    private void print(List<?> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(text(Values.normalize(value)));
        }
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return guarded(text);
        }
        if (value instanceof Number number) {
            return Values.plain(number);
        }
        if (value instanceof LocalDateTime dateTime) {
            return ExcelValues.DATE_TIME.format(dateTime);
        }
        return value.toString(); // Boolean, LocalDate (ISO)
    }

    /**
     * Text starting with = + - @ (or tab, CR) is run as a formula when the file is opened in Excel: a name such as
     * {@code =HYPERLINK("http://evil","Xem")} in an export would become a live link. The apostrophe keeps it text.
     * Numbers are written as {@link Number}s and not touched, so -5 stays -5.
     */
    static String guarded(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            printer.flush(); // flushes the writer and the caller's stream; closing them would close the stream
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
