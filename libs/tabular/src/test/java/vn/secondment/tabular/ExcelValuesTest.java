package vn.secondment.tabular;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.secondment.tabular.ExcelValues.Kind.DATE;
import static vn.secondment.tabular.ExcelValues.Kind.DATE_TIME;
import static vn.secondment.tabular.ExcelValues.Kind.NUMBER;
import static vn.secondment.tabular.ExcelValues.Kind.TIME;

class ExcelValuesTest {

    @Test
    void tellsDateFormatsFromNumberFormats() {
        assertThat(ExcelValues.kindOfCode("dd/mm/yyyy")).isEqualTo(DATE);
        assertThat(ExcelValues.kindOfCode("[$-42A]d mmmm yyyy")).isEqualTo(DATE);
        assertThat(ExcelValues.kindOfCode("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy")).isEqualTo(DATE);
        assertThat(ExcelValues.kindOfCode("mmm-yy")).isEqualTo(DATE);
        assertThat(ExcelValues.kindOfCode("d/m/yy h:mm")).isEqualTo(DATE_TIME);
        assertThat(ExcelValues.kindOfCode("hh:mm:ss")).isEqualTo(TIME);
        assertThat(ExcelValues.kindOfCode("h:mm AM/PM")).isEqualTo(TIME);
        assertThat(ExcelValues.kindOfCode("[h]:mm:ss")).isEqualTo(NUMBER);
        assertThat(ExcelValues.kindOfCode("#,##0 \"đ\"")).isEqualTo(NUMBER);
        assertThat(ExcelValues.kindOfCode("#,##0\\ \"ngày\"")).isEqualTo(NUMBER);
        assertThat(ExcelValues.kindOfCode("#,##0.00;[Red]-#,##0.00")).isEqualTo(NUMBER);
        assertThat(ExcelValues.kindOfCode("0.00%")).isEqualTo(NUMBER);
        assertThat(ExcelValues.kindOfCode("General")).isEqualTo(NUMBER);
        assertThat(ExcelValues.kindOfCode("@")).isEqualTo(NUMBER);
    }

    @Test
    void knowsTheBuiltInDateFormats() {
        assertThat(ExcelValues.kind(14, null)).isEqualTo(DATE);
        assertThat(ExcelValues.kind(22, null)).isEqualTo(DATE_TIME);
        assertThat(ExcelValues.kind(20, null)).isEqualTo(TIME);
        assertThat(ExcelValues.kind(46, null)).isEqualTo(NUMBER);
        assertThat(ExcelValues.kind(0, null)).isEqualTo(NUMBER);
        assertThat(ExcelValues.kind(164, "dd/mm/yyyy")).isEqualTo(DATE);
    }

    @Test
    void writesNumbersAsExcelShowsThem() {
        assertThat(ExcelValues.plain(new BigDecimal("9.12345678E8"))).isEqualTo("912345678");
        assertThat(ExcelValues.plain(new BigDecimal("0.30000000000000004"))).isEqualTo("0.3");
        assertThat(ExcelValues.plain(new BigDecimal("1E+20"))).isEqualTo("100000000000000000000");
        assertThat(ExcelValues.plain(new BigDecimal("42.50"))).isEqualTo("42.5");
        assertThat(ExcelValues.plain(new BigDecimal("-0.0"))).isEqualTo("0");
        assertThat(ExcelValues.plain(new BigDecimal("100"))).isEqualTo("100");
        assertThat(ExcelValues.plain(new BigDecimal("1.5E-7"))).isEqualTo("0.00000015");
    }

    @Test
    void turnsDayNumbersIntoDatesWithExcelsLeapYearBug() {
        assertThat(ExcelValues.dateTime(new BigDecimal("45903"), false)).isEqualTo(LocalDateTime.of(2025, 9, 3, 0, 0));
        assertThat(ExcelValues.dateTime(new BigDecimal("45903.75"), false))
                .isEqualTo(LocalDateTime.of(2025, 9, 3, 18, 0));
        assertThat(ExcelValues.dateTime(new BigDecimal("1"), false)).isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0));
        assertThat(ExcelValues.dateTime(new BigDecimal("59"), false)).isEqualTo(LocalDateTime.of(1900, 2, 28, 0, 0));
        assertThat(ExcelValues.dateTime(new BigDecimal("61"), false)).isEqualTo(LocalDateTime.of(1900, 3, 1, 0, 0));
        assertThat(ExcelValues.dateTime(new BigDecimal("44441"), true)).isEqualTo(LocalDateTime.of(2025, 9, 3, 0, 0));
        assertThat(ExcelValues.dateTime(new BigDecimal("45903.99999999"), false))
                .isEqualTo(LocalDateTime.of(2025, 9, 4, 0, 0));
        assertThat(ExcelValues.dateTime(new BigDecimal("-1"), false)).isNull();
        assertThat(ExcelValues.dateTime(new BigDecimal("3000000"), false)).isNull();
    }

    @Test
    void fallsBackToTheNumberWhenADateFormattedCellIsNoDate() {
        assertThat(ExcelValues.text(new BigDecimal("-3"), DATE, false)).isEqualTo("-3");
        assertThat(ExcelValues.text(new BigDecimal("45903.5"), DATE, false)).isEqualTo("2025-09-03");
        assertThat(ExcelValues.text(new BigDecimal("45903.5"), TIME, false)).isEqualTo("12:00:00");
    }
}
