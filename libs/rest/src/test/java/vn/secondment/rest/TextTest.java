package vn.secondment.rest;

import org.junit.jupiter.api.Test;
import vn.secondment.rest.problem.ProblemException;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {

    @Test
    void composesDecomposedVietnameseAndTrims() {
        String decomposed = Normalizer.normalize("  Đặng Thị Thu Hương ", Normalizer.Form.NFD);

        assertThat(Text.nfc("fullName", decomposed)).isEqualTo("Đặng Thị Thu Hương")
                .isEqualTo(Normalizer.normalize("Đặng Thị Thu Hương", Normalizer.Form.NFC));
    }

    @Test
    void keepsValidSurrogatePairs() {
        assertThat(Text.nfc("note", "Hà Nội 😀")).isEqualTo("Hà Nội 😀");
    }

    @Test
    void refusesBrokenUnicodeNamingTheField() {
        assertThatThrownBy(() -> Text.nfc("fullName", "L\ud800e"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("fullName")));
        assertThatThrownBy(() -> Text.nfc("fullName", "Lê\u0000")).isInstanceOf(ProblemException.class);
    }

    @Test
    void foldsDiacriticsCaseAndSpacingForSearch() {
        assertThat(Text.fold("Nguyễn Thị Hoa")).isEqualTo("nguyen thi hoa");
        assertThat(Text.fold(Normalizer.normalize("NGUYỄN  Thị\tHOA ", Normalizer.Form.NFD))).isEqualTo("nguyen thi hoa");
        assertThat(Text.fold("Đặng Văn Đức")).isEqualTo("dang van duc");
        assertThat(Text.fold("hoa.nt@moha.gov.vn")).isEqualTo("hoa.nt@moha.gov.vn");
        assertThat(Text.fold("Tổ chức bộ máy; tiền lương")).isEqualTo("to chuc bo may tien luong");
        assertThat(Text.fold(null)).isEmpty();
    }
}
