package vn.secondment.tabular;

import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.secondment.tabular.Workbooks.text;

class XlsxReadingTest {

    private static Table read(byte[] xlsx) {
        return read(xlsx, 1000);
    }

    private static Table read(byte[] xlsx, int maxRows) {
        return TableReader.read(new ByteArrayInputStream(xlsx), TableFormat.XLSX, CsvReadingTest.HEADER, maxRows);
    }

    /** A workbook written with fastexcel's own writer, the way another system might export one. */
    private static byte[] fastexcel(Consumer<Worksheet> content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        content.accept(workbook.newWorksheet("Phụ lục"));
        workbook.finish();
        return out.toByteArray();
    }

    @Test
    void readsNumbersAndDatesWrittenByFastexcelAsPlainStringsAndIsoDates() throws IOException {
        byte[] xlsx = fastexcel(sheet -> {
            List<String> headers = List.of("Họ và tên", "Điện thoại", "Số", "Hệ số", "Tổng", "Âm", "Lớn", "Không",
                    "Ngày sinh", "Ngày QĐ", "Lúc", "Giờ", "Tỷ lệ", "Lương", "Đảng viên", "Số điện thoại (chữ)");
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            sheet.value(1, 0, "Nguyễn Thị Hoa");
            sheet.value(1, 1, 912345678);
            sheet.value(1, 2, 9.12345678E8);
            sheet.value(1, 3, 4.98);
            sheet.value(1, 4, 0.1 + 0.2);
            sheet.value(1, 5, -5);
            sheet.value(1, 6, 1e20);
            sheet.value(1, 7, 0.0);
            sheet.value(1, 8, LocalDate.of(1990, 1, 1));
            sheet.style(1, 8).format("yyyy-mm-dd").set();
            sheet.value(1, 9, 45903);                              // a day number, shown the Vietnamese way
            sheet.style(1, 9).format("dd/mm/yyyy").set();
            sheet.value(1, 10, LocalDateTime.of(2025, 9, 3, 8, 30, 15));
            sheet.style(1, 10).format("dd/mm/yyyy hh:mm:ss").set();
            sheet.value(1, 11, 0.5);
            sheet.style(1, 11).format("hh:mm").set();
            sheet.value(1, 12, 0.15);
            sheet.style(1, 12).format("0%").set();
            sheet.value(1, 13, new BigDecimal("12500000"));
            sheet.style(1, 13).format("#,##0 [$₫-42A]").set();  // fastexcel does not escape '"' in formats
            sheet.value(1, 14, true);
            sheet.value(1, 15, "0912345678");
        });

        Table table = read(xlsx);

        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.cells()).containsExactly("Nguyễn Thị Hoa", "912345678", "912345678", "4.98", "0.3", "-5",
                    "100000000000000000000", "0", "1990-01-01", "2025-09-03", "2025-09-03T08:30:15", "12:00:00",
                    "0.15", "12500000", "true", "0912345678");
        });
    }

    @Test
    void readsFormulasAsTheirCachedValues() {
        byte[] xlsx = Workbooks.withSheetData("<row r=\"1\">" + text("A1", "Họ và tên") + text("B1", "Số")
                + text("C1", "Gấp đôi") + text("D1", "Dương") + text("E1", "Lời chào") + text("F1", "Lỗi")
                + text("G1", "Chưa tính") + "</row>"
                + "<row r=\"2\">" + text("A2", "Nguyễn Thị Hoa") + "<c r=\"B2\"><v>42</v></c>"
                + "<c r=\"C2\"><f>B2*2</f><v>84</v></c>"
                + "<c r=\"D2\" t=\"b\"><f>B2&gt;0</f><v>1</v></c>"
                + "<c r=\"E2\" t=\"str\"><f>\"Chào \"&amp;A2</f><v>Chào Nguyễn Thị Hoa</v></c>"
                + "<c r=\"F2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                + "<c r=\"G2\"><f>B2+1</f></c></row>");

        assertThat(read(xlsx).rows().get(0).cells())
                .containsExactly("Nguyễn Thị Hoa", "42", "84", "true", "Chào Nguyễn Thị Hoa", "#DIV/0!");
    }

    @Test
    void keepsTheRealRowNumbersAcrossTitleAndBlankRows() {
        byte[] xlsx = Workbooks.withSheetData(
                "<row r=\"1\">" + text("A1", "DANH SÁCH CÁN BỘ ĐƯỢC CỬ ĐI TĂNG CƯỜNG") + "</row>"
                        + "<row r=\"2\">" + text("A2", "(Kèm theo Quyết định số 878/QĐ-BNV)") + "</row>"
                        + "<row r=\"4\">" + text("A4", "STT") + text("B4", "Họ và tên") + text("C4", "Ngày sinh") + "</row>"
                        + "<row r=\"5\"><c r=\"A5\"><v>1</v></c>" + text("B5", "Nguyễn Thị Hoa")
                        + "<c r=\"C5\" s=\"1\"><v>32874</v></c></row>"
                        + "<row r=\"6\"><c r=\"A6\" s=\"1\"/></row>"       // styled but empty: blank
                        + "<row r=\"9\"><c r=\"A9\"><v>2</v></c>" + text("B9", "  Đặng Văn Đức ")
                        + "<c r=\"C9\" s=\"2\"><v>31048</v></c></row>");

        Table table = read(xlsx);

        assertThat(table.header()).isEqualTo(new Row(4, List.of("STT", "Họ và tên", "Ngày sinh")));
        assertThat(table.rows()).containsExactly(
                new Row(5, List.of("1", "Nguyễn Thị Hoa", "1990-01-01")),
                new Row(9, List.of("2", "Đặng Văn Đức", "1985-01-01")));
    }

    @Test
    void readsANumberWithQuotedTextInItsFormatAsTheNumber() {
        byte[] xlsx = Workbooks.withSheetData("<row r=\"1\">" + text("A1", "Họ và tên") + text("B1", "Lương") + "</row>"
                + "<row r=\"2\">" + text("A2", "Nguyễn Thị Hoa") + "<c r=\"B2\" s=\"3\"><v>12500000</v></c></row>");

        assertThat(read(xlsx).rows().get(0).cell(1)).isEqualTo("12500000");
    }

    @Test
    void readsDatesOfWorkbooksUsingThe1904DateSystem() {
        byte[] xlsx = Workbooks.build("<row r=\"1\">" + text("A1", "Họ và tên") + text("B1", "Ngày") + "</row>"
                + "<row r=\"2\">" + text("A2", "Nguyễn Thị Hoa") + "<c r=\"B2\" s=\"1\"><v>44441</v></c></row>", true);

        assertThat(read(xlsx).rows().get(0).cell(1)).isEqualTo("2025-09-03");
    }

    @Test
    void readsTheFirstVisibleSheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet lists = workbook.newWorksheet("Danh mục");
        lists.value(0, 0, "Họ và tên");
        lists.value(1, 0, "không phải dữ liệu");
        lists.setVisibilityState(VisibilityState.HIDDEN);
        Worksheet data = workbook.newWorksheet("Phụ lục");
        data.value(0, 0, "Họ và tên");
        data.value(1, 0, "Nguyễn Thị Hoa");
        workbook.setActiveTab(1);
        workbook.finish();

        assertThat(read(out.toByteArray()).rows()).extracting(row -> row.cell(0)).containsExactly("Nguyễn Thị Hoa");
    }

    @Test
    void refusesGarbageAsAUserErrorNotAsALibraryException() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        byte[] truncatedZip = new byte[100];
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, truncatedZip, 0, 4);
        byte[] zipOfSomethingElse = Workbooks.zip(Map.of("readme.txt", "không phải bảng tính"));
        byte[] csv = "Họ và tên,Chức vụ\nNguyễn Thị Hoa,Chuyên viên\n".getBytes(UTF_8);

        for (byte[] file : List.of(garbage, truncatedZip, zipOfSomethingElse, csv)) {
            assertThatThrownBy(() -> read(file))
                    .isExactlyInstanceOf(TableFormatException.class)
                    .hasMessageContaining("not a readable Excel workbook")
                    .satisfies(e -> assertThat(((TableFormatException) e).row()).isNull());
        }
    }

    @Test
    void refusesADamagedSheetNamingTheRow() {
        byte[] xlsx = Workbooks.withSheetData("<row r=\"1\">" + text("A1", "Họ và tên") + "</row>"
                + "<row r=\"2\">" + text("A2", "Nguyễn Thị Hoa") + "</row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"zz\"><v>1</v></c></row>");

        assertThatThrownBy(() -> read(xlsx))
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.row()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("damaged");
                });
    }

    @Test
    void namesWhatWasUploadedInsteadOfAWorkbook() {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(UTF_8);
        byte[] encrypted = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1,
                0, 0, 0, 0};

        assertThatThrownBy(() -> read(pdf)).isInstanceOf(TableFormatException.class).hasMessageContaining("PDF");
        assertThatThrownBy(() -> read(encrypted)).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("password-protected").hasMessageContaining(".xls");
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void refusesMoreDataRowsThanAllowed() throws IOException {
        byte[] xlsx = fastexcel(sheet -> {
            sheet.value(0, 0, "Họ và tên");
            for (int r = 1; r <= 5; r++) {
                sheet.value(r, 0, "Cán bộ " + r);
            }
        });

        assertThat(read(xlsx, 5).rows()).hasSize(5);
        assertThatThrownBy(() -> read(xlsx, 4))
                .isInstanceOfSatisfying(TableFormatException.class, e -> assertThat(e.row()).isEqualTo(6));
    }

    @Test
    void refusesMoreThan200ColumnsButIgnoresEmptyFormattedCellsFarRight() throws IOException {
        byte[] formattedFarRight = fastexcel(sheet -> {
            sheet.value(0, 0, "Họ và tên");
            sheet.value(1, 0, "Nguyễn Thị Hoa");
            sheet.style(1, 500).bold().set();
        });
        byte[] wide = fastexcel(sheet -> {
            sheet.value(0, 0, "Họ và tên");
            sheet.value(1, 0, "Nguyễn Thị Hoa");
            sheet.value(1, 200, "cột 201");
        });

        assertThat(read(formattedFarRight).rows().get(0).cells()).containsExactly("Nguyễn Thị Hoa");
        assertThatThrownBy(() -> read(wide))
                .isInstanceOfSatisfying(TableFormatException.class, e -> {
                    assertThat(e.row()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("more than 200 columns");
                });
    }
}
