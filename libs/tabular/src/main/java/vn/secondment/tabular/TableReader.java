package vn.secondment.tabular;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reads an uploaded spreadsheet into a {@link Table}. Everything a user can get wrong in the file ends in a
 * {@link TableFormatException} with a message for that user, never in a library exception a service would have
 * to know about.
 */
public final class TableReader {

    /** Annexes put a few title lines ("DANH SÁCH ...", the decision number) above the header; 30 is plenty. */
    static final int HEADER_SEARCH_ROWS = 30;
    /** Far more than any list of officials needs, and a cap on what a hostile file can make us hold. */
    static final int MAX_COLUMNS = 200;

    private TableReader() {
    }

    /**
     * Reads the first sheet (XLSX; the first visible one if the first is hidden) or the whole file (CSV). The header
     * is the first row, among the first 30 non-blank ones, for which {@code isHeader} returns true; rows above it
     * are dropped and blank rows are skipped. {@code isHeader} gets the row's cells without trailing empty ones and
     * may be called more than once for a row (CSV tries each delimiter). The stream is read but not closed.
     *
     * @throws TableFormatException when the file is not a readable CSV/XLSX (e.g. a PDF renamed .xlsx, an encrypted
     *                              workbook), the CSV is not valid UTF-8, no header row is found, there are more than
     *                              {@code maxRows} data rows, or a row has more than 200 columns
     */
    public static Table read(InputStream in, TableFormat format, Predicate<List<String>> isHeader, int maxRows) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(isHeader, "isHeader");
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
        }
        try (RowSource source = format == TableFormat.CSV ? CsvRows.open(in, isHeader) : XlsxRows.open(in)) {
            return collect(source, isHeader, maxRows);
        }
    }

    private static Table collect(RowSource source, Predicate<List<String>> isHeader, int maxRows) {
        Row header = null;
        int examined = 0;
        List<Row> rows = new ArrayList<>();
        while (source.hasNext()) {
            Row row = source.next();
            if (row.isBlank()) {
                continue;
            }
            if (header == null) {
                if (isHeader.test(row.cells())) {
                    header = row;
                } else if (++examined >= HEADER_SEARCH_ROWS) {
                    break;
                }
            } else if (rows.size() == maxRows) {
                throw new TableFormatException("The file has more than " + maxRows + " data rows (row " + row.number()
                        + " is one too many); split it into smaller files.", row.number());
            } else {
                rows.add(row);
            }
        }
        if (header == null) {
            throw new TableFormatException("No header row was found in the first " + HEADER_SEARCH_ROWS
                    + " rows: check that the table has its row of column headings.", null);
        }
        return new Table(header, rows);
    }

    /** A row as the rest of the library sees it: cleaned cells, no trailing empty ones. */
    static Row row(int number, List<String> rawCells) {
        return trimmed(new Row(number, rawCells));
    }

    /** Like {@link #row}, and refuses a row wider than {@link #MAX_COLUMNS}. */
    static Row checkedRow(int number, List<String> rawCells) {
        Row row = row(number, rawCells);
        if (row.cells().size() > MAX_COLUMNS) {
            throw new TableFormatException("Row " + number + " has more than " + MAX_COLUMNS
                    + " columns; a table can have at most " + MAX_COLUMNS + ".", number);
        }
        return row;
    }

    private static Row trimmed(Row row) {
        List<String> cells = row.cells();
        int width = cells.size();
        while (width > 0 && cells.get(width - 1).isEmpty()) {
            width--;
        }
        return width == cells.size() ? row : new Row(row.number(), cells.subList(0, width));
    }
}
