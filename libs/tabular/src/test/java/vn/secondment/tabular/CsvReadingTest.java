package vn.secondment.tabular;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.function.Predicate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReadingTest {

    static final Predicate<List<String>> HEADER = cells -> cells.contains("Họ và tên");

    private static Table read(String csv) {
        return read(csv.getBytes(UTF_8), 1000);
    }

    private static Table read(byte[] csv, int maxRows) {
        return TableReader.read(new ByteArrayInputStream(csv), TableFormat.CSV, HEADER, maxRows);
    }

    @Test
    void findsTheHeaderBelowTitleLinesAndKeepsRowNumbersAcrossBlankLines() {
        Table table = read("""
                BỘ NỘI VỤ,,
                "DANH SÁCH CÁN BỘ, CÔNG CHỨC ĐƯỢC CỬ ĐI TĂNG CƯỜNG",,
                ,,
                STT,Họ và tên,Chức vụ
                1,Nguyễn Thị Hoa,Phó Vụ trưởng
                ,,

                2,Đặng Văn Đức,Chuyên viên
                """);

        assertThat(table.header()).isEqualTo(new Row(4, List.of("STT", "Họ và tên", "Chức vụ")));
        assertThat(table.rows()).containsExactly(
                new Row(5, List.of("1", "Nguyễn Thị Hoa", "Phó Vụ trưởng")),
                new Row(8, List.of("2", "Đặng Văn Đức", "Chuyên viên")));
    }

    @Test
    void readsSemicolonsAsExcelSavesThemWhereTheDecimalSeparatorIsAComma() {
        // as many decimal commas as semicolons on data rows, more commas in the title: counting would pick ','
        byte[] csv = ("\uFEFFDANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC\r\n"
                + "Họ và tên;Hệ số lương;Phụ cấp\r\n"
                + "Nguyễn Thị Hoa;4,98;0,7\r\n"
                + "Đặng Văn Đức;3,33;0,5\r\n").getBytes(UTF_8);

        Table table = read(csv, 10);

        assertThat(table.header().cells()).containsExactly("Họ và tên", "Hệ số lương", "Phụ cấp");
        assertThat(table.rows()).extracting(Row::cells).containsExactly(
                List.of("Nguyễn Thị Hoa", "4,98", "0,7"),
                List.of("Đặng Văn Đức", "3,33", "0,5"));
        assertThat(table.rows()).extracting(Row::number).containsExactly(3, 4);
    }

    @Test
    void readsTabSeparatedText() {
        Table table = read("Họ và tên\tChức vụ\nNguyễn Thị Hoa\tVụ trưởng, Vụ Tổ chức\n");

        assertThat(table.rows()).singleElement()
                .isEqualTo(new Row(2, List.of("Nguyễn Thị Hoa", "Vụ trưởng, Vụ Tổ chức")));
    }

    @Test
    void readsQuotedCellsWithDelimitersQuotesAndLineBreaks() {
        Table table = read("Họ và tên,Ghi chú\r\n"
                + "\"Nguyễn Thị Hoa\",\"Vụ Tổ chức, Bộ Nội vụ\"\r\n"
                + "\"Đặng Văn Đức\",\"Dòng 1\r\nDòng 2 \"\"trích dẫn\"\"\"\r\n"
                + "Lê Văn An,\"\"\r\n");

        assertThat(table.rows()).extracting(Row::cells).containsExactly(
                List.of("Nguyễn Thị Hoa", "Vụ Tổ chức, Bộ Nội vụ"),
                List.of("Đặng Văn Đức", "Dòng 1\r\nDòng 2 \"trích dẫn\""),
                List.of("Lê Văn An"));
        // a record spanning two lines is still one row in Excel: the next one is row 4
        assertThat(table.rows()).extracting(Row::number).containsExactly(2, 3, 4);
    }

    @Test
    void acceptsAByteOrderMarkAndDecomposedTextAndGivesNfc() {
        String decomposed = Normalizer.normalize("Họ và tên,Chức vụ\nĐặng Văn Đức , Chuyên viên\u00A0\n",
                Normalizer.Form.NFD);

        Table table = read(("\uFEFF" + decomposed).getBytes(UTF_8), 10);

        assertThat(table.header().cells()).containsExactly("Họ và tên", "Chức vụ");
        assertThat(table.rows().get(0).cells()).containsExactly("Đặng Văn Đức", "Chuyên viên");
    }

    @Test
    void dropsTheEmptyCellsExcelPadsRowsWith() {
        Table table = read("Họ và tên,Chức vụ" + ",".repeat(300) + "\nNguyễn Thị Hoa" + ",".repeat(300) + "\n");

        assertThat(table.header().cells()).hasSize(2);
        assertThat(table.rows().get(0).cells()).containsExactly("Nguyễn Thị Hoa");
        assertThat(table.rows().get(0).cell(1)).isEmpty();
    }

    @Test
    void refusesTextThatIsNotUtf8NamingTheLine() {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("Họ và tên,Chức vụ\r\nNguyễn Thị Hoa,Chuyên viên\r\n".getBytes(UTF_8));
        csv.writeBytes(new byte[] {'L', (byte) 0xEA, ' ', 'V', (byte) 0xE3, 'n', ',', 'x', '\r', '\n'}); // Windows-1258

        assertThatThrownBy(() -> read(csv.toByteArray(), 10))
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.row()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("Line 3", "not UTF-8", "CSV UTF-8");
                });
    }

    @Test
    void refusesAFileSavedInTheWindowsCodePageFromItsFirstLine() {
        byte[] cp1258 = {'H', (byte) 0xD2, ' ', 'v', (byte) 0xE0, ' ', 't', (byte) 0xEA, 'n', '\r', '\n'};

        assertThatThrownBy(() -> read(cp1258, 10))
                .isInstanceOfSatisfying(TableFormatException.class, e -> assertThat(e.row()).isEqualTo(1));
    }

    @Test
    void refusesACutOffMultiByteCharacterAtTheEnd() {
        byte[] full = "Họ và tên\nĐặng Văn Đ".getBytes(UTF_8);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);

        assertThatThrownBy(() -> read(cut, 10))
                .isInstanceOfSatisfying(TableFormatException.class, e -> assertThat(e.row()).isEqualTo(2));
    }

    @Test
    void refusesBinaryData() {
        byte[] binary = {'H', 'o', 0, 1, 2, '\n', 'x'};

        assertThatThrownBy(() -> read(binary, 10))
                .isInstanceOf(TableFormatException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void saysSoWhenAWorkbookOrAPdfIsUploadedAsCsv() {
        byte[] workbook = Workbooks.withSheetData(Workbooks.text("A1", "Họ và tên"));

        assertThatThrownBy(() -> read(workbook, 10))
                .isInstanceOf(TableFormatException.class)
                .hasMessageContaining("Excel workbook").hasMessageContaining(".xlsx");
        assertThatThrownBy(() -> read("%PDF-1.7\n%âãÏÓ\n".getBytes(UTF_8), 10))
                .isInstanceOf(TableFormatException.class)
                .hasMessageContaining("PDF");
    }

    @Test
    void refusesAFileWithoutTheHeaderRow() {
        assertThatThrownBy(() -> read("STT,Tên,Chức vụ\n1,Nguyễn Thị Hoa,Chuyên viên\n"))
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.row()).isNull();
                    assertThat(e.getMessage()).contains("No header row");
                });
        assertThatThrownBy(() -> read("")).isInstanceOf(TableFormatException.class);
    }

    @Test
    void looksForTheHeaderOnlyInTheFirstThirtyRows() {
        String titles = "Dòng tiêu đề\n".repeat(29);

        assertThat(read(titles + "\n\nHọ và tên\nNguyễn Thị Hoa\n").header().number()).isEqualTo(32);
        assertThatThrownBy(() -> read(titles + "Dòng tiêu đề\nHọ và tên\nNguyễn Thị Hoa\n"))
                .isInstanceOf(TableFormatException.class)
                .hasMessageContaining("first 30 rows");
    }

    @Test
    void refusesMoreDataRowsThanAllowedNamingTheFirstOneTooMany() {
        byte[] csv = "Họ và tên\nA\nB\n\nC\n".getBytes(UTF_8);

        assertThat(read(csv, 3).rows()).hasSize(3);
        assertThatThrownBy(() -> read(csv, 2))
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.row()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("more than 2 data rows");
                });
    }

    @Test
    void refusesARowWithMoreThan200Columns() {
        String wide = "x" + ",x".repeat(200);

        assertThatThrownBy(() -> read("Họ và tên\nNguyễn Thị Hoa\n" + wide + "\n"))
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.row()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("200 columns");
                });
    }

    @Test
    void refusesAQuoteLeftOpenNamingTheRowItStarts() {
        assertThatThrownBy(() -> read("Họ và tên,Ghi chú\nNguyễn Thị Hoa,ok\nĐặng Văn Đức,\"chưa đóng\nx,y\n"))
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.row()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("quoted cell is not closed");
                });
    }

    @Test
    void reportsAFailingStreamAsAnIoErrorNotAsABadFile() {
        InputStream failing = new java.io.SequenceInputStream(
                new ByteArrayInputStream("Họ và tên\nNguyễn Thị Hoa\n".getBytes(UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });

        assertThatThrownBy(() -> TableReader.read(failing, TableFormat.CSV, HEADER, 10))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("connection reset");
    }
}
