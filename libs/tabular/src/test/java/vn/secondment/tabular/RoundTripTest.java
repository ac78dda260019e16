package vn.secondment.tabular;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an export writes, an import reads back the same, whichever the format. */
class RoundTripTest {

    enum Status { ACTIVE, ON_LEAVE }

    private static final List<String> HEADERS = List.of("STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Hệ số lương",
            "Đang công tác", "Cập nhật lúc", "Trạng thái", "Ghi chú");

    private static Table roundTrip(TableFormat format, List<List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(out, format, "Danh sách", HEADERS)) {
            rows.forEach(writer::row);
        }
        return TableReader.read(new ByteArrayInputStream(out.toByteArray()), format,
                cells -> cells.contains("Họ và tên"), 100);
    }

    @ParameterizedTest
    @EnumSource(TableFormat.class)
    void readsBackWhatItWrote(TableFormat format) {
        Table table = roundTrip(format, List.of(
                Arrays.asList(1, "Nguyễn Thị Hoa", LocalDate.of(1990, 1, 1), "Phó Vụ trưởng", new BigDecimal("4.98"),
                        true, Instant.parse("2025-09-03T01:30:00Z"), Status.ACTIVE, null),
                Arrays.asList(2L, "Đặng Văn Đức", LocalDate.of(1985, 12, 31), "Chuyên viên, Vụ Tổ chức cán bộ", 3.33,
                        false, LocalDateTime.of(2025, 9, 3, 8, 0, 0, 600_000_000), Status.ON_LEAVE,
                        "Dòng 1\nDòng 2 \"trích dẫn\"")));

        assertThat(table.header()).isEqualTo(new Row(1, HEADERS));
        assertThat(table.rows()).extracting(Row::number).containsExactly(2, 3);
        assertThat(table.rows().get(0).cells()).containsExactly("1", "Nguyễn Thị Hoa", "1990-01-01", "Phó Vụ trưởng",
                "4.98", "true", "2025-09-03T08:30:00", "ACTIVE");
        assertThat(table.rows().get(0).cell(8)).isEmpty();
        assertThat(table.rows().get(1).cells()).containsExactly("2", "Đặng Văn Đức", "1985-12-31",
                "Chuyên viên, Vụ Tổ chức cán bộ", "3.33", "false", "2025-09-03T08:00:00", "ON_LEAVE",
                "Dòng 1\nDòng 2 \"trích dẫn\"");
        assertThat(table.rows().get(1).cell(1)).satisfies(
                name -> assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue());
    }

    @ParameterizedTest
    @EnumSource(TableFormat.class)
    void anAllEmptyRowReadsBackAsABlankRowThatKeepsTheNumbersBelowIt(TableFormat format) {
        Table table = roundTrip(format, List.of(
                Arrays.asList(1, "Nguyễn Thị Hoa", null, null, null, null, null, null, null),
                Arrays.asList(null, null, null, null, null, null, null, null, null),
                Arrays.asList(null, "", null, null, null, null, null, null, null),
                Arrays.asList(2, "Đặng Văn Đức", null, null, null, null, null, null, null)));

        assertThat(table.rows()).containsExactly(
                new Row(2, List.of("1", "Nguyễn Thị Hoa")),
                new Row(5, List.of("2", "Đặng Văn Đức")));
    }

    @ParameterizedTest
    @EnumSource(TableFormat.class)
    void writesAHeaderOnlyFileThatReadsBackWithoutRows(TableFormat format) {
        Table table = roundTrip(format, List.of());

        assertThat(table.header().cells()).isEqualTo(HEADERS);
        assertThat(table.rows()).isEmpty();
    }
}
