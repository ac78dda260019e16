package vn.secondment.tabular;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowTest {

    @Test
    void givesAnEmptyCellPastTheEndOfTheRow() {
        Row row = new Row(7, List.of("1", "Nguyễn Thị Hoa"));

        assertThat(row.cell(1)).isEqualTo("Nguyễn Thị Hoa");
        assertThat(row.cell(2)).isEmpty();
        assertThat(row.cell(500)).isEmpty();
        assertThatThrownBy(() -> row.cell(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void stripsWhitespaceIncludingNoBreakSpacesAndNeverHoldsNull() {
        Row row = new Row(3, Arrays.asList("  Đặng Văn Đức\u00A0", null, "\t\r\n", "\uFEFFx"));

        assertThat(row.cells()).containsExactly("Đặng Văn Đức", "", "", "x");
    }

    @Test
    void composesDecomposedVietnamese() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Hoa", Normalizer.Form.NFD);
        Row row = new Row(1, List.of(decomposed));

        assertThat(decomposed).isNotEqualTo("Nguyễn Thị Hoa");
        assertThat(row.cell(0)).isEqualTo("Nguyễn Thị Hoa");
    }

    @Test
    void isBlankWhenEveryCellIsEmpty() {
        assertThat(new Row(1, List.of()).isBlank()).isTrue();
        assertThat(new Row(1, List.of(" ", "", "\u00A0")).isBlank()).isTrue();
        assertThat(new Row(1, List.of("", "x")).isBlank()).isFalse();
    }

    @Test
    void cellsCannotBeChangedAfterwards() {
        Row row = new Row(1, List.of("a"));

        assertThatThrownBy(() -> row.cells().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
