package vn.secondment.tabular;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableFormatTest {

    @Test
    void findsTheFormatByExtensionIgnoringCase() {
        assertThat(TableFormat.ofFileName("Phụ lục QĐ 878.XLSX")).contains(TableFormat.XLSX);
        assertThat(TableFormat.ofFileName("danh-sach.v2.csv")).contains(TableFormat.CSV);
        assertThat(TableFormat.ofFileName("C:\\Users\\hoa\\Danh sách.Csv")).contains(TableFormat.CSV);
        assertThat(TableFormat.ofFileName("old.xls")).isEmpty();
        assertThat(TableFormat.ofFileName("csv")).isEmpty();
        assertThat(TableFormat.ofFileName("archive.csv.zip")).isEmpty();
        assertThat(TableFormat.ofFileName(null)).isEmpty();
    }

    @Test
    void findsTheFormatByMediaTypeIgnoringParametersAndCase() {
        assertThat(TableFormat.ofMediaType("text/csv; charset=utf-8")).contains(TableFormat.CSV);
        assertThat(TableFormat.ofMediaType(" TEXT/CSV ")).contains(TableFormat.CSV);
        assertThat(TableFormat.ofMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;name=\"a.xlsx\""))
                .contains(TableFormat.XLSX);
        assertThat(TableFormat.ofMediaType("application/vnd.ms-excel")).isEmpty();
        assertThat(TableFormat.ofMediaType("application/pdf")).isEmpty();
        assertThat(TableFormat.ofMediaType(null)).isEmpty();
    }

    @Test
    void namesItsMediaTypeAndExtension() {
        assertThat(TableFormat.CSV.mediaType()).isEqualTo("text/csv");
        assertThat(TableFormat.XLSX.extension()).isEqualTo("xlsx");
        assertThat(TableFormat.ofFileName("x." + TableFormat.XLSX.extension())).contains(TableFormat.XLSX);
        assertThat(TableFormat.ofMediaType(TableFormat.XLSX.mediaType())).contains(TableFormat.XLSX);
    }
}
