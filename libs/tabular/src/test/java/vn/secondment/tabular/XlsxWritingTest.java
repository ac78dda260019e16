package vn.secondment.tabular;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxWritingTest {

    private static byte[] write(String sheetName, List<String> headers, List<?>... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(out, TableFormat.XLSX, sheetName, headers)) {
            for (List<?> row : rows) {
                writer.row(row);
            }
        }
        return out.toByteArray();
    }

    /** The parts of the zip, read through its central directory as Excel does. */
    private static Map<String, String> parts(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("tabular", ".xlsx");
        try {
            Files.write(file, xlsx);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return parts;
        } finally {
            Files.delete(file);
        }
    }

    private static Table read(byte[] xlsx) {
        return TableReader.read(new ByteArrayInputStream(xlsx), TableFormat.XLSX, cells -> !cells.isEmpty(), 100);
    }

    @Test
    void writesABoldFrozenFilteredHeaderDateFormatsAndColumnWidths() throws IOException {
        byte[] xlsx = write("Danh sách", List.of("Họ và tên", "Ngày sinh", "Cập nhật lúc"),
                List.of("Nguyễn Thị Hoa", LocalDate.of(1990, 1, 1), LocalDateTime.of(2025, 9, 3, 8, 30)));

        Map<String, String> parts = parts(xlsx);
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        String styles = parts.get("xl/styles.xml");
        assertThat(sheet).contains("ySplit=\"1\"").contains("state=\"frozen\"").contains("<autoFilter ref=\"A1:C2\"")
                .contains("<col min=\"1\" max=\"1\" width=\"15.0\"").contains("t=\"inlineStr\"");
        assertThat(styles).contains("<b").contains("formatCode=\"yyyy-mm-dd\"")
                .contains("formatCode=\"yyyy-mm-dd hh:mm:ss\"");
        assertThat(parts.get("xl/sharedStrings.xml")).contains("uniqueCount=\"0\""); // text is written inline
        assertThat(read(xlsx).rows().get(0).cells())
                .containsExactly("Nguyễn Thị Hoa", "1990-01-01", "2025-09-03T08:30:00");
    }

    @Test
    void makesTheSheetNameOneExcelAccepts() throws IOException {
        byte[] xlsx = write("Danh sách [BNV]: 01/2025 *tạm*? và các đơn vị khác", List.of("Họ và tên"));

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheets().map(Sheet::getName))
                    .containsExactly("Danh sách -BNV-- 01-2025 -tạm--");
        }
    }

    @Test
    void sanitisesSheetNamesToExcelsRules() {
        assertThat(XlsxTableWriter.sheetName("'Báo cáo tuần'")).isEqualTo("Báo cáo tuần");
        assertThat(XlsxTableWriter.sheetName("a\\b/c?d*e:f[g]h")).isEqualTo("a-b-c-d-e-f-g-h");
        assertThat(XlsxTableWriter.sheetName(null)).isEqualTo("Sheet1");
        assertThat(XlsxTableWriter.sheetName("  ''  ")).isEqualTo("Sheet1");
        assertThat(XlsxTableWriter.sheetName("history")).isEqualTo("history 1");
        assertThat(XlsxTableWriter.sheetName("x".repeat(30) + "😀")).isEqualTo("x".repeat(30));
        assertThat(XlsxTableWriter.sheetName("Danh sách cán bộ được cử đi tăng cường 2025"))
                .hasSize(31).doesNotEndWith(" ");
    }

    @Test
    void leavesTextThatLooksLikeAFormulaAsText() throws IOException {
        byte[] xlsx = write("Danh sách", List.of("Họ và tên"), List.of("=HYPERLINK(\"http://x.example\",\"Xem\")"));

        assertThat(parts(xlsx).get("xl/worksheets/sheet1.xml")).doesNotContain("<f>");
        assertThat(read(xlsx).rows().get(0).cell(0)).isEqualTo("=HYPERLINK(\"http://x.example\",\"Xem\")");
    }

    @Test
    void dropsCharactersXmlCannotHoldAndCapsCellsAtExcelsLimit() {
        byte[] xlsx = write("Danh sách", List.of("Họ và tên", "Ghi chú"),
                List.of("Nguyễn\u0001 Thị\u0000 Hoa\uFFFF", "x".repeat(40_000)));

        Row row = read(xlsx).rows().get(0);
        assertThat(row.cell(0)).isEqualTo("Nguyễn Thị Hoa");
        assertThat(row.cell(1)).hasSize(32_767);
        assertThat(XlsxTableWriter.text("Hà Nội 😀\ud800")).isEqualTo("Hà Nội 😀");
    }

    @Test
    void finishesTheZipOnCloseButLeavesTheStreamOpen() {
        CountingOutputStream out = new CountingOutputStream();
        TableWriter writer = TableWriter.open(out, TableFormat.XLSX, "Danh sách", List.of("Họ và tên"));
        writer.row(Arrays.asList((Object) null));
        long beforeClose = out.count();

        writer.close();

        assertThat(out.count()).isGreaterThan(beforeClose);
        assertThat(out.closed()).isFalse();
        assertThatThrownBy(() -> writer.row(List.of("x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesAFileFastexcelItselfReads() throws IOException {
        byte[] xlsx = write("Danh sách", List.of("Họ và tên"), List.of("Đặng Văn Đức"));

        try (InputStream in = new ByteArrayInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getCellText(0)).isEqualTo("Đặng Văn Đức");
        }
    }
}
