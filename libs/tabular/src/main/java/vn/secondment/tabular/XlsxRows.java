package vn.secondment.tabular;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rows of a workbook's first sheet, streamed by fastexcel-reader. The workbook file itself is held in memory
 * (compressed, as uploaded); its sheet is decompressed and parsed row by row.
 */
final class XlsxRows implements RowSource {

    private static final String UNREADABLE = "The file is not a readable Excel workbook (.xlsx). Open it in Excel and "
            + "use Save As \u2192 \u201cExcel Workbook (.xlsx)\u201d.";
    private static final Pattern DATE_1904 =
            Pattern.compile("<(?:\\w+:)?workbookPr\\b[^>]*\\bdate1904\\s*=\\s*[\"'](?:1|true)[\"']");

    private final ReadableWorkbook workbook;
    private final boolean date1904;
    private final Stream<org.dhatim.fastexcel.reader.Row> stream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
    private final Map<String, ExcelValues.Kind> kinds = new HashMap<>();
    private int lastRow;

    private XlsxRows(ReadableWorkbook workbook, boolean date1904, Stream<org.dhatim.fastexcel.reader.Row> stream) {
        this.workbook = workbook;
        this.date1904 = date1904;
        this.stream = stream;
        this.rows = stream.iterator();
    }

    static XlsxRows open(InputStream in) {
        BufferedInputStream buffered = new BufferedInputStream(in);
        switch (FileSignature.of(buffered)) {
            case ZIP -> {
            }
            case EMPTY -> throw new TableFormatException("The file is empty.", null);
            case OLE2 -> throw new TableFormatException("The workbook is password-protected or in the old Excel "
                    + "97-2003 (.xls) format. In Excel remove the password and use Save As \u2192 "
                    + "\u201cExcel Workbook (.xlsx)\u201d.", null);
            case PDF -> throw new TableFormatException("The file is a PDF, not an Excel workbook (.xlsx).", null);
            default -> throw new TableFormatException(UNREADABLE, null);
        }
        byte[] file;
        try {
            file = buffered.readAllBytes(); // fastexcel-reader holds it in memory too: a zip is read from its end
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(new ByteArrayInputStream(file), new ReadingOptions(true, true));
            ReadableWorkbook opened = workbook;
            Sheet sheet = opened.getSheets()
                    .filter(s -> s.getVisibility() == SheetVisibility.VISIBLE)
                    .findFirst()
                    .or(() -> opened.getSheets().findFirst())
                    .orElseThrow(() -> new TableFormatException("The workbook has no sheet.", null));
            return new XlsxRows(workbook, workbook.isDate1904() || declaresDate1904(file), sheet.openStream());
        } catch (TableFormatException e) {
            closeQuietly(workbook);
            throw e;
        } catch (IOException | RuntimeException e) {
            // a zip that is no workbook, a damaged one, XML errors: whatever the library throws
            closeQuietly(workbook);
            throw new TableFormatException(UNREADABLE, null, e);
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return rows.hasNext();
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    @Override
    public Row next() {
        org.dhatim.fastexcel.reader.Row row;
        List<String> cells;
        try {
            row = rows.next();
            cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
        } catch (RuntimeException e) {
            throw damaged(e);
        }
        lastRow = row.getRowNum();
        return TableReader.checkedRow(row.getRowNum(), cells);
    }

    private TableFormatException damaged(RuntimeException e) {
        int row = lastRow + 1;
        return new TableFormatException("The workbook is damaged near row " + row + ". " + "Open it in Excel and "
                + "use Save As \u2192 \u201cExcel Workbook (.xlsx)\u201d.", row, e);
    }

    /** The cell as the user sees it; a formula as its last computed value. */
    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        Object value = cell.getValue();
        switch (cell.getType()) {
            case EMPTY:
                return "";
            case ERROR:
                return cell.getRawValue() == null ? "" : cell.getRawValue();
            default:
                if (value instanceof BigDecimal number) {
                    return ExcelValues.text(number, kind(cell), date1904);
                }
                return value == null ? "" : value.toString();
        }
    }

    private ExcelValues.Kind kind(Cell cell) {
        Integer id = cell.getDataFormatId();
        String code = cell.getDataFormatString();
        if (id == null && code == null) {
            return ExcelValues.Kind.NUMBER;
        }
        return kinds.computeIfAbsent(id + "\u0000" + code, key -> ExcelValues.kind(id, code));
    }

    /**
     * Whether the workbook counts days from 1904 (old Mac Excel). fastexcel-reader 0.19.0 reads the flag with
     * {@code Boolean.parseBoolean}, so Excel's own {@code date1904="1"} escapes it and every date would be four years
     * and a day early.
     */
    private static boolean declaresDate1904(byte[] file) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            ZipArchiveEntry entry = zip.getEntry("xl/workbook.xml");
            if (entry == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                // workbookPr comes before the sheet list, near the start
                return DATE_1904.matcher(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)).find();
            }
        } catch (IOException | RuntimeException e) {
            return false; // fastexcel-reader has just read the same zip; keep its answer
        }
    }

    @Override
    public void close() {
        stream.close();
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException e) {
                // nothing was written; nothing to lose
            }
        }
    }
}
