package vn.secondment.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The records of a CSV file, as Excel would show them: record N is row N, blank lines included, so row numbers
 * in messages match what the user sees when opening the file in Excel.
 */
final class CsvRows implements RowSource {

    /** The head of the file the delimiter is chosen from; title lines, header and more fit many times over. */
    private static final int PEEK_CHARS = 256 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t'};

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRows(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvRows open(InputStream in, Predicate<List<String>> isHeader) {
        BufferedInputStream buffered = new BufferedInputStream(in);
        switch (FileSignature.of(buffered)) {
            case ZIP -> throw new TableFormatException(
                    "The file is an Excel workbook, not CSV: upload it with its .xlsx extension.", null);
            case OLE2 -> throw new TableFormatException("The file is an old Excel (.xls) or password-protected "
                    + "workbook, not CSV. In Excel use Save As \u2192 \u201cCSV UTF-8 (Comma delimited)\u201d.", null);
            case PDF -> throw new TableFormatException("The file is a PDF, not a CSV file.", null);
            default -> {
            }
        }
        try {
            BufferedReader reader = new BufferedReader(new StrictUtf8Reader(buffered), 64 * 1024);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            reader.mark(PEEK_CHARS + 1);
            char[] head = new char[PEEK_CHARS];
            int length = 0;
            for (int n; length < PEEK_CHARS && (n = reader.read(head, length, PEEK_CHARS - length)) > 0; ) {
                length += n;
            }
            reader.reset();
            char delimiter = delimiter(new String(head, 0, length), length == PEEK_CHARS, isHeader);
            return new CsvRows(format(delimiter).parse(reader));
        } catch (IOException | UncheckedIOException e) {
            throw failure(e, 1);
        }
    }

    /**
     * The delimiter under which the header row is found with the most columns. Excel saves CSV with the list
     * separator of the user's Windows locale: ';' where the decimal separator is ',' (Vietnamese among them), so
     * counting delimiter characters would be fooled by decimal commas; finding the header is not.
     */
    private static char delimiter(String head, boolean truncated, Predicate<List<String>> isHeader) {
        char best = ',';
        int bestWidth = 0;
        for (char candidate : DELIMITERS) {
            int width = headerWidth(head, truncated, candidate, isHeader);
            if (width > bestWidth) {
                best = candidate;
                bestWidth = width;
            }
        }
        return best;
    }

    /** The number of non-empty cells of the header found under {@code delimiter}, 0 if none is. */
    private static int headerWidth(String head, boolean truncated, char delimiter, Predicate<List<String>> isHeader) {
        try (CSVParser parser = format(delimiter).parse(new StringReader(head))) {
            Iterator<CSVRecord> records = parser.iterator();
            int examined = 0;
            while (examined < TableReader.HEADER_SEARCH_ROWS && records.hasNext()) {
                CSVRecord record = records.next();
                if (truncated && !records.hasNext()) {
                    break; // may be cut off in the middle
                }
                Row row = TableReader.row(0, record.toList());
                if (row.isBlank()) {
                    continue;
                }
                examined++;
                if (isHeader.test(row.cells())) {
                    return (int) row.cells().stream().filter(cell -> !cell.isEmpty()).count();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a quote left open in the head: the real parse reports it with its row
        }
        return 0;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false) // a blank line is a row in Excel too; keeps row numbers true
                .setTrailingData(true)      // "abc"def reads as abcdef, as in Excel
                .get();
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw failure(e, (int) parser.getRecordNumber() + 1);
        }
    }

    @Override
    public Row next() {
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException e) {
            throw failure(e, (int) parser.getRecordNumber() + 1);
        }
        return TableReader.checkedRow((int) record.getRecordNumber(), record.toList());
    }

    /** Turns what went wrong while parsing {@code row} into a message for the user (or an I/O error). */
    private static RuntimeException failure(Exception e, int row) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8Reader.NotTextException notText) {
                return new TableFormatException(notText.getMessage(), notText.line, e);
            }
            if (t instanceof StrictUtf8Reader.SourceException source) {
                return new UncheckedIOException((IOException) source.getCause());
            }
        }
        return new TableFormatException("Row " + row + " could not be read: a quoted cell is not closed "
                + "(check the \" characters on this row).", row, e);
    }

    @Override
    public void close() {
        // closing the parser would close the caller's stream; nothing else is held
    }
}
