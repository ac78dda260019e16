package vn.secondment.tabular;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvWritingTest {

    private static String write(List<String> headers, List<?>... rows) {
        return new String(bytes(headers, rows), UTF_8);
    }

    private static byte[] bytes(List<String> headers, List<?>... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(out, TableFormat.CSV, "ignored", headers)) {
            for (List<?> row : rows) {
                writer.row(row);
            }
        }
        return out.toByteArray();
    }

    @Test
    void writesUtf8WithAByteOrderMarkCommasAndCrlf() {
        byte[] csv = bytes(List.of("STT", "Họ và tên"), List.of(1, "Nguyễn Thị Hoa"), List.of(2, "Đặng Văn Đức"));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, UTF_8))
                .isEqualTo("STT,Họ và tên\r\n1,Nguyễn Thị Hoa\r\n2,Đặng Văn Đức\r\n");
    }

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaks() {
        String csv = write(List.of("Họ và tên", "Ghi chú"),
                List.of("Nguyễn Thị Hoa", "Vụ Tổ chức, Bộ Nội vụ"),
                List.of("Đặng Văn Đức", "Dòng 1\r\nDòng 2 \"trích dẫn\""));

        assertThat(csv).isEqualTo("\uFEFFHọ và tên,Ghi chú\r\n"
                + "Nguyễn Thị Hoa,\"Vụ Tổ chức, Bộ Nội vụ\"\r\n"
                + "Đặng Văn Đức,\"Dòng 1\r\nDòng 2 \"\"trích dẫn\"\"\"\r\n");
    }

    @Test
    void keepsTextThatExcelWouldRunAsAFormulaText() {
        String csv = write(List.of("Họ và tên", "Ghi chú"),
                List.of("=HYPERLINK(\"http://x.example\",\"Xem\")", "+84912345678"),
                List.of("@SUM(A1:A9)", "-5"),
                List.of("\t=1+1", "\r=1+1"),
                List.of("Nguyễn Thị Hoa", "a=b"));

        assertThat(csv.lines().skip(1).toList()).containsExactly(
                "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Xem\"\")\",'+84912345678",
                "'@SUM(A1:A9),'-5",
                "'\t=1+1,\"'",          // the CR inside quotes ends the line for lines()
                "=1+1\"",
                "Nguyễn Thị Hoa,a=b");
    }

    @Test
    void doesNotTouchNumbersWrittenAsNumbers() {
        String csv = write(List.of("a", "b", "c", "d", "e", "f", "g"),
                List.of(-5, new BigDecimal("-1.50"), -0.25, 1.0E7, 5.0f, Long.MIN_VALUE, new BigInteger("-123456789012345678901234567890")));

        assertThat(csv).endsWith("\r\n-5,-1.50,-0.25,10000000,5,-9223372036854775808,-123456789012345678901234567890\r\n");
    }

    @Test
    void aGuardedCellReadsBackWithItsApostrophe() {
        byte[] csv = bytes(List.of("Họ và tên"), List.of("=1+1"));

        Table table = TableReader.read(new ByteArrayInputStream(csv), TableFormat.CSV,
                cells -> cells.contains("Họ và tên"), 10);

        assertThat(table.rows().get(0).cell(0)).isEqualTo("'=1+1");
    }

    @Test
    void refusesRowsOfTheWrongWidthAndValuesItCannotWrite() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter writer = TableWriter.open(out, TableFormat.CSV, null, List.of("a", "b"));

        assertThatThrownBy(() -> writer.row(List.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 values but the table has 2 columns");
        assertThatThrownBy(() -> writer.row(List.of(1, UUID.randomUUID()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.UUID");
        assertThatThrownBy(() -> writer.row(List.of(1, Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableWriter.open(out, TableFormat.CSV, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flushesEverythingOnCloseButLeavesTheStreamOpen() {
        CountingOutputStream out = new CountingOutputStream();
        TableWriter writer = TableWriter.open(out, TableFormat.CSV, null, List.of("Họ và tên"));
        writer.row(List.of("Nguyễn Thị Hoa"));

        writer.close();
        writer.close();

        assertThat(out.count()).isEqualTo("\uFEFFHọ và tên\r\nNguyễn Thị Hoa\r\n".getBytes(UTF_8).length);
        assertThat(out.closed()).isFalse();
        assertThatThrownBy(() -> writer.row(List.of("x"))).isInstanceOf(IllegalStateException.class);
    }
}
