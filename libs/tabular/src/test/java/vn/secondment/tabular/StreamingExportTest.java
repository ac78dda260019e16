package vn.secondment.tabular;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An export of 100,000 officials goes out while it is written; nothing waits for the end in memory. */
class StreamingExportTest {

    private static final int ROWS = 100_000;

    @ParameterizedTest
    @EnumSource(TableFormat.class)
    void streamsAHundredThousandRows(TableFormat format) {
        CountingOutputStream out = new CountingOutputStream();
        long started = System.nanoTime();
        long before;
        try (TableWriter writer = TableWriter.open(out, format, "Cán bộ",
                List.of("STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Hệ số lương", "Cập nhật lúc"))) {
            LocalDate born = LocalDate.of(1980, 1, 1);
            Instant updated = Instant.parse("2025-09-03T01:30:00Z");
            for (int i = 1; i <= ROWS; i++) {
                writer.row(List.of(i, "Nguyễn Thị Hoa " + i, born.plusDays(i % 9000), "Vụ Tổ chức cán bộ, Bộ Nội vụ",
                        3.33 + i % 7, updated.plusSeconds(i)));
            }
            before = out.count();
        }
        long total = out.count();
        System.out.printf("%s: %,d rows, %,d bytes in %d ms (%,d bytes reached the stream before close)%n",
                format, ROWS, total, (System.nanoTime() - started) / 1_000_000, before);

        assertThat(total).isGreaterThan(1_000_000);
        // all but the last buffer (and, for XLSX, the zip's closing parts) was sent while rows were still coming
        assertThat(before).isGreaterThan(total * 9 / 10);
    }
}
