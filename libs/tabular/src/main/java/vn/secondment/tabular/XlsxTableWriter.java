package vn.secondment.tabular;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An XLSX sheet written with fastexcel: a bold, frozen header row with filters, dates shown as dates, columns as
 * wide as the first rows need. Rows go to the stream every {@link #FLUSH_EVERY}; text is written inline, since a
 * shared-strings table would keep every distinct name in memory until the end.
 */
final class XlsxTableWriter implements TableWriter {

    /** Rows held before they are written out; column widths are measured on the first ones. */
    static final int FLUSH_EVERY = 1000;
    private static final int MAX_CELL_CHARS = 32_767;
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;
    private static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

    private final Workbook workbook;
    private final Worksheet sheet;
    private final int columns;
    private final int[] widths;
    private int rowIndex;
    private boolean widthsSet;
    private boolean closed;

    XlsxTableWriter(OutputStream out, String sheetName, List<String> headers) {
        this.columns = headers.size();
        this.widths = new int[columns];
        this.workbook = new Workbook(new NonClosingOutputStream(out), "Secondment platform", "1.0");
        this.sheet = workbook.newWorksheet(sheetName(sheetName));
        for (int c = 0; c < columns; c++) {
            String header = text(headers.get(c) == null ? "" : headers.get(c));
            sheet.inlineString(0, c, header);
            measure(c, header.codePointCount(0, header.length()) + 2); // bold is wider
        }
        sheet.range(0, 0, 0, columns - 1).style().bold().fillColor("DDEBF7").set();
        sheet.freezePane(0, 1);
    }

    @Override
    public void row(List<?> values) {
        if (closed) {
            throw new IllegalStateException("the writer is closed");
        }
        Values.checkWidth(values, columns);
        if (rowIndex + 1 >= Worksheet.MAX_ROWS) {
            throw new IllegalStateException("an XLSX sheet holds at most " + Worksheet.MAX_ROWS + " rows");
        }
        rowIndex++;
        for (int c = 0; c < columns; c++) {
            write(c, Values.normalize(values.get(c)));
        }
        if (rowIndex % FLUSH_EVERY == 0) {
            flush();
        }
    }

    private void write(int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String string) {
            String text = text(string);
            sheet.inlineString(rowIndex, c, text);
            measure(c, text.codePointCount(0, text.length()));
        } else if (value instanceof Number number) {
            sheet.value(rowIndex, c, number);
            measure(c, Values.plain(number).length());
        } else if (value instanceof Boolean bool) {
            sheet.value(rowIndex, c, bool);
            measure(c, 5);
        } else if (value instanceof LocalDate date) {
            sheet.value(rowIndex, c, date);
            sheet.style(rowIndex, c).format(DATE_FORMAT).set();
            measure(c, DATE_FORMAT.length());
        } else {
            sheet.value(rowIndex, c, (LocalDateTime) value);
            sheet.style(rowIndex, c).format(DATE_TIME_FORMAT).set();
            measure(c, DATE_TIME_FORMAT.length());
        }
    }

    private void measure(int column, int chars) {
        if (!widthsSet) {
            widths[column] = Math.max(widths[column], chars + 1);
        }
    }

    private void flush() {
        try {
            if (!widthsSet) {
                // fastexcel writes the column widths with the first rows, so they are settled here
                for (int c = 0; c < columns; c++) {
                    sheet.width(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c])));
                }
                widthsSet = true;
            }
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sheet.setAutoFilter(0, 0, rowIndex, columns - 1); // written at the end, so it can span every row
            flush();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text Excel accepts: XML-legal characters only, at most 32,767 of them (Excel's limit for a cell). */
    static String text(String value) {
        StringBuilder clean = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                if (clean != null) {
                    clean.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c));
            if (!legal && clean == null) {
                clean = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (legal && clean != null) {
                clean.append(c);
            }
        }
        String text = clean == null ? value : clean.toString();
        if (text.length() > MAX_CELL_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_CELL_CHARS - 1)) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
            text = text.substring(0, end);
        }
        return text;
    }

    /**
     * A sheet name Excel accepts: at most 31 characters, none of {@code []:*?/\} (replaced by '-'), not starting or
     * ending with an apostrophe, not blank ("Sheet1" then) and not the reserved "History".
     */
    static String sheetName(String wanted) {
        String name = wanted == null ? "" : Normalizer.normalize(wanted, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if ("[]:*?/\\".indexOf(cp) >= 0) {
                b.append('-');
            } else if (!Character.isISOControl(cp)) {
                b.appendCodePoint(cp);
            }
        });
        String s = b.toString();
        if (s.length() > 31) {
            s = s.substring(0, Character.isHighSurrogate(s.charAt(30)) ? 30 : 31);
        }
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '\'' || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '\'' || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        s = s.substring(start, end);
        if (s.isEmpty()) {
            return "Sheet1";
        }
        return s.equalsIgnoreCase("History") ? s + " 1" : s;
    }
}
